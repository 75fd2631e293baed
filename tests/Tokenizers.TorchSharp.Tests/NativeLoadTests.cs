using TorchSharp;
using static TorchSharp.torch;

namespace Tokenizers.TorchSharp.Tests;

/// <summary>build/TorchSharpNativeFix.targets makes TorchSharp's native library load on Debian 12 (GCC 12's libstdc++).</summary>
public sealed class NativeLoadTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string OutputLibrary => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void TorchSharpLoadsAndComputes()
    {
        using Tensor sum = ones(3).sum();
        Assert.Equal(3f, sum.item<float>());
        Assert.StartsWith("2.", __version__);
    }

    [Fact]
    public void OutputCopyNeedsGlibcxx3432OnlyWeaklyWhereTheSystemLacksIt()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(OutputLibrary)) return;
        ushort? flags = ElfVersionNeeds.Flags(OutputLibrary, Version);
        Assert.NotNull(flags);
        if (!ElfVersionNeeds.SystemLibStdCxxProvides(Version))
            Assert.Equal(ElfVersionNeeds.Weak, flags & ElfVersionNeeds.Weak);
    }

    [Fact]
    public void NuGetCacheCopyIsLeftAlone()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cached = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(cached)) return;
        Assert.Equal(0, ElfVersionNeeds.Flags(cached, Version)! & ElfVersionNeeds.Weak);
    }
}
