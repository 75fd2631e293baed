using System;
using System.ComponentModel;

namespace Tokenizers.PreTokenization.Regex;

// Shared source: compiled into the runtime (public) and linked into the netstandard2.0 generator (internal there).

/// <summary>
/// A Split pattern that the Oniguruma-compatible compiler does not support or that Oniguruma itself rejects.
/// <see cref="Construct"/> names what was found (e.g. "look-behind (?&lt;="); <see cref="Offset"/> is its index in the pattern.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if TOKENIZERS_GENERATOR
internal
#else
public
#endif
sealed class RegexPatternException : FormatException
{
    public RegexPatternException(string construct, int offset, string pattern)
        : base("The regular expression construct " + construct + " at offset "
            + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not supported (pattern: " + pattern + ")")
    {
        Construct = construct;
        Offset = offset;
    }

    /// <summary>The construct, as a reader would name it: "look-behind (?&lt;=", "back-reference \1", "unterminated group".</summary>
    public string Construct { get; }

    /// <summary>Index in the pattern string where the construct starts.</summary>
    public int Offset { get; }
}
