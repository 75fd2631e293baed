using System.Runtime.CompilerServices;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// A <see cref="CodePointSet"/> ready for matching: ASCII from a 128-bit map, other code points by general category
/// (<see cref="CharClass.Category"/>, the run time's Unicode data, as the scanners use) and ranges.
/// </summary>
internal sealed class CodeSet
{
    private readonly ulong _ascii0, _ascii1;
    private readonly uint _categories;   // the fast path: a set of categories and ranges, maybe negated
    private readonly int[] _ranges;
    private readonly bool _negated;
    private readonly CodePointSet? _general; // sets with complements inside (e.g. [\S\d]) take the general path

    public CodeSet(CodePointSet set)
    {
        for (int c = 0; c < 128; c++)
        {
            if (!set.Contains(c, CharClass.Category(c))) continue;
            if (c < 64) _ascii0 |= 1UL << c;
            else _ascii1 |= 1UL << (c - 64);
        }
        _categories = set.Categories;
        _ranges = set.Ranges;
        _negated = set.Negated;
        _general = set.Complements.Count > 0 ? set : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int codePoint)
    {
        if (codePoint < 128) return ((codePoint < 64 ? _ascii0 >> codePoint : _ascii1 >> (codePoint - 64)) & 1) != 0;
        return ContainsNonAscii(codePoint);
    }

    private bool ContainsNonAscii(int codePoint)
    {
        if (_general is not null) return _general.Contains(codePoint, CharClass.Category(codePoint));
        bool inSet = (_categories != 0 && (_categories & (1u << (int)CharClass.Category(codePoint))) != 0) || CodePointSet.InRanges(_ranges, codePoint);
        return inSet != _negated;
    }
}
