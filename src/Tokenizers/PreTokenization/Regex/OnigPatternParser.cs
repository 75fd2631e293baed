using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// Parses the subset of Oniguruma's syntax (ONIG_SYNTAX_ONIGURUMA, UTF-8, as Hugging Face's tokenizers compiles Split
/// patterns) whose meaning the matcher reproduces exactly; anything else is a <see cref="RegexPatternException"/> naming
/// the construct and its offset. Oniguruma's meanings: <c>^ $</c> are line anchors (only \n ends a line), <c>.</c> is
/// any code point but \n (<c>(?m)</c> lets it match \n), <c>\s</c> is White_Space, <c>\d</c> is Nd, <c>(?i)</c> applies
/// to the rest of its group, alternatives included, and properties are not case-folded.
/// </summary>
internal sealed class OnigPatternParser
{
    private readonly string _pattern;
    private int _pos;

    private OnigPatternParser(string pattern) => _pattern = pattern;

    public static RegexNode Parse(string pattern)
    {
        var parser = new OnigPatternParser(pattern);
        RegexNode root = parser.ParseAlternation(new Options(IgnoreCase: false, DotAll: false), scopeEndsWithGroup: true);
        if (parser._pos < pattern.Length) throw parser.Error("unmatched )", parser._pos);
        return root;
    }

    private readonly record struct Options(bool IgnoreCase, bool DotAll);

    private RegexPatternException Error(string construct, int offset) => new(construct, offset, _pattern);

    private bool AtEnd => _pos >= _pattern.Length;

    private char Peek => _pattern[_pos];

    /// <summary>
    /// Alternatives up to a ')' (left for the caller) or the end. <paramref name="scopeEndsWithGroup"/>: the options
    /// in force end where this alternation does (see <see cref="ParseConcat"/>).
    /// </summary>
    private RegexNode ParseAlternation(Options options, bool scopeEndsWithGroup)
    {
        var branches = new List<RegexNode> { ParseConcat(options, scopeEndsWithGroup) };
        while (!AtEnd && Peek == '|')
        {
            _pos++;
            branches.Add(ParseConcat(options, scopeEndsWithGroup));
        }
        return branches.Count == 1 ? branches[0] : new AlternationNode(branches);
    }

    /// <summary>
    /// A sequence up to '|', ')' or the end. Under <c>(?i)</c>, Oniguruma folds a run of literal letters as a string, with
    /// multi-character folds (ss = ß = ẞ, st = ﬆ, ff = ﬀ, fi = ﬁ, fl = ﬂ), even across group bounds; those are not
    /// implemented, so an 's' or 'f' is only accepted where no such fold can start: before a literal that no fold
    /// continues with, or at the end of a branch or of the case-insensitive scope.
    /// </summary>
    private RegexNode ParseConcat(Options options, bool scopeEndsWithGroup)
    {
        var items = new List<RegexNode>();
        int foldRisk = -1; // offset of a case-insensitive 's' or 'f' that a multi-character fold could start at
        while (!AtEnd && Peek != '|' && Peek != ')')
        {
            int start = _pos;
            if (Peek == '(' && TryParseOptionSwitch(options, out Options switched))
            {
                // (?i) with no ':' covers the rest of the enclosing group, its later alternatives included.
                if (foldRisk >= 0) throw FoldError(foldRisk);
                items.Add(ParseAlternation(switched, scopeEndsWithGroup));
                return Sequence(items);
            }
            RegexNode atom = ParseAtom(options, out int literal);
            RegexNode item = ParseQuantifiers(atom, start);
            if (item != atom) literal = -1; // a repeated letter is not part of a folded string
            if (foldRisk >= 0 && !(literal >= 0 && !ContinuesFold(literal))) throw FoldError(foldRisk);
            foldRisk = options.IgnoreCase && literal >= 0 && literal < 0x80 && (char)(literal | 0x20) is 's' or 'f' ? start : -1;
            items.Add(item);
        }
        if (foldRisk >= 0 && !AtEnd && Peek == ')' && !scopeEndsWithGroup) throw FoldError(foldRisk);
        return Sequence(items);
    }

    private static bool ContinuesFold(int c) => c < 0x80 && (char)(c | 0x20) is 's' or 't' or 'f' or 'i' or 'l';

