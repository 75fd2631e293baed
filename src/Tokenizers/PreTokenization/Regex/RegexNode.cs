using System.Collections.Generic;

namespace Tokenizers.PreTokenization.Regex;

// The parsed pattern (shared source: the generator validates patterns with the same parser).

/// <summary>A node of a parsed pattern. Capturing groups are plain groups: only the match's bounds matter to Split.</summary>
internal abstract class RegexNode
{
    /// <summary>Fewest code points the node can match; 0 means it can match empty (a loop over it could spin).</summary>
    public abstract int MinLength { get; }
}

/// <summary>One code point that equals <see cref="CodePoint"/>.</summary>
internal sealed class CharNode(int codePoint) : RegexNode
{
    public int CodePoint { get; } = codePoint;
    public override int MinLength => 1;
}

/// <summary>One code point in <see cref="Set"/> (a class, an escape such as <c>\s</c>, <c>.</c>, or a case-folded letter).</summary>
internal sealed class SetNode(CodePointSet set) : RegexNode
{
    public CodePointSet Set { get; } = set;
    public override int MinLength => 1;
}

internal sealed class EmptyNode : RegexNode
{
    public static EmptyNode Instance { get; } = new();
    public override int MinLength => 0;
}

internal sealed class ConcatNode(List<RegexNode> items) : RegexNode
{
    public List<RegexNode> Items { get; } = items;

    public override int MinLength
    {
        get
        {
            int sum = 0;
            foreach (RegexNode item in Items) sum += item.MinLength;
            return sum;
        }
    }
}

/// <summary>Alternatives tried left to right; the first that lets the rest match wins (leftmost-first, as Oniguruma).</summary>
internal sealed class AlternationNode(List<RegexNode> branches) : RegexNode
{
    public List<RegexNode> Branches { get; } = branches;

    public override int MinLength
    {
        get
        {
            int min = int.MaxValue;
            foreach (RegexNode branch in Branches) min = System.Math.Min(min, branch.MinLength);
            return min;
        }
    }
}

internal enum RepeatKind : byte { Greedy, Lazy, Possessive }

/// <summary><c>Body{Min,Max}</c>; <see cref="Max"/> is -1 when unbounded.</summary>
internal sealed class RepeatNode(RegexNode body, int min, int max, RepeatKind kind) : RegexNode
{
    public RegexNode Body { get; } = body;
    public int Min { get; } = min;
    public int Max { get; } = max;
    public RepeatKind Kind { get; } = kind;
    public override int MinLength => Min * Body.MinLength;
}

/// <summary><c>(?=Body)</c> or <c>(?!Body)</c>: zero-width, and atomic (no backtracking into it once it holds).</summary>
internal sealed class LookaheadNode(RegexNode body, bool negated) : RegexNode
{
    public RegexNode Body { get; } = body;
    public bool Negated { get; } = negated;
    public override int MinLength => 0;
}

/// <summary><c>(?&gt;Body)</c>: matches as Body alone would, then never gives any of it back.</summary>
internal sealed class AtomicNode(RegexNode body) : RegexNode
{
    public RegexNode Body { get; } = body;
    public override int MinLength => Body.MinLength;
}

internal enum AnchorKind : byte
{
    LineStart,      // ^ : at the start or after \n (Oniguruma's ^ is always multi-line)
    LineEnd,        // $ : at the end or before \n
    TextStart,      // \A
    TextEnd,        // \z
    TextEndOrFinalNewline, // \Z
}

internal sealed class AnchorNode(AnchorKind kind) : RegexNode
{
    public AnchorKind Kind { get; } = kind;
    public override int MinLength => 0;
}
