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

    /// <summary>
    /// Appends the normalized text to <paramref name="output"/> and returns true, or returns false when it equals
    /// <paramref name="text"/>. A normalizer that can build its output without a string overrides it.
    /// </summary>
    public virtual bool NormalizeInto(ReadOnlySpan<char> text, ref PooledChars output)
    {
        if (Normalize(text) is not { } normalized) return false;
        output.Append(normalized);
        return true;
    }

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
    public override unsafe string? Normalize(ReadOnlySpan<char> text)
    {
        if (pattern is not LiteralMatcher) return NormalizeOnce(text);
        // A literal's matches are cheap to find twice: the first pass measures, so the result is one allocation.
        int count = 0, removed = 0;
        var matches = new SplitMatcher.Matches(pattern, text);
        while (matches.MoveNext(out int start, out int end))
        {
            count++;
            removed += end - start;
        }
        if (count == 0) return null;
        fixed (char* source = text)
        {
            return string.Create(text.Length - removed + count * content.Length, (Source: (IntPtr)source, text.Length, Normalizer: this),
                static (destination, state) => state.Normalizer.Write(new ReadOnlySpan<char>((char*)state.Source, state.Length), destination));
        }
    }

    /// <summary>A regex's matches, found once, into a builder.</summary>
    private string? NormalizeOnce(ReadOnlySpan<char> text)
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
        return builder?.Append(text[copied..]).ToString();
    }

    private void Write(ReadOnlySpan<char> text, Span<char> destination)
    {
        int copied = 0, written = 0;
        var matches = new SplitMatcher.Matches(pattern, text);
        while (matches.MoveNext(out int start, out int end))
        {
            text[copied..start].CopyTo(destination[written..]);
            written += start - copied;
            content.AsSpan().CopyTo(destination[written..]);
            written += content.Length;
            copied = end;
        }
        text[copied..].CopyTo(destination[written..]);
    }
}

/// <summary>
/// <c>Lowercase</c>: Rust's <c>char::to_lowercase</c> on each code point, the full mapping: the simple lowercase
/// mapping, except U+0130 (İ), whose full mapping (SpecialCasing.txt, the only unconditional multi-char lowercase
/// mapping) is "i̇". Rust's tables are newer than .NET 8's: the mappings of letters added since (Unicode 16 and 17,
/// found by running every code point through Hugging Face 0.22.2) are listed here.
/// </summary>
internal sealed class LowercaseNormalizer : TextNormalizer
{
    public static LowercaseNormalizer Instance { get; } = new();

    public override string? Normalize(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int cp = UnicodeRules.CodePointAt(text, i, out int width);
            if (LowerOf(cp) != cp) break;
            i += width;
        }
        if (i == text.Length) return null;
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text[..i]);
        while (i < text.Length)
        {
            int cp = UnicodeRules.CodePointAt(text, i, out int width);
            int lower = LowerOf(cp);
            if (lower < 0) builder.Append("i\u0307");
            else if (cp == 0xFFFD && char.IsSurrogate(text[i])) builder.Append(text[i]); // lone surrogate: left for UTF-8 to make U+FFFD
            else UnicodeRules.Append(builder, lower);
            i += width;
        }
        return builder.ToString();
    }

    /// <summary>The lowercase of a code point; -1 for U+0130, whose lowercase is two code points.</summary>
    private static int LowerOf(int cp)
    {
        if (cp < 0x80) return cp is >= 'A' and <= 'Z' ? cp + 32 : cp;
        switch (cp)
        {
            case 0x130: return -1;
            case 0x1C89: return 0x1C8A;
            case 0xA7CB: return 0x0264;
            case 0xA7CC or 0xA7CE or 0xA7D2 or 0xA7D4 or 0xA7DA: return cp + 1;
            case 0xA7DC: return 0x019B;
            case >= 0x10D50 and <= 0x10D65: return cp + 0x20;
            case >= 0x16EA0 and <= 0x16EB8: return cp + 0x1B;
        }
        return System.Text.Rune.ToLowerInvariant(new System.Text.Rune(cp)).Value;
    }
}
