using System.Text;

namespace Tokenizers.Fuzz.Tests;

/// <summary>What a differential fuzz run compared, how long it took, and the minimal reproducers of its mismatches.</summary>
public sealed class FuzzReport(int seed, int strings, string oracle)
{
    public int Seed { get; } = seed;
    public int Strings { get; } = strings;
    public long Comparisons { get; set; }
    public long Chars { get; set; }
    public long Mismatches { get; set; }
    public TimeSpan CompareTime { get; set; }
    public TimeSpan TotalTime { get; set; }
    public TimeSpan OurTime { get; set; }
    public List<string> Reproducers { get; } = [];

    public string Summary =>
        $"seed {Seed}: {Strings:N0} strings, {Comparisons:N0} comparisons ({Chars:N0} chars) against {oracle}, "
        + $"{Mismatches:N0} mismatches, {CompareTime.TotalSeconds:F1} s (ours {OurTime.TotalSeconds:F1} s; with shrinking {TotalTime.TotalSeconds:F1} s)";

    public string Describe()
    {
        var sb = new StringBuilder(Summary).Append('\n');
        sb.Append("Repeat with TOKENIZERS_FUZZ_SEED=").Append(Seed).Append(". Minimal reproducers:\n");
        foreach (string r in Reproducers) sb.Append(r).Append('\n');
        return sb.ToString();
    }

    /// <summary>In the test's output, and in fuzz-summary.txt beside the assembly for CI logs.</summary>
    public void Publish()
    {
        string text = Mismatches == 0 ? Summary : Describe();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), $"{DateTime.UtcNow:u} {text}\n");
    }
}
