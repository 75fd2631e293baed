#!/usr/bin/env python3
"""Writes src/Tokenizers/HuggingFace/NormalizationTables.cs: the Unicode data of NFC, NFD, NFKC and NFKD as Hugging
Face tokenizers 0.22.2 has it (its unicode-normalization tables predate Unicode 10).

The data comes from Python's unicodedata (Unicode 14.0 in Python 3.11), less the characters in NEWER: those that
later Unicode versions gave a decomposition or a combining class and that Hugging Face therefore leaves alone
(found by running every code point, alone and beside combining marks, through Hugging Face and .NET). The stability
policy keeps both properties for every character assigned earlier, so what remains equals Hugging Face's tables;
tests/Tokenizers.Tests/HuggingFace/UnicodeNormalizationOracleTests.cs checks every code point against Hugging Face.

Usage: python3 build/unicode/normalization_tables.py  (from the repository root; needs Python 3.11 for Unicode 14)
"""
import sys
import unicodedata

# Inclusive ranges of characters Hugging Face's tables do not know, that Unicode 14 gives normalization properties.
NEWER = [
    (0x7FD, 0x7FD), (0x898, 0x89F), (0x8CA, 0x8D3), (0x9FE, 0x9FE), (0xC3C, 0xC3C), (0xD3B, 0xD3C), (0xEBA, 0xEBA),
    (0x1715, 0x1715), (0x1ABF, 0x1ACE), (0x1DF6, 0x1DFA), (0x32FF, 0x32FF), (0xA7F2, 0xA7F4), (0xA82C, 0xA82C),
    (0xAB69, 0xAB69), (0x10781, 0x10785), (0x10787, 0x107B0), (0x107B2, 0x107BA), (0x10D24, 0x10D27),
    (0x10EAB, 0x10EAC), (0x10EFD, 0x10EFF), (0x10F46, 0x10F50), (0x10F82, 0x10F85), (0x11070, 0x11070),
    (0x1133B, 0x1133B), (0x1145E, 0x1145E), (0x11839, 0x1183A), (0x11930, 0x11930), (0x11935, 0x11935),
    (0x11938, 0x11938), (0x1193D, 0x1193E), (0x11943, 0x11943), (0x119E0, 0x119E0), (0x11A34, 0x11A34),
    (0x11A47, 0x11A47), (0x11A99, 0x11A99), (0x11D42, 0x11D42), (0x11D44, 0x11D45), (0x11D97, 0x11D97),
    (0x11F41, 0x11F42), (0x16FF0, 0x16FF1), (0x1E030, 0x1E06D), (0x1E08F, 0x1E08F), (0x1E130, 0x1E136),
    (0x1E2AE, 0x1E2AE), (0x1E2EC, 0x1E2EF), (0x1E4EC, 0x1E4EF), (0x1F16C, 0x1F16C), (0x1FBF0, 0x1FBF9),
]
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3   # composed and decomposed by rule, not by table


def newer(cp):
    return any(lo <= cp <= hi for lo, hi in NEWER)


def known(cp):
    return not (0xD800 <= cp <= 0xDFFF) and not newer(cp)


def nfc_stable_ranges(seconds):
    """The BMP chars NFC leaves alone whatever surrounds them, as inclusive ranges: assigned, combining class 0,
    unchanged by NFC, and not the second char of any composition (NFC_Quick_Check=Yes)."""
    def stable(cp):
        ch = chr(cp)
        return (not 0xD800 <= cp <= 0xDFFF and unicodedata.category(ch) != "Cn" and not unicodedata.combining(ch)
                and unicodedata.normalize("NFC", ch) == ch and cp not in seconds)
    ranges, cp = [], 0
    while cp <= 0xFFFF:
        if stable(cp):
            start = cp
            while cp < 0xFFFF and stable(cp + 1):
                cp += 1
            ranges += [start, cp]
        cp += 1
    return ranges


def utf16(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            out += [0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)]
        else:
            out.append(cp)
    return out


