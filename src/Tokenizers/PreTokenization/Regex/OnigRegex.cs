using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// A regular expression with Oniguruma's meaning (the engine of Hugging Face's Split pre-tokenizer) matched on code
/// points: a character above U+FFFF is one character, and a lone surrogate reads as U+FFFD (what UTF-8 conversion makes
/// of it). Backtracking, leftmost-first alternation, greedy quantifiers that give back one code point at a time.
/// Thread-safe; matching allocates nothing once the calling thread's backtracking stack has grown to size.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OnigRegex
{
    private readonly int[] _code;
    private readonly CodeSet[] _sets;
    private readonly CodeSet? _firstSet;

    [ThreadStatic] private static int[]? t_stack;

    private OnigRegex(string pattern, RegexProgram program)
    {
        Pattern = pattern;
        _code = program.Code;
        _sets = program.Sets;
        _firstSet = program.FirstSet;
    }

    public string Pattern { get; }

    /// <summary>Compiles <paramref name="pattern"/>; throws <see cref="RegexPatternException"/> for what is not supported.</summary>
    public static OnigRegex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new OnigRegex(pattern, new RegexProgram(OnigPatternParser.Parse(pattern), pattern));
    }

    /// <summary>
    /// The leftmost match that starts at or after <paramref name="from"/> (a code-point boundary), the preferred one at
    /// that start. Empty matches are returned like any other, including one at <c>text.Length</c>; skipping them
    /// where Oniguruma's find_iter would is the caller's business (see <see cref="RegexPreTokenizer"/>).
    /// </summary>
    public bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        int[] stack = t_stack ??= new int[48];
        try
        {
            CodeSet? first = _firstSet;
            for (int pos = from; pos <= text.Length;)
            {
                int width = 1;
                if (first is null || (pos < text.Length && first.Contains(CharClass.CodePointAt(text, pos, out width))))
                {
                    int end = Run(text, 0, pos, ref stack, 0);
                    if (end >= 0)
                    {
                        start = pos;
                        length = end - pos;
                        return true;
                    }
                    if (pos < text.Length) CharClass.CodePointAt(text, pos, out width);
                }
                pos += width;
            }
            start = length = 0;
            return false;
        }
        finally
        {
            t_stack = stack;
        }
    }

    /// <summary>
    /// Runs the program from <paramref name="pc"/> at <paramref name="pos"/>: the end of the first match by priority, or -1.
    /// Backtracking entries go on <paramref name="stack"/> above <paramref name="bottom"/>, three ints each: the
    /// instruction to resume at (negated, minus one, for a run that gives back a code point), the position, and for a run
    /// the position it may not give back past.
    /// </summary>
    private int Run(ReadOnlySpan<char> text, int pc, int pos, ref int[] stack, int bottom)
    {
        int[] code = _code;
        int top = bottom;
        while (true)
        {
            switch ((Op)code[pc])
            {
                case Op.Char:
                    if (pos < text.Length && CharClass.CodePointAt(text, pos, out int cw) == code[pc + 1])
                    {
                        pos += cw;
                        pc += 2;
                        continue;
                    }
                    goto Fail;
                case Op.Set:
                    if (pos < text.Length && _sets[code[pc + 1]].Contains(CharClass.CodePointAt(text, pos, out int sw)))
                    {
                        pos += sw;
                        pc += 2;
                        continue;
                    }
                    goto Fail;
                case Op.Run:
                {
                    CodeSet set = _sets[code[pc + 1]];
                    int min = code[pc + 2], max = code[pc + 3], count = 0, floor = pos;
                    while ((uint)count < (uint)max && pos < text.Length && set.Contains(CharClass.CodePointAt(text, pos, out int rw)))
                    {
                        pos += rw;
                        if (++count == min) floor = pos;
                    }
                    if (count < min) goto Fail;
                    pc += 5;
                    if (pos > floor && code[pc - 1] == 0) Push(ref stack, ref top, -pc - 1, pos, floor);
                    continue;
                }
                case Op.Split:
                    Push(ref stack, ref top, code[pc + 2], pos, 0);
                    pc = code[pc + 1];
                    continue;
                case Op.SplitIf:
                    if (pos < text.Length && _sets[code[pc + 3]].Contains(CharClass.CodePointAt(text, pos, out _)))
                    {
                        Push(ref stack, ref top, code[pc + 2], pos, 0);
                        pc = code[pc + 1];
                    }
                    else
                    {
                        pc = code[pc + 2];
                    }
                    continue;
                case Op.Jump:
                    pc = code[pc + 1];
                    continue;
                case Op.Assert:
                    if (Holds((AnchorKind)code[pc + 1], text, pos))
                    {
                        pc += 2;
                        continue;
                    }
                    goto Fail;
                case Op.Look:
                {
                    bool matched = Run(text, pc + 3, pos, ref stack, top) >= 0;
                    if (matched == (code[pc + 1] != 0)) goto Fail;
                    pc = code[pc + 2];
                    continue;
                }
                case Op.Atomic:
                {
                    int end = Run(text, pc + 2, pos, ref stack, top);
                    if (end < 0) goto Fail;
                    pos = end;
                    pc = code[pc + 1];
                    continue;
                }
                case Op.SubMatch:
                case Op.Match:
                    return pos;
            }

        Fail:
            if (top == bottom) return -1;
            top -= 3;
            pc = stack[top];
            pos = stack[top + 1];
            if (pc < 0)
            {
                // A greedy run gives back its last code point (a surrogate pair is one) and the rest is tried again.
                pc = -pc - 1;
                int floor = stack[top + 2];
                pos -= pos - 2 >= floor && char.IsLowSurrogate(text[pos - 1]) && char.IsHighSurrogate(text[pos - 2]) ? 2 : 1;
                if (pos > floor) Push(ref stack, ref top, -pc - 1, pos, floor);
            }
        }
    }

    private static void Push(ref int[] stack, ref int top, int pc, int pos, int floor)
    {
        if (top + 3 > stack.Length) Array.Resize(ref stack, stack.Length * 2);
        stack[top] = pc;
        stack[top + 1] = pos;
        stack[top + 2] = floor;
        top += 3;
    }

    /// <summary>Oniguruma's anchors: only \n ends a line (no CRLF or Unicode newlines).</summary>
    private static bool Holds(AnchorKind kind, ReadOnlySpan<char> text, int pos) => kind switch
    {
        AnchorKind.LineStart => pos == 0 || text[pos - 1] == '\n',
        AnchorKind.LineEnd => pos == text.Length || text[pos] == '\n',
        AnchorKind.TextStart => pos == 0,
        AnchorKind.TextEnd => pos == text.Length,
        _ => pos == text.Length || (pos == text.Length - 1 && text[pos] == '\n'),
    };
}
