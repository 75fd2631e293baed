using System.Runtime.CompilerServices;

namespace Tokenizers.Compilation;

/// <summary>
/// The table builders run once a build (in the compiler's process) or once a load: their methods are called too few
/// times to leave tier 0, the JIT's quick unoptimized code without inlining, so a loop that probes a map millions of
/// times would call and run unoptimized code all along. Hot loops take <see cref="Optimized"/> (AggressiveOptimization,
/// which netstandard2.0's enum lacks) and are compiled optimized at their first call.
/// </summary>
internal static class ColdRun
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