    private RegexPatternException FoldError(int offset) =>
        Error("case-insensitive '" + _pattern[offset] + "' where a multi-character case fold could apply (ß = ss, ﬁ = fi, …)", offset);

    private static RegexNode Sequence(List<RegexNode> items) => items.Count switch
    {
        0 => EmptyNode.Instance,
        1 => items[0],
        _ => new ConcatNode(items),
    };

    private RegexNode ParseQuantifiers(RegexNode atom, int atomStart)
    {
        RegexNode node = atom;
        bool quantified = false;
        while (!AtEnd)
        {
            int start = _pos;
            int min, max;
            char c = Peek;
            if (c == '?') { min = 0; max = 1; _pos++; }
            else if (c == '*') { min = 0; max = -1; _pos++; }
            else if (c == '+') { min = 1; max = -1; _pos++; }
            else if (c == '{' && TryParseInterval(out min, out max)) { }
            else break;

            if (quantified) throw Error("repeated quantifier " + _pattern.Substring(start, _pos - start), start);
            if (atom is AnchorNode || atom is LookaheadNode) throw Error("quantifier on a zero-width assertion", start);
            var kind = RepeatKind.Greedy;
            bool fixedInterval = c == '{' && min == max;
            if (!AtEnd && Peek == '?')
            {
                // In Oniguruma's syntax x{n}? is (?:x{n})?, not a lazy x{n}.
                _pos++;
                if (fixedInterval) throw Error("optional fixed repeat {n}?", start);
                kind = RepeatKind.Lazy;
            }
            else if (!AtEnd && Peek == '+')
            {
                // x{n,m}+ is (?:x{n,m})+ in Oniguruma's syntax; only ?+ *+ ++ are possessive.
                if (c == '{') throw Error("quantifier + after an interval", _pos);
                _pos++;
                kind = RepeatKind.Possessive;
            }
            if (max != 1 && atom.MinLength == 0) throw Error("repetition of an expression that can match empty", atomStart);
            if (max > MaxRepeat || min > MaxRepeat) throw Error("repeat count above " + MaxRepeat, start);
            node = new RepeatNode(atom, min, max, kind);
            quantified = true;
        }
        return node;
    }

    /// <summary>Counted repeats are unrolled by the matcher's compiler; this keeps the program small.</summary>
    private const int MaxRepeat = 1000;

    /// <summary><c>{n}</c>, <c>{n,}</c>, <c>{,m}</c>, <c>{n,m}</c>; anything else leaves '{' a literal, as Oniguruma does.</summary>
    private bool TryParseInterval(out int min, out int max)
    {
        int p = _pos + 1;
        int low = ReadNumber(ref p), high;
        min = max = 0;
        if (p < _pattern.Length && _pattern[p] == ',')
        {
            p++;
            high = ReadNumber(ref p);
            if (low < 0 && high < 0) return false;
            if (low < 0) low = 0;
        }
        else
        {
            if (low < 0) return false;
            high = low;
        }
        if (p >= _pattern.Length || _pattern[p] != '}') return false;
        if (high >= 0 && high < low) throw Error("interval with upper bound below lower bound", _pos);
        min = low;
        max = high;
        _pos = p + 1;
        return true;
    }

    private int ReadNumber(ref int p)
    {
        int start = p, value = 0;
        while (p < _pattern.Length && _pattern[p] is >= '0' and <= '9')
        {
            value = value * 10 + (_pattern[p] - '0');
            if (value > 100_000) throw Error("repeat count above " + MaxRepeat, start);
            p++;
        }
        return p == start ? -1 : value;
    }

    /// <summary>One atom; <paramref name="literal"/> is its code point when it is a literal character (escaped or not), else -1.</summary>
    private RegexNode ParseAtom(Options options, out int literal)
    {
        int start = _pos;
        literal = -1;
        char c = _pattern[_pos++];
        switch (c)
        {
            case '(':
                return ParseGroup(options, start);
            case '[':
                return new SetNode(ParseClass(options, start));
            case '.':
                return new SetNode(options.DotAll ? new CodePointSet { Negated = true } : new CodePointSet { Negated = true }.AddRange('\n', '\n'));
            case '^':
                return new AnchorNode(AnchorKind.LineStart);
            case '$':
                return new AnchorNode(AnchorKind.LineEnd);
            case '?':
            case '*':
            case '+':
                throw Error("quantifier " + c + " with nothing to repeat", start);
            case '\\':
                return ParseEscape(options, start, out literal);
            default:
                literal = ReadLiteralCodePoint(c, start);
                return Literal(literal, options, start);
        }
    }

