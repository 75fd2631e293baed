using System;
using System.Collections.Generic;
using System.Text;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// A Hugging Face normalizer, run on each piece of the input between non-normalized added tokens (and on the content
/// of normalized added tokens). Returns null when the text is unchanged, so the common case allocates nothing.
/// </summary>
internal abstract class TextNormalizer
{
    /// <summary>The normalized text, or null when it equals <paramref name="text"/>.</summary>
    public abstract string? Normalize(ReadOnlySpan<char> text);

    /// <summary>The normalizer of a definition; null when it does nothing (none, or an empty <c>Sequence</c>).</summary>
    public static TextNormalizer? Create(NormalizerDef? definition, Func<string, SplitMatcher> compileRegex)
    {
        switch (definition)
        {
            case null:
                return null;
            case UnicodeNormalizerDef unicode:
                return new UnicodeFormNormalizer(unicode.Form);
            case LowercaseNormalizerDef:
                return LowercaseNormalizer.Instance;
            case PrependNormalizerDef prepend:
                return prepend.Prepend.Length == 0 ? null : new PrependNormalizer(prepend.Prepend);
            case ReplaceNormalizerDef replace:
                return new ReplaceNormalizer(SplitMatcher.Create(replace.Pattern, compileRegex), replace.Content);
            case SequenceNormalizerDef sequence:
                var items = new List<TextNormalizer>();
                foreach (var item in sequence.Items)
                {
                    if (Create(item, compileRegex) is { } normalizer) items.Add(normalizer);
                }
                return items.Count switch { 0 => null, 1 => items[0], _ => new SequenceNormalizer(items.ToArray()) };
            default:
                throw new NotSupportedException($"The normalizer {definition.GetType().Name} is not supported.");
        }
    }
}

/// <summary><c>Sequence</c>: each normalizer in turn on the previous one's output.</summary>
internal sealed class SequenceNormalizer(TextNormalizer[] items) : TextNormalizer
{
    public override string? Normalize(ReadOnlySpan<char> text)
    {
        string? current = null;
        foreach (var item in items)
        {
            string? next = item.Normalize(current is null ? text : current.AsSpan());
            if (next is not null) current = next;
        }
        return current;
    }
}

/// <summary><c>Prepend</c>: puts the text before a non-empty piece (normalizers/prepend.rs).</summary>
internal sealed class PrependNormalizer(string prefix) : TextNormalizer
{
    public override string? Normalize(ReadOnlySpan<char> text) => text.IsEmpty ? null : string.Concat(prefix.AsSpan(), text);
}

/// <summary>
/// <c>Replace</c>: every match of the pattern, found as onig's find_iter finds them, becomes the content
/// (NormalizedString::replace), taken literally.
/// </summary>
internal sealed class ReplaceNormalizer(SplitMatcher pattern, string content) : TextNormalizer
{
    public override string? Normalize(ReadOnlySpan<char> text)
    {
        StringBuilder? builder = null;
        int copied = 0;
        var matches = new SplitMatcher.Matches(pattern, text);
        while (matches.MoveNext(out int start, out int end))
        {
            builder ??= new StringBuilder(text.Length + content.Length);
            builder.Append(text[copied..start]).Append(content);
            copied = end;
        }
        if (builder is null) return null;
        return builder.Append(text[copied..]).ToString();
    }
}

/// <summary>
/// <c>Lowercase</c>: Rust's <c>char::to_lowercase</c> on each code point, the full mapping: the simple lowercase
/// mapping, except U+0130 (İ), whose full mapping (SpecialCasing.txt, the only unconditional multi-char lowercase
/// mapping) is "i̇".
/// </summary>
internal sealed class LowercaseNormalizer : TextNormalizer
{
    public static LowercaseNormalizer Instance { get; } = new();

    public override string? Normalize(ReadOnlySpan<char> text)
    {
        int i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80 ? c is >= 'A' and <= 'Z' : LowerOf(c) != c) break;
        }
        if (i == text.Length) return null;
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text[..i]);
        while (i < text.Length)
        {
            int cp = UnicodeRules.CodePointAt(text, i, out int width);
            if (cp == 0x130) builder.Append("i\u0307");
            else UnicodeRules.Append(builder, System.Text.Rune.ToLowerInvariant(new System.Text.Rune(cp)).Value);
            i += width;
        }
        return builder.ToString();
    }

    private static int LowerOf(char c)
    {
        if (c == 0x130) return -1;
        if (char.IsSurrogate(c)) return -1; // rare: take the general path
        return System.Text.Rune.ToLowerInvariant(new System.Text.Rune(c)).Value;
    }
}