def main():
    if unicodedata.unidata_version != "14.0.0":
        sys.exit(f"needs Unicode 14.0 (Python 3.11); this Python has {unicodedata.unidata_version}")
    ccc, canonical, compat, compose = [], [], [], []
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))   # Hangul vowels and trailing jamo compose by rule
    for cp in range(0x110000):
        if not known(cp):
            continue
        ch = chr(cp)
        c = unicodedata.combining(ch)
        if c:
            ccc.append((cp, c))
        if HANGUL_FIRST <= cp <= HANGUL_LAST:
            continue
        nfd, nfkd = unicodedata.normalize("NFD", ch), unicodedata.normalize("NFKD", ch)
        if nfd != ch:
            canonical.append((cp, nfd))
        if nfkd != nfd:
            compat.append((cp, nfkd))
        raw = unicodedata.decomposition(ch)
        if raw and not raw.startswith("<"):
            parts = [int(p, 16) for p in raw.split()]
            # A primary composite: its pair composes back to it (not excluded, not a singleton or non-starter form).
            if len(parts) == 2 and unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) == ch:
                seconds.add(parts[1])
                if all(known(p) for p in parts):
                    compose.append((parts[0], parts[1], cp))
    stable = nfc_stable_ranges(seconds)

    chars, values = [], {}

    def place(text):
        units = utf16(text)
        assert len(units) < 32, text
        for start in range(len(chars) - len(units) + 1):
            if chars[start:start + len(units)] == units:
                return start << 5 | len(units)
        chars.extend(units)
        return (len(chars) - len(units)) << 5 | len(units)

    canonical_values = [place(t) for _, t in canonical]
    compat_values = [place(t) for _, t in compat]
    compose.sort()

    def ints(values, per_line=12):
        rows = [", ".join(values[i:i + per_line]) for i in range(0, len(values), per_line)]
        return "\n".join("        " + r + "," for r in rows)

    text = "".join(f"\\u{u:04X}" for u in chars)
    lines = [text[i:i + 108] for i in range(0, len(text), 108)]
    string_literal = "\n        + ".join(f'"{line}"' for line in lines)

    out = f"""// <auto-generated>
// Written by build/unicode/normalization_tables.py from Unicode 14.0 (Python's unicodedata), less the characters
// Hugging Face's older tables do not know. Unicode data: Copyright Unicode, Inc., under the Unicode License v3.
// </auto-generated>
using System;

namespace Tokenizers.HuggingFace;

/// <summary>The Unicode normalization data of Hugging Face tokenizers 0.22.2, read by <see cref="UnicodeNormalization"/>.</summary>
internal static class NormalizationTables
{{
    /// <summary>Every char with a nonzero canonical combining class, ascending.</summary>
    public static ReadOnlySpan<int> CombiningClassKeys =>
    [
{ints([f"0x{cp:X}" for cp, _ in ccc])}
    ];

    /// <summary>Each key's canonical combining class.</summary>
    public static ReadOnlySpan<int> CombiningClassValues =>
    [
{ints([str(c) for _, c in ccc], 16)}
    ];

    /// <summary>The code points with a canonical decomposition (Hangul syllables aside), ascending.</summary>
    public static ReadOnlySpan<int> CanonicalKeys =>
    [
{ints([f"0x{cp:X}" for cp, _ in canonical])}
    ];

    /// <summary>Each key's full canonical decomposition in <see cref="Decompositions"/>, as <c>offset &lt;&lt; 5 | length</c>.</summary>
    public static ReadOnlySpan<int> CanonicalValues =>
    [
{ints([str(v) for v in canonical_values], 16)}
    ];

    /// <summary>The code points whose full compatibility decomposition differs from their canonical one, ascending.</summary>
    public static ReadOnlySpan<int> CompatibilityKeys =>
    [
{ints([f"0x{cp:X}" for cp, _ in compat])}
    ];

    /// <summary>Each key's full compatibility decomposition in <see cref="Decompositions"/>, as <c>offset &lt;&lt; 5 | length</c>.</summary>
    public static ReadOnlySpan<int> CompatibilityValues =>
    [
{ints([str(v) for v in compat_values], 16)}
    ];

    /// <summary>The pairs that compose, as <c>first &lt;&lt; 21 | second</c> (code points), ascending.</summary>
    public static ReadOnlySpan<long> CompositionKeys =>
    [
{ints([f"0x{a << 21 | b:X}" for a, b, _ in compose], 8)}
    ];

    /// <summary>Each pair's primary composite.</summary>
    public static ReadOnlySpan<int> CompositionValues =>
    [
{ints([f"0x{c:X}" for _, _, c in compose])}
    ];

    /// <summary>
    /// The BMP chars that are NFC-stable, as inclusive ranges: assigned, combining class 0, NFC_Quick_Check=Yes
    /// (unchanged by NFC alone, and not the second char of any composition or a Hangul vowel or trailing jamo). The
    /// stability policy keeps these properties for assigned chars; chars assigned later are left out, so they are
    /// normalized as before.
    /// </summary>
    public static ReadOnlySpan<int> NfcStableRanges =>
    [
{ints([f"0x{cp:X}" for cp in stable], 16)}
    ];

    /// <summary>The decompositions' UTF-16 text.</summary>
    public const string Decompositions =
        {string_literal};
}}
"""
    with open("src/Tokenizers/HuggingFace/NormalizationTables.cs", "w", encoding="utf-8", newline="\n") as f:
        f.write(out)
    print(f"{len(ccc)} combining classes, {len(canonical)} canonical and {len(compat)} compatibility decompositions "
          f"({len(chars)} chars), {len(compose)} compositions, {len(stable) // 2} NFC-stable ranges")


main()