    private int ReadLiteralCodePoint(char c, int start)
    {
        if (char.IsHighSurrogate(c) && _pos < _pattern.Length && char.IsLowSurrogate(_pattern[_pos]))
            return char.ConvertToUtf32(c, _pattern[_pos++]);
        if (char.IsSurrogate(c)) throw Error("lone surrogate", start);
        return c;
    }

    private RegexNode Literal(int codePoint, Options options, int offset)
    {
        if (!options.IgnoreCase) return new CharNode(codePoint);
        var set = new CodePointSet();
        AddFolded(set, codePoint, codePoint, offset);
        return set.Ranges.Length == 2 && set.Ranges[0] == set.Ranges[1] ? new CharNode(codePoint) : new SetNode(set);
    }

    /// <summary>
    /// Adds [lo, hi] with the code points Unicode simple case folding makes equal to them. Only ASCII letters are folded
    /// (k = K = U+212A KELVIN SIGN, s = S = U+017F LONG S, any other letter = its other case, as Oniguruma does); other
    /// code points must be caseless, or the pattern is reported.
    /// </summary>
    private void AddFolded(CodePointSet set, int lo, int hi, int offset)
    {
        set.AddRange(lo, hi);
        for (int cp = lo; cp <= hi; cp++)
        {
            if (cp < 0x80)
            {
                int lower = cp | 0x20;
                if (lower is < 'a' or > 'z') continue;
                set.AddRange(lower, lower).AddRange(lower - 0x20, lower - 0x20);
                if (lower == 'k') set.AddRange(0x212A, 0x212A);
                if (lower == 's') set.AddRange(0x017F, 0x017F);
            }
            else if (!IsCaseless(cp))
            {
                throw Error("case-insensitive non-ASCII letter U+" + cp.ToString("X4", CultureInfo.InvariantCulture), offset);
            }
        }
    }

