using System.Globalization;

namespace Tokenizers.Compilation.Json;

/// <summary>Builds JSON paths for messages (<c>model.merges[12]</c>, <c>model.vocab["tok"]</c>); only called when an error needs one.</summary>
internal static class JsonPath
{
    /// <summary><c>parent.name</c> (<c>name</c> at the root); a name that is not an identifier as <see cref="Key"/>.</summary>
    public static string Member(string? parent, string name)
        => !IsIdentifier(name) ? Key(parent, name) : string.IsNullOrEmpty(parent) ? name : parent + "." + name;

    /// <summary><c>parent["key"]</c>: any key, shown with quotes, backslashes and control characters escaped.</summary>
    public static string Key(string? parent, string key)
        => parent + "[\"" + TextDisplay.Show(key.Replace("\\", "\\\\").Replace("\"", "\\\"")) + "\"]";

    public static string Index(string? parent, int index)
        => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || name[0] is >= '0' and <= '9') return false;
        foreach (char c in name)
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')) return false;
        return true;
    }
}
