using System;
using System.Collections.Generic;

namespace Tokenizers;

/// <summary>
/// How encoding treats text that spells a special token such as <c>&lt;|endoftext|&gt;</c>. The default,
/// <see cref="None"/>, encodes it as ordinary text, so user text can never inject a control token.
/// </summary>
public sealed class SpecialTokenPolicy
{
    private readonly HashSet<string>? _allowed;

    private SpecialTokenPolicy(HashSet<string>? allowed, bool allowAll, bool throwOnOthers)
    {
        _allowed = allowed;
        AllowsAll = allowAll;
        ThrowsOnDisallowed = throwOnOthers;
    }

    /// <summary>Special-token text is ordinary text (tiktoken's <c>encode_ordinary</c>).</summary>
    public static SpecialTokenPolicy None { get; } = new(null, allowAll: false, throwOnOthers: false);

    /// <summary>Every special token is recognised (tiktoken's <c>allowed_special="all"</c>).</summary>
    public static SpecialTokenPolicy All { get; } = new(null, allowAll: true, throwOnOthers: false);

    /// <summary>Any special-token text throws (tiktoken's <c>encode</c> default).</summary>
    public static SpecialTokenPolicy Disallow { get; } = new(null, allowAll: false, throwOnOthers: true);

    /// <summary>The listed tokens are recognised; other special-token text is ordinary text.</summary>
    public static SpecialTokenPolicy Allow(params string[] tokens) => new(new HashSet<string>(tokens, StringComparer.Ordinal), false, false);

    /// <summary>The listed tokens are recognised; other special-token text throws.</summary>
    public static SpecialTokenPolicy AllowOnly(params string[] tokens) => new(new HashSet<string>(tokens, StringComparer.Ordinal), false, true);

    /// <summary>True when every special token is recognised.</summary>
    public bool AllowsAll { get; }

    /// <summary>True when special-token text that is not allowed throws.</summary>
    public bool ThrowsOnDisallowed { get; }

    /// <summary>True when special tokens can change the result (some are allowed or some throw).</summary>
    internal bool IsActive => AllowsAll || ThrowsOnDisallowed || _allowed is { Count: > 0 };

    /// <summary>Whether <paramref name="token"/> is recognised as a special token.</summary>
    public bool IsAllowed(string token) => AllowsAll || (_allowed is not null && _allowed.Contains(token));
}