    /// <summary>
    /// Categories in which no code point has a case folding (letters with case, modifier letters such as ʼ in ŉ = ʼn,
    /// marks such as U+0345, letter numbers such as Ⅻ and symbols such as Ⓐ do; unassigned ones may in a newer Unicode).
    /// </summary>
    private static bool IsCaseless(int codePoint)
    {
        UnicodeCategory category = codePoint < 0x10000
            ? CharUnicodeInfo.GetUnicodeCategory((char)codePoint)
            : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(codePoint), 0);
        return category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherSymbol or UnicodeCategory.OtherNotAssigned);
    }

    /// <summary>An option switch <c>(?i)</c>, <c>(?-i)</c>, <c>(?m)</c>… (no ':'), consumed when found.</summary>
    private bool TryParseOptionSwitch(Options options, out Options switched)
    {
        switched = options;
        int p = _pos + 1;
        if (p >= _pattern.Length || _pattern[p] != '?') return false;
        int end = p + 1;
        while (end < _pattern.Length && _pattern[end] is 'i' or 'm' or '-') end++;
        if (end == p + 1 || end >= _pattern.Length || _pattern[end] != ')') return false;
        switched = ParseOptionLetters(options, p + 1, end);
        _pos = end + 1;
        return true;
    }

    private Options ParseOptionLetters(Options options, int from, int to)
    {
        bool on = true;
        for (int p = from; p < to; p++)
        {
            switch (_pattern[p])
            {
                case '-':
                    if (!on) throw Error("option group (?" + _pattern.Substring(from, to - from), from - 2);
                    on = false;
                    break;
                case 'i':
                    options = options with { IgnoreCase = on };
                    break;
                case 'm':
                    options = options with { DotAll = on };
                    break;
            }
        }
        return options;
    }

    private RegexNode ParseGroup(Options options, int start)
    {
        Options inner = options;
        RegexNode body;
        if (AtEnd || Peek != '?')
        {
            if (!AtEnd && Peek == '*') throw Error("callout or verb (*", start);
            body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase); // capturing: only bounds matter here
        }
        else
        {
            _pos++;
            if (AtEnd) throw Error("unterminated group", start);
            char kind = _pattern[_pos++];
            switch (kind)
            {
                case ':':
                    body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase);
                    break;
                case '=':
                case '!':
                    body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase);
                    body = new LookaheadNode(body, negated: kind == '!');
                    break;
                case '>':
                    body = new AtomicNode(ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase));
                    break;
                case '#':
                    while (!AtEnd && Peek != ')') _pos++;
                    if (AtEnd) throw Error("unterminated comment (?#", start);
                    _pos++;
                    return EmptyNode.Instance;
                case '<':
                    if (!AtEnd && Peek is '=' or '!') throw Error("look-behind (?<" + Peek, start);
                    SkipGroupName('>', start);
                    body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase);
                    break;
                case '\'':
                    SkipGroupName('\'', start);
                    body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase);
                    break;
                case 'i':
                case 'm':
                case '-':
                {
                    int from = _pos - 1, p = from;
                    while (p < _pattern.Length && _pattern[p] is 'i' or 'm' or '-') p++;
                    if (p >= _pattern.Length || _pattern[p] != ':')
                        throw Error("option group (?" + _pattern.Substring(from, System.Math.Min(p + 1, _pattern.Length) - from), start);
                    inner = ParseOptionLetters(options, from, p);
                    _pos = p + 1;
                    body = ParseAlternation(inner, scopeEndsWithGroup: !options.IgnoreCase);
                    break;
                }
                default:
                    throw Error(GroupName(kind), start);
            }
        }
        if (AtEnd) throw Error("unterminated group", start);
        _pos++; // ')'
        return body;
    }

    private static string GroupName(char kind) => kind switch
    {
        '~' => "absent expression (?~",
        '(' => "conditional (?(",
        '{' => "callout (?{",
        'P' => "Python-style group (?P",
        'x' => "extended-mode option (?x",
        _ => "group (?" + kind,
    };

    private void SkipGroupName(char close, int start)
    {
        int nameStart = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek == '_')) _pos++;
        if (_pos == nameStart || AtEnd || Peek != close) throw Error("group name", start);
        _pos++;
    }

    private RegexNode ParseEscape(Options options, int start, out int literal)
    {
        literal = -1;
        if (AtEnd) throw Error("\\ at the end of the pattern", start);
        char c = _pattern[_pos++];
        switch (c)
        {
            case 'A': return new AnchorNode(AnchorKind.TextStart);
            case 'z': return new AnchorNode(AnchorKind.TextEnd);
            case 'Z': return new AnchorNode(AnchorKind.TextEndOrFinalNewline);
        }
        CodePointSet? set = TryParseSetEscape(c, start);
        if (set is not null) return new SetNode(set);
        literal = ParseCharEscape(c, start);
        return Literal(literal, options, start);
    }

    /// <summary><c>\s \S \d \D \h \H \p{..} \P{..} \p{^..}</c> after the backslash, or null.</summary>
    private CodePointSet? TryParseSetEscape(char c, int start)
    {
        switch (c)
        {
            case 's': return CodePointSet.WhiteSpace();
            case 'S': return CodePointSet.WhiteSpace().Copy(negated: true);
            case 'd': return CodePointSet.OfCategories(UnicodePropertyNames.DecimalNumber);
            case 'D': return CodePointSet.OfCategories(UnicodePropertyNames.DecimalNumber).Copy(negated: true);
            case 'h': return HexDigits();
            case 'H': return HexDigits().Copy(negated: true);
            case 'p':
            case 'P':
            {
                if (AtEnd || Peek != '{') throw Error("\\" + c + " without {", start);
                int close = _pattern.IndexOf('}', _pos);
                if (close < 0) throw Error("unterminated \\" + c + "{", start);
                string name = _pattern.Substring(_pos + 1, close - _pos - 1);
                _pos = close + 1;
                bool negated = c == 'P';
                if (name.StartsWith("^", System.StringComparison.Ordinal))
                {
                    negated = !negated;
                    name = name.Substring(1);
                }
                if (!UnicodePropertyNames.TryGetCategories(name, out uint categories))
                    throw Error("Unicode property \\" + c + "{" + name + "}", start);
                return CodePointSet.OfCategories(categories).Copy(negated);
            }
            case 'w':
            case 'W':
            case 'b':
            case 'B':
                throw Error("\\" + c + " (Unicode word characters)", start);
            default:
                return null;
        }
    }

    private static CodePointSet HexDigits() => new CodePointSet().AddRange('0', '9').AddRange('A', 'F').AddRange('a', 'f');

    /// <summary>A single-character escape after the backslash: its code point.</summary>
    private int ParseCharEscape(char c, int start)
    {
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'a': return '\a';
            case 'e': return 0x1B;
            case 'x':
                if (!AtEnd && Peek == '{')
                {
                    int close = _pattern.IndexOf('}', _pos);
                    if (close < 0) throw Error("unterminated \\x{", start);
                    return HexValue(_pos + 1, close, start, maxDigits: 8, after: close + 1);
                }
                return HexValue(_pos, HexRunEnd(_pos, 2), start, maxDigits: 2, after: HexRunEnd(_pos, 2));
            case 'u':
                if (HexRunEnd(_pos, 4) != _pos + 4) throw Error("\\u without four hex digits", start);
                return HexValue(_pos, _pos + 4, start, maxDigits: 4, after: _pos + 4);
        }
        if (c is >= '0' and <= '9') throw Error("back-reference or octal escape \\" + c, start);
        if (c < 0x80 && char.IsLetter(c)) throw Error("escape \\" + c, start);
        return ReadLiteralCodePoint(c, start);
    }

    private int HexRunEnd(int from, int max)
    {
        int p = from;
        while (p < _pattern.Length && p - from < max && Uri.IsHexDigit(_pattern[p])) p++;
        return p;
    }

    private int HexValue(int from, int to, int start, int maxDigits, int after)
    {
        if (to == from || to - from > maxDigits) throw Error("hexadecimal escape", start);
        int value = 0;
        for (int p = from; p < to; p++)
        {
            if (!Uri.IsHexDigit(_pattern[p])) throw Error("hexadecimal escape", start);
            value = value * 16 + Uri.FromHex(_pattern[p]);
        }
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) throw Error("escape of an invalid code point", start);
        _pos = after;
        return value;
    }

    /// <summary>
    /// A class after its '['. A ']' right after '[' or '[^' is literal; '-' first or last is literal. Nested classes,
    /// POSIX brackets and intersections (&amp;&amp;) are reported.
    /// </summary>
    private CodePointSet ParseClass(Options options, int start)
    {
        var set = new CodePointSet();
        if (!AtEnd && Peek == '^')
        {
            set.Negated = true;
            _pos++;
        }
        bool first = true;
        while (true)
        {
            if (AtEnd) throw Error("unterminated character class", start);
            int itemStart = _pos;
            char c = _pattern[_pos];
            if (c == ']' && !first)
            {
                _pos++;
                return set;
            }
            first = false;
            if (c == '[') throw Error(_pos + 1 < _pattern.Length && _pattern[_pos + 1] == ':' ? "POSIX bracket [:" : "nested character class", _pos);
            if (c == '&' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == '&') throw Error("class intersection &&", _pos);

            int lo = ReadClassChar(out CodePointSet? escapeSet, itemStart);
            if (escapeSet is not null)
            {
                if (!AtEnd && Peek == '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] != ']')
                    throw Error("range starting at a class escape", itemStart);
                set.AddSet(escapeSet);
                continue;
            }
            int hi = lo;
            if (!AtEnd && Peek == '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] != ']')
            {
                _pos++;
                int hiStart = _pos;
                if (Peek == '[') throw Error("nested character class", _pos);
                hi = ReadClassChar(out CodePointSet? hiSet, hiStart);
                if (hiSet is not null) throw Error("range ending at a class escape", hiStart);
                if (hi < lo) throw Error("empty range in character class", itemStart);
                if (!AtEnd && Peek == '-' && _pos + 1 < _pattern.Length && _pattern[_pos + 1] != ']')
                    throw Error("'-' right after a range", _pos);
            }
            if (options.IgnoreCase) AddFolded(set, lo, hi, itemStart);
            else set.AddRange(lo, hi);
        }
    }

    /// <summary>One class item: its code point, or -1 with <paramref name="set"/> for <c>\s</c>, <c>\p{..}</c> and the like.</summary>
    private int ReadClassChar(out CodePointSet? set, int start)
    {
        set = null;
        char c = _pattern[_pos++];
        if (c != '\\') return ReadLiteralCodePoint(c, start);
        if (AtEnd) throw Error("\\ at the end of the pattern", start);
        c = _pattern[_pos++];
        if (c == 'b') throw Error("\\b in a character class", start);
        set = TryParseSetEscape(c, start);
        return set is null ? ParseCharEscape(c, start) : -1;
    }
}
