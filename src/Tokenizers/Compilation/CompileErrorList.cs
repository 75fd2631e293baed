using System.Collections.Generic;
using System.Globalization;

namespace Tokenizers.Compilation;

/// <summary>
/// Collects the errors of one file. A broken file can have an error on each of its 500,000 merges: after
/// <see cref="MaxPerCode"/> errors of one code the rest are counted, and <see cref="ToList"/> ends with one summary
/// error for them.
/// </summary>
internal sealed class CompileErrorList
{
    public const int MaxPerCode = 20;

    private readonly List<CompileError> _errors = new();
    private readonly Dictionary<string, (int Count, SourcePoint FirstDropped)> _codes = new();

    /// <summary>Whether any error was added (dropped ones included).</summary>
    public bool Any => _errors.Count > 0;

    public void Add(string code, string message, string? jsonPath, SourcePoint where, int length = 1)
        => Add(new CompileError(code, message, string.IsNullOrEmpty(jsonPath) ? null : jsonPath, where, length));

    public void Add(CompileError error)
    {
        _codes.TryGetValue(error.Code, out var seen);
        if (seen.Count < MaxPerCode) _errors.Add(error);
        _codes[error.Code] = (seen.Count + 1, seen.Count == MaxPerCode ? error.Where : seen.FirstDropped);
    }

    /// <summary><paramref name="errors"/> with the same cap: the first <see cref="MaxPerCode"/> of each code, then a summary of the rest.</summary>
    public static List<CompileError> Capped(IEnumerable<CompileError> errors)
    {
        var list = new CompileErrorList();
        foreach (var error in errors) list.Add(error);
        return list.ToList();
    }

    /// <summary>The errors in the order found, then a summary for each code that overflowed.</summary>
    public List<CompileError> ToList()
    {
        var list = new List<CompileError>(_errors);
        foreach (var pair in _codes)
        {
            int dropped = pair.Value.Count - MaxPerCode;
            if (dropped > 0)
                list.Add(new CompileError(pair.Key,
                    "and " + dropped.ToString("N0", CultureInfo.InvariantCulture) + " more " + pair.Key
                    + " errors like the ones above (only the first " + MaxPerCode.ToString(CultureInfo.InvariantCulture) + " are listed)",
                    null, pair.Value.FirstDropped));
        }
        return list;
    }
}
