using System;
using System.Collections.Generic;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>Instructions of the backtracking matcher; operands follow the opcode in the same int array.</summary>
internal enum Op
{
    Char,      // cp: one code point equal to cp
    Set,       // set: one code point in sets[set]
    Run,       // set, min, max (-1 unbounded), possessive: a greedy run of set members that gives back one at a time
    Split,     // first, second: go on at first; on failure, at second
    SplitIf,   // first, second, set: as Split when the code point at the position is in sets[set], else straight to second
    Jump,      // target
    Assert,    // AnchorKind
    Look,      // negated, next: the body follows, ends with SubMatch; zero-width and atomic
    Atomic,    // next: the body follows, ends with SubMatch; keeps the body's first match only
    SubMatch,  // end of a Look or Atomic body
    Match,
}

/// <summary>A parsed pattern compiled to instructions for <see cref="OnigRegex"/>.</summary>
internal sealed class RegexProgram
{
    /// <summary>Unrolled counted repeats past this many instructions are refused, so that no pattern makes a huge program.</summary>
    private const int MaxCodeLength = 200_000;

    private readonly List<int> _code = new();
    private readonly List<CodeSet> _sets = new();

    public int[] Code { get; }
    public CodeSet[] Sets { get; }

    /// <summary>Code points a match can start with, or null when any can (or the pattern can match empty).</summary>
    public CodeSet? FirstSet { get; }

    public RegexProgram(RegexNode root, string pattern)
    {
        Emit(root, pattern);
        _code.Add((int)Op.Match);
        Code = _code.ToArray();
        Sets = _sets.ToArray();
        CodePointSet? first = root.MinLength > 0 ? First(root) : null;
        FirstSet = first is null ? null : new CodeSet(first);
    }

    private int AddSet(CodePointSet set)
    {
        _sets.Add(new CodeSet(set));
        return _sets.Count - 1;
    }

