using System.Globalization;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// A fuzz run's knobs: the seed changes every run unless <c>TOKENIZERS_FUZZ_SEED</c> repeats one;
/// <c>TOKENIZERS_FUZZ_STRINGS</c> changes how many strings a run makes.
/// </summary>
public static class FuzzSettings
{
    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("TOKENIZERS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : Random.Shared.Next();

    public static int Strings(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("TOKENIZERS_FUZZ_STRINGS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            ? n
            : fallback;
}
