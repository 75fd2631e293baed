using System;
using System.Buffers;
using System.Threading;

namespace Tokenizers.HuggingFace;

/// <summary>
/// <c>NFC</c>, <c>NFD</c>, <c>NFKC</c> and <c>NFKD</c> (the unicode-normalization crate in Hugging Face), computed by
/// <see cref="UnicodeNormalization"/> over Hugging Face's own Unicode data, the same with or without ICU. Text that
/// cannot change is recognised without a copy: ASCII under every form. Under NFC a char with NFC_Quick_Check=Yes and
/// combining class 0 (a "stable" char, see <see cref="NormalizationTables.NfcStableRanges"/>) is a boundary: nothing before it composes or
/// reorders with anything after it, and it does not compose with what precedes it. Under NFD, NFKC and NFKD such a
/// char is one too where the form leaves it unchanged alone (decomposing nothing that stays decomposed). So only the
/// regions around the other chars (from the stable char before one to the stable char after it) are normalized; the
/// rest passes through, and unchanged text allocates nothing.
/// </summary>
internal sealed class UnicodeFormNormalizer : TextNormalizer
{
    private readonly bool _compatibility, _compose;

    /// <summary>Where this form's slots begin in <see cref="t_unchanged"/>.</summary>
    private readonly int _slots;

    /// <summary>Under a form other than NFC, the BMP chars asked about so far, and those of them that are boundaries (<see cref="IsStableHere"/>).</summary>
    private readonly ulong[]? _known, _stable;

    public UnicodeFormNormalizer(string form)
    {
        int index;
        (_compatibility, _compose, index) = form switch
        {
            "NFC" => (false, true, 0),
            "NFD" => (false, false, 1),
            "NFKC" => (true, true, 2),
            "NFKD" => (true, false, 3),
            _ => throw new NotSupportedException($"The normalizer {form} is not supported."),
        };
        _slots = RememberedSlots * index;
        if (index != 0)
        {
            _known = new ulong[0x10000 / 64];
            _stable = new ulong[0x10000 / 64];
        }
    }

    public override string? Normalize(ReadOnlySpan<char> text)
    {
        var output = new PooledChars();
        try
        {
            return NormalizeInto(text, ref output) ? output.ToString() : null;
        }
        finally
        {
            output.Dispose();
        }
    }

    public override bool NormalizeInto(ReadOnlySpan<char> text, ref PooledChars output)
    {
        if (System.Text.Ascii.IsValid(text)) return false;

        bool changed = false;
        int copied = 0;     // text[..copied] is in the output
        int floor = 0;      // a region starts no earlier: the end of the previous one (a boundary)
        int unstable = IndexOfUnstable(text, 0);
        while (unstable >= 0)
        {
            // The stable char just before may compose with what follows it; the one after the region is a boundary.
            int start = unstable > floor ? unstable - 1 : unstable;
            int end = unstable + 1;
            while (end < text.Length && !IsStableHere(text[end])) end++;
            if (NormalizeRun(text[start..end], text[copied..start], ref output))
            {
                changed = true;
                copied = end;
            }
            floor = end;
            unstable = IndexOfUnstable(text, end);
        }
        if (!changed) return false;
        output.Append(text[copied..]);
        // A lone surrogate in an unchanged region is U+FFFD in a changed text, as if the whole text were normalized.
        output.ReplaceLoneSurrogates();
        return true;
    }

    /// <summary>When the region changes: appends <paramref name="before"/> and the normalized region, and returns true.</summary>
    private bool NormalizeRun(ReadOnlySpan<char> text, ReadOnlySpan<char> before, ref PooledChars output)
    {
        // A short region that this thread saw unchanged is unchanged: nothing to decompose and compare.
        Span<char> slot = default;
        if (text.Length <= MaxRememberedLength)
        {
            char[] seen = t_unchanged ??= new char[RememberedSlots * 4 * SlotLength];
            int at = (_slots + (int)((uint)string.GetHashCode(text) % RememberedSlots)) * SlotLength;
            slot = seen.AsSpan(at, SlotLength);
            if (slot[0] == text.Length + 1 && slot[1..].StartsWith(text)) return false;
        }

        // Hugging Face sees U+FFFD for a lone surrogate.
        string? replaced = UnicodeRules.ReplaceLoneSurrogates(text);
        if (UnicodeNormalization.TryNormalize(replaced ?? text, _compatibility, _compose, before, ref output)) return true;
        // Remembered only as the text itself: a copy with U+FFFD for lone surrogates is not what a later text holds.
        if (!slot.IsEmpty && replaced is null)
        {
            text.CopyTo(slot[1..]);
            slot[0] = (char)(text.Length + 1);
        }
        return false;
    }

