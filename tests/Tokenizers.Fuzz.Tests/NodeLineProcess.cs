using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Tokenizers.Fuzz.Tests;

/// <summary>
/// A node script in one long-lived process that answers each request line with one line, in order (the oracles'
/// protocol). Requests stream from a writer thread while the caller reads answers, so node never waits for us.
/// </summary>
public sealed class NodeLineProcess : IDisposable
{
    private readonly Process _node;
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private readonly string _name;

    /// <param name="name">What the process is, for error messages.</param>
    /// <param name="workingDirectory">Where node runs: beside the script's node_modules.</param>
    /// <param name="arguments">The script and its arguments.</param>
    public NodeLineProcess(string name, string workingDirectory, params string[] arguments)
    {
        _name = name;
        var start = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        _node = Process.Start(start) ?? throw new InvalidOperationException("could not start node for " + name);
        _node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data);
        };
        _node.BeginErrorReadLine();
    }

    /// <summary>
    /// Writes <paramref name="count"/> requests (<paramref name="appendRequest"/> appends request i, newline included)
    /// on a writer thread and hands answer line i to <paramref name="onAnswer"/> on the calling thread.
    /// </summary>
    public void Exchange(int count, Action<StringBuilder, int> appendRequest, Action<int, string> onAnswer)
    {
        // A nested exchange from onAnswer would interleave its request with the writer thread's lines.
        if (Monitor.IsEntered(_gate)) throw new InvalidOperationException($"the {_name} is busy: ask it outside onAnswer");
        lock (_gate)
        {
            Exception? writeError = null;
            var writer = new Thread(() =>
            {
                try
                {
                    var line = new StringBuilder();
                    for (int i = 0; i < count; i++)
                    {
                        line.Clear();
                        appendRequest(line, i);
                        _node.StandardInput.Write(line);
                    }
                    _node.StandardInput.Flush();
                }
                catch (Exception e)
                {
                    writeError = e;
                }
            }) { IsBackground = true, Name = _name + " writer" };
            writer.Start();
            for (int i = 0; i < count; i++)
            {
                string? line = _node.StandardOutput.ReadLine();
                if (line is null)
                {
                    _node.WaitForExit(5000);
                    throw new InvalidOperationException($"the {_name} (node) ended early" + StderrTail());
                }
                onAnswer(i, line);
            }
            writer.Join();
            if (writeError is not null) throw new InvalidOperationException($"writing to the {_name} failed" + StderrTail(), writeError);
        }
    }

    /// <summary>The end of what node printed on stderr (its error, after the echo of a long request line).</summary>
    private string StderrTail()
    {
        const int Keep = 4000;
        lock (_stderr)
        {
            if (_stderr.Length == 0) return "";
            return ":\n" + (_stderr.Length <= Keep ? _stderr.ToString() : "..." + _stderr.ToString(_stderr.Length - Keep, Keep));
        }
    }

    public void Dispose()
    {
        try
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(5000)) _node.Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _node.Dispose();
    }
}
