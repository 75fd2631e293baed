using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Tokenizers.PreTokenization.Regex;

/// <summary>
/// The <c>\p{..}</c> names the compiler knows: general categories by short and long name, as Oniguruma spells them
/// (case-insensitive, spaces, underscores and hyphens ignored). Scripts and binary properties need Unicode data that
/// .NET does not expose, so they are not known and the parser reports them.
/// </summary>
internal static class UnicodePropertyNames
{
    private static uint Bit(UnicodeCategory c) => 1u << (int)c;

    private const UnicodeCategory Lu = UnicodeCategory.UppercaseLetter, Ll = UnicodeCategory.LowercaseLetter,
        Lt = UnicodeCategory.TitlecaseLetter, Lm = UnicodeCategory.ModifierLetter, Lo = UnicodeCategory.OtherLetter,
        Mn = UnicodeCategory.NonSpacingMark, Mc = UnicodeCategory.SpacingCombiningMark, Me = UnicodeCategory.EnclosingMark,
        Nd = UnicodeCategory.DecimalDigitNumber, Nl = UnicodeCategory.LetterNumber, No = UnicodeCategory.OtherNumber,
        Zs = UnicodeCategory.SpaceSeparator, Zl = UnicodeCategory.LineSeparator, Zp = UnicodeCategory.ParagraphSeparator,
        Cc = UnicodeCategory.Control, Cf = UnicodeCategory.Format, Cs = UnicodeCategory.Surrogate,
        Co = UnicodeCategory.PrivateUse, Cn = UnicodeCategory.OtherNotAssigned,
        Pc = UnicodeCategory.ConnectorPunctuation, Pd = UnicodeCategory.DashPunctuation, Ps = UnicodeCategory.OpenPunctuation,
        Pe = UnicodeCategory.ClosePunctuation, Pi = UnicodeCategory.InitialQuotePunctuation,
        Pf = UnicodeCategory.FinalQuotePunctuation, Po = UnicodeCategory.OtherPunctuation,
        Sm = UnicodeCategory.MathSymbol, Sc = UnicodeCategory.CurrencySymbol, Sk = UnicodeCategory.ModifierSymbol,
        So = UnicodeCategory.OtherSymbol;

    public static readonly uint Letter = Bit(Lu) | Bit(Ll) | Bit(Lt) | Bit(Lm) | Bit(Lo);
    public static readonly uint Mark = Bit(Mn) | Bit(Mc) | Bit(Me);
    public static readonly uint Number = Bit(Nd) | Bit(Nl) | Bit(No);
    public static readonly uint Punctuation = Bit(Pc) | Bit(Pd) | Bit(Ps) | Bit(Pe) | Bit(Pi) | Bit(Pf) | Bit(Po);
    public static readonly uint Symbol = Bit(Sm) | Bit(Sc) | Bit(Sk) | Bit(So);
    public static readonly uint Separator = Bit(Zs) | Bit(Zl) | Bit(Zp);
    public static readonly uint Other = Bit(Cc) | Bit(Cf) | Bit(Cs) | Bit(Co) | Bit(Cn);
    public static readonly uint DecimalNumber = Bit(Nd);
    public static readonly uint All = Letter | Mark | Number | Punctuation | Symbol | Separator | Other;

    private static readonly Dictionary<string, uint> s_byName = Build();

    private static Dictionary<string, uint> Build()
    {
        var names = new Dictionary<string, uint>();
        void Add(uint mask, params string[] aliases)
        {
            foreach (string alias in aliases) names.Add(Normalize(alias), mask);
        }
        Add(Letter, "L", "Letter");
        Add(Bit(Lu) | Bit(Ll) | Bit(Lt), "LC", "Cased_Letter", "L&");
        Add(Bit(Lu), "Lu", "Uppercase_Letter");
        Add(Bit(Ll), "Ll", "Lowercase_Letter");
        Add(Bit(Lt), "Lt", "Titlecase_Letter");
        Add(Bit(Lm), "Lm", "Modifier_Letter");
        Add(Bit(Lo), "Lo", "Other_Letter");
        Add(Mark, "M", "Mark", "Combining_Mark");
        Add(Bit(Mn), "Mn", "Nonspacing_Mark");
        Add(Bit(Mc), "Mc", "Spacing_Mark");
        Add(Bit(Me), "Me", "Enclosing_Mark");
        Add(Number, "N", "Number");
        Add(Bit(Nd), "Nd", "Decimal_Number");
        Add(Bit(Nl), "Nl", "Letter_Number");
        Add(Bit(No), "No", "Other_Number");
        Add(Punctuation, "P", "Punctuation");
        Add(Bit(Pc), "Pc", "Connector_Punctuation");
        Add(Bit(Pd), "Pd", "Dash_Punctuation");
        Add(Bit(Ps), "Ps", "Open_Punctuation");
        Add(Bit(Pe), "Pe", "Close_Punctuation");
        Add(Bit(Pi), "Pi", "Initial_Punctuation");
        Add(Bit(Pf), "Pf", "Final_Punctuation");
        Add(Bit(Po), "Po", "Other_Punctuation");
        Add(Symbol, "S", "Symbol");
        Add(Bit(Sm), "Sm", "Math_Symbol");
        Add(Bit(Sc), "Sc", "Currency_Symbol");
        Add(Bit(Sk), "Sk", "Modifier_Symbol");
        Add(Bit(So), "So", "Other_Symbol");
        Add(Separator, "Z", "Separator");
        Add(Bit(Zs), "Zs", "Space_Separator");
        Add(Bit(Zl), "Zl", "Line_Separator");
        Add(Bit(Zp), "Zp", "Paragraph_Separator");
        Add(Other, "C", "Other");
        Add(Bit(Cc), "Cc", "Control");
        Add(Bit(Cf), "Cf", "Format");
        Add(Bit(Cs), "Cs", "Surrogate");
        Add(Bit(Co), "Co", "Private_Use");
        Add(Bit(Cn), "Cn", "Unassigned");
        Add(All, "Any");
        Add(All & ~Bit(Cn), "Assigned");
        return names;
    }

    /// <summary>Oniguruma's loose matching of property names: case-insensitive, ignoring ' ', '_' and '-'.</summary>
    private static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
            if (c is not (' ' or '_' or '-')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    public static bool TryGetCategories(string name, out uint categories) => s_byName.TryGetValue(Normalize(name), out categories);
}