    /// <summary>
    /// The regions NFC hands <see cref="NormalizeRun"/> are short and recur (a script's conjuncts around a virama, a
    /// mark on the same letter), and real text is mostly normalized already: the last unchanged region of each slot is
    /// kept, per thread, so that counting such text decomposes none of them twice in a row. A slot is its region's
    /// length + 1 (0: empty) and its chars, copied in: regions that share a slot take turns in it without making a
    /// string. Each form has its own slots (<see cref="_slots"/>): what NFC leaves unchanged NFKC may change.
    /// </summary>
    [ThreadStatic]
    private static char[]? t_unchanged;

    private const int RememberedSlots = 256, MaxRememberedLength = 32, SlotLength = MaxRememberedLength + 1;

    /// <summary>
    /// The first char at or after <paramref name="from"/> that is not a boundary (<see cref="IsStableHere"/>), or -1.
    /// Runs of chars that are boundaries under every use of this form (below U+0300 under NFC, ASCII under the others)
    /// are skipped with a vectorised scan: text that is mostly ASCII, such as code with a few other chars, would
    /// otherwise take this loop char by char.
    /// </summary>
    private int IndexOfUnstable(ReadOnlySpan<char> text, int from)
    {
        bool nfc = _known is null;
        char last = nfc ? (char)(FirstUnstable - 1) : '\u007F';
        for (int i = from; i < text.Length;)
        {
            char c = text[i];
            if (c <= last)
            {
                // Through SearchValues, as UnicodeRules.IndexOfSurrogate: IndexOfAnyExceptInRange allocated in a
                // process's first calls (UnicodeFormAllocationTests).
                int skip = text[i..].IndexOfAnyExcept(nfc ? s_belowFirstUnstable : s_ascii);
                if (skip < 0) return -1;
                i += skip;
                continue;
            }
            // Under NFC a boundary is a stable char: a bit read here, without the call.
            if (nfc ? !IsStable(c) : !IsStableHere(c)) return i;
            i++;
        }
        return -1;
    }

    /// <summary>Every char below it is NFC-stable (the combining marks begin at U+0300).</summary>
    private const int FirstUnstable = 0x300;

    private static readonly SearchValues<char> s_belowFirstUnstable = UnicodeRules.CharRange(0, FirstUnstable);
    private static readonly SearchValues<char> s_ascii = UnicodeRules.CharRange(0, 0x80);

    private static bool IsStable(char c) => c < FirstUnstable || (s_stableBits[c >> 6] & (1UL << c)) != 0;

    /// <summary>
    /// Whether <paramref name="c"/> is a boundary under this form: NFC-stable (<see cref="IsStable"/>) and, under the
    /// other forms, also unchanged by the form alone (no compatibility or canonical decomposition that stays). That is
    /// worked out once per char and normalizer, on first sight, and kept in two bitsets; a reader that sees a char
    /// known before its stability lands takes it as unstable, which only normalizes a larger region.
    /// </summary>
    private bool IsStableHere(char c)
    {
        if (_known is null) return IsStable(c);
        if (c < 0x80) return true;
        if (!IsStable(c)) return false;
        int word = c >> 6;
        ulong bit = 1UL << c;
        if ((Volatile.Read(ref _known[word]) & bit) != 0) return (Volatile.Read(ref _stable![word]) & bit) != 0;
        bool stable = !UnicodeNormalization.Changes(new ReadOnlySpan<char>(in c), _compatibility, _compose);
        if (stable) Interlocked.Or(ref _stable![word], bit);
        Interlocked.Or(ref _known[word], bit);
        return stable;
    }

    private static ulong[] BuildBits(ReadOnlySpan<int> ranges)
    {
        var bits = new ulong[0x10000 / 64];
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++) bits[c >> 6] |= 1UL << c;
        }
        return bits;
    }

    /// <summary>The NFC-stable BMP chars (<see cref="NormalizationTables.NfcStableRanges"/>), a bit each.</summary>
    private static readonly ulong[] s_stableBits = BuildBits(NormalizationTables.NfcStableRanges);
}
