using System.Collections.Generic;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Compilation;

/// <summary>One "token": id entry of vocab.json, with where its key stands, the key's length as written and where its id stands.</summary>
internal readonly record struct JsonEntry(string Key, int Id, SourcePoint Where, int Length, SourcePoint IdWhere, int IdLength);

/// <summary>
/// Reads a JSON object of string keys and integer values (vocab.json) with the shared JSON parser (a generator cannot
/// bring System.Text.Json into every compiler process); errors carry line and column.
/// </summary>
internal static class JsonVocabularyReader
{
    public static List<JsonEntry> Read(string text, out CompileError? error)
    {
        var entries = new List<JsonEntry>();
        var document = JsonDocument.Parse(text, out var syntaxError);
        if (document is null)
        {
            error = new CompileError(CompileErrorCodes.InvalidJson, syntaxError!.Message, null, syntaxError.Where);
            return entries;
        }
        var root = document.Root;
        if (root.Kind != JsonKind.Object)
        {
            error = new CompileError(CompileErrorCodes.InvalidJson, "expected '{' to start the vocabulary object, found " + root.Describe(), null, root.Where);
            return entries;
        }
        entries.Capacity = root.Count;
        foreach (var member in root.EnumerateObject())
        {
            var id = member.Value;
            if (!id.TryGetInt64(out long value) || value < 0 || value > int.MaxValue)
            {
                error = new CompileError(CompileErrorCodes.InvalidJson, id.Kind == JsonKind.Number
                    ? $"id '{TextDisplay.Show(id.RawText)}' is not a non-negative 32-bit integer"
                    : "expected an integer id, found " + id.Describe(), null, id.Where);
                return entries;
            }
            entries.Add(new JsonEntry(member.Name.GetString(), (int)value, member.Name.Where, member.Name.Length, id.Where, id.Length));
        }
        error = null;
        return entries;
    }
}
