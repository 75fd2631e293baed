using System.Collections.Generic;
using Tokenizers.Compilation;
using Tokenizers.Compilation.Json;

namespace Tokenizers.Generator.Parsing;

/// <summary>One "token": id entry of vocab.json, with where its key stands, the key's length as written and where its id stands.</summary>
internal readonly record struct JsonEntry(string Key, int Id, TextPoint Where, int Length, TextPoint IdWhere, int IdLength);

/// <summary>
/// Reads a JSON object of string keys and integer values (vocab.json) with the shared JSON parser (a generator cannot
/// bring System.Text.Json into every compiler process); errors carry line and column.
/// </summary>
internal static class JsonVocabularyReader
{
    public static List<JsonEntry> Read(string text, out ParseError? error)
    {
        var entries = new List<JsonEntry>();
        var document = JsonDocument.Parse(text, out var syntaxError);
        if (document is null)
        {
            error = new ParseError(Point(syntaxError!.Where), syntaxError.Message);
            return entries;
        }
        var root = document.Root;
        if (root.Kind != JsonKind.Object)
        {
            error = new ParseError(Point(root.Where), "expected '{' to start the vocabulary object, found " + root.Describe());
            return entries;
        }
        entries.Capacity = root.Count;
        foreach (var member in root.EnumerateObject())
        {
            var id = member.Value;
            if (!id.TryGetInt64(out long value) || value < 0 || value > int.MaxValue)
            {
                error = new ParseError(Point(id.Where), id.Kind == JsonKind.Number
                    ? $"id '{TextDisplay.Show(id.RawText)}' is not a non-negative 32-bit integer"
                    : "expected an integer id, found " + id.Describe());
                return entries;
            }
            entries.Add(new JsonEntry(member.Name.GetString(), (int)value, Point(member.Name.Where), member.Name.Length, Point(id.Where), id.Length));
        }
        error = null;
        return entries;
    }

    private static TextPoint Point(SourcePoint point) => new(point.Offset, point.Line, point.Column);
}
