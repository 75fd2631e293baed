using System.Runtime.CompilerServices;

namespace Tokenizers.Generator.Tests;

/// <summary>
/// A minimal stand-in for Verify: compares text with <c>Snapshots/{name}.verified.cs</c> beside this file, writes
/// <c>{name}.received.cs</c> on a mismatch, and accepts the received text when TOKENIZERS_ACCEPT_SNAPSHOTS=1.
/// The file names follow Verify's conventions so moving to Verify.SourceGenerators later is mechanical.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "TOKENIZERS_ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        Directory.CreateDirectory(dir);
        string verified = Path.Combine(dir, name + ".verified.cs");
        string received = Path.Combine(dir, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == actual)
        {
            File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot '{name}' changed: compare {received} with {verified}; set {AcceptVariable}=1 to accept."
            : $"No snapshot '{name}' yet: review {received}; set {AcceptVariable}=1 to accept it.");
    }
}
