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
    {
        _codes.TryGetValue(code, out var seen);
        if (seen.Count < MaxPerCode) _errors.Add(new CompileError(code, message, string.IsNullOrEmpty(jsonPath) ? null : jsonPath, where, length));
        _codes[code] = (seen.Count + 1, seen.Count == MaxPerCode ? where : seen.FirstDropped);
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
