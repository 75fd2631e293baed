using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// A set of code points as a pattern spells it: ranges, general categories (one bit per <see cref="UnicodeCategory"/>)
/// and complements (<c>\S</c>, <c>\P{L}</c> inside a class), their union negated when <see cref="Negated"/>.
/// Membership takes the category from the caller, so this compiles on netstandard2.0 and the Unicode data is the run time's.
/// </summary>
internal sealed class CodePointSet
{
    private List<int> _ranges = new(); // inclusive lo, hi pairs, sorted and merged
    private int[] _rangeArray = [];
    private uint _categories;
    private readonly List<CodePointSet> _complements = new();

    public bool Negated { get; set; }

    /// <summary>Sorted, disjoint, non-adjacent inclusive ranges as lo, hi pairs (do not modify).</summary>
    public int[] Ranges => _rangeArray;

    /// <summary>Bit <c>1 &lt;&lt; (int)category</c> for each general category in the set.</summary>
    public uint Categories => _categories;

    public IReadOnlyList<CodePointSet> Complements => _complements;

    public static CodePointSet Of(int codePoint) => new CodePointSet().AddRange(codePoint, codePoint);

    public static CodePointSet OfCategories(uint categories) => new CodePointSet().AddCategories(categories);

    /// <summary>Unicode White_Space, Oniguruma's <c>\s</c> (a stable property: unchanged since Unicode 6.3).</summary>
    public static CodePointSet WhiteSpace() => new CodePointSet()
        .AddRange('\t', '\r').AddRange(' ', ' ').AddRange(0x85, 0x85).AddRange(0xA0, 0xA0).AddRange(0x1680, 0x1680)
        .AddRange(0x2000, 0x200A).AddRange(0x2028, 0x2029).AddRange(0x202F, 0x202F).AddRange(0x205F, 0x205F)
        .AddRange(0x3000, 0x3000);

    public CodePointSet AddRange(int lo, int hi)
    {
        int i = 0;
        while (i < _ranges.Count && _ranges[i + 1] < lo - 1) i += 2;
        int j = i;
        while (j < _ranges.Count && _ranges[j] <= hi + 1)
        {
            if (_ranges[j] < lo) lo = _ranges[j];
            if (_ranges[j + 1] > hi) hi = _ranges[j + 1];
            j += 2;
        }
        _ranges.RemoveRange(i, j - i);
        _ranges.Insert(i, hi);
        _ranges.Insert(i, lo);
        _rangeArray = _ranges.ToArray();
        return this;
    }

    public CodePointSet AddCategories(uint categories)
    {
        _categories |= categories;
        return this;
    }

    /// <summary>Adds every code point of <paramref name="other"/> (which may be negated) to this set's union.</summary>
    public CodePointSet AddSet(CodePointSet other)
    {
        if (other.Negated)
        {
            _complements.Add(other.Copy(negated: false));
            return this;
        }
        for (int i = 0; i < other._ranges.Count; i += 2) AddRange(other._ranges[i], other._ranges[i + 1]);
        _categories |= other._categories;
        _complements.AddRange(other._complements);
        return this;
    }

    public CodePointSet Copy(bool negated)
    {
        var copy = new CodePointSet { _ranges = new List<int>(_ranges), _rangeArray = _rangeArray, _categories = _categories, Negated = negated };
        copy._complements.AddRange(_complements);
        return copy;
    }

    public bool Contains(int codePoint, UnicodeCategory category)
    {
        bool inUnion = InRanges(_rangeArray, codePoint) || (_categories & (1u << (int)category)) != 0;
        for (int i = 0; !inUnion && i < _complements.Count; i++) inUnion = !_complements[i].Contains(codePoint, category);
        return inUnion != Negated;
    }

    /// <summary>Binary search of sorted, disjoint inclusive lo, hi pairs.</summary>
    public static bool InRanges(int[] ranges, int codePoint)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (codePoint < ranges[2 * mid]) hi = mid - 1;
            else if (codePoint > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