    private void Emit(RegexNode node, string pattern)
    {
        if (_code.Count > MaxCodeLength) throw new RegexPatternException("pattern too large once its repeats are unrolled", 0, pattern);
        switch (node)
        {
            case CharNode c:
                _code.Add((int)Op.Char);
                _code.Add(c.CodePoint);
                break;
            case SetNode s:
                _code.Add((int)Op.Set);
                _code.Add(AddSet(s.Set));
                break;
            case EmptyNode:
                break;
            case ConcatNode concat:
                foreach (RegexNode item in concat.Items) Emit(item, pattern);
                break;
            case AlternationNode alternation:
                EmitAlternation(alternation, pattern);
                break;
            case RepeatNode repeat:
                EmitRepeat(repeat, pattern);
                break;
            case LookaheadNode look:
                _code.Add((int)Op.Look);
                _code.Add(look.Negated ? 1 : 0);
                EmitBody(look.Body, pattern);
                break;
            case AtomicNode atomic:
                _code.Add((int)Op.Atomic);
                EmitBody(atomic.Body, pattern);
                break;
            case AnchorNode anchor:
                _code.Add((int)Op.Assert);
                _code.Add((int)anchor.Kind);
                break;
            default:
                throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }

    /// <summary>The 'next' operand, then the body and SubMatch; 'next' points past them.</summary>
    private void EmitBody(RegexNode body, string pattern)
    {
        int next = _code.Count;
        _code.Add(0);
        Emit(body, pattern);
        _code.Add((int)Op.SubMatch);
        _code[next] = _code.Count;
    }

    private void EmitAlternation(AlternationNode alternation, string pattern)
    {
        var jumpsToEnd = new List<int>();
        for (int b = 0; b < alternation.Branches.Count; b++)
        {
            bool last = b == alternation.Branches.Count - 1;
            int split = -1;
            if (!last)
            {
                // A branch that must consume a code point it cannot start with is skipped without backtracking.
                RegexNode branch = alternation.Branches[b];
                CodePointSet? first = branch.MinLength > 0 ? First(branch) : null;
                split = _code.Count;
                _code.Add((int)(first is null ? Op.Split : Op.SplitIf));
                _code.Add(split + (first is null ? 3 : 4));
                _code.Add(0);
                if (first is not null) _code.Add(AddSet(first));
            }
            Emit(alternation.Branches[b], pattern);
            if (!last)
            {
                _code.Add((int)Op.Jump);
                jumpsToEnd.Add(_code.Count);
                _code.Add(0);
                _code[split + 2] = _code.Count;
            }
        }
        foreach (int operand in jumpsToEnd) _code[operand] = _code.Count;
    }

    private void EmitRepeat(RepeatNode repeat, string pattern)
    {
        CodePointSet? single = repeat.Body switch
        {
            CharNode c => CodePointSet.Of(c.CodePoint),
            SetNode s => s.Set,
            _ => null,
        };
        if (single is not null && repeat.Kind != RepeatKind.Lazy)
        {
            _code.Add((int)Op.Run);
            _code.Add(AddSet(single));
            _code.Add(repeat.Min);
            _code.Add(repeat.Max);
            _code.Add(repeat.Kind == RepeatKind.Possessive ? 1 : 0);
            return;
        }
        if (repeat.Kind == RepeatKind.Possessive)
        {
            _code.Add((int)Op.Atomic);
            EmitBody(new RepeatNode(repeat.Body, repeat.Min, repeat.Max, RepeatKind.Greedy), pattern);
            return;
        }
        for (int i = 0; i < repeat.Min; i++) Emit(repeat.Body, pattern);
        bool greedy = repeat.Kind == RepeatKind.Greedy;
        if (repeat.Max < 0)
        {
            // loop: Split(body, exit) body Jump(loop); bodies that can match empty were refused by the parser.
            int loop = _code.Count;
            _code.Add((int)Op.Split);
            _code.Add(0);
            _code.Add(0);
            int bodyStart = _code.Count;
            Emit(repeat.Body, pattern);
            _code.Add((int)Op.Jump);
            _code.Add(loop);
            SetSplit(loop, bodyStart, _code.Count, greedy);
            return;
        }
        var splits = new List<int>();
        for (int i = repeat.Min; i < repeat.Max; i++)
        {
            splits.Add(_code.Count);
            _code.Add((int)Op.Split);
            _code.Add(0);
            _code.Add(0);
            Emit(repeat.Body, pattern);
        }
        foreach (int split in splits) SetSplit(split, split + 3, _code.Count, greedy);
    }

    private void SetSplit(int split, int body, int exit, bool greedy)
    {
        _code[split + 1] = greedy ? body : exit;
        _code[split + 2] = greedy ? exit : body;
    }

    /// <summary>
    /// Code points the node's matches can start with, or null for any. Zero-width parts add nothing: they constrain a
    /// match but consume nothing, so the first code point comes from what follows them.
    /// </summary>
    private static CodePointSet? First(RegexNode node)
    {
        switch (node)
        {
            case CharNode c:
                return CodePointSet.Of(c.CodePoint);
            case SetNode s:
                return s.Set.Copy(s.Set.Negated);
            case ConcatNode concat:
            {
                var union = new CodePointSet();
                foreach (RegexNode item in concat.Items)
                {
                    CodePointSet? first = First(item);
                    if (first is null) return null;
                    union.AddSet(first);
                    if (item.MinLength > 0) break;
                }
                return union;
            }
            case AlternationNode alternation:
            {
                var union = new CodePointSet();
                foreach (RegexNode branch in alternation.Branches)
                {
                    CodePointSet? first = First(branch);
                    if (first is null) return null;
                    union.AddSet(first);
                }
                return union;
            }
            case RepeatNode repeat:
                return First(repeat.Body);
            case AtomicNode atomic:
                return First(atomic.Body);
            default: // lookahead, anchor, empty
                return new CodePointSet();
        }
    }
}
