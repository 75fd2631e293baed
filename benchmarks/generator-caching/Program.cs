using System;
using System.IO;
using System.Linq;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Tokenizers.Generator;

// Usage: dotnet run -c Release [-- path/to/vocab]  (default: ../../vocab from this folder)
string vocabDir = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../vocab"));
string o200k = File.ReadAllText(Path.Combine(vocabDir, "o200k_base/o200k_base.tiktoken"));
// Another, small tokenizer in the same project: its 256 byte tokens.
string bytes = string.Concat(Enumerable.Range(0, 256).Select(b => Convert.ToBase64String([(byte)b]) + " " + b + "\n"));
const string Source = """
    using Tokenizers;
    [GeneratedTokenizer("o200k_base.tiktoken", PreTokenizer = "o200k", SpecialTokens = new[] { "<|endoftext|>=199999", "<|endofprompt|>=200018" })]
    public partial class O200k;
    [GeneratedTokenizer("bytes.tiktoken", PreTokenizer = "gpt2")]
    public partial class Bytes;
    """;

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Append(typeof(Tokenizers.ITokenizer).Assembly.Location).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
var tree = CSharpSyntaxTree.ParseText(Source, parse, path: "/project/Tokenizers.cs");
Compilation compilation = CSharpCompilation.Create("Consumer", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var notes = new Text("/project/notes.md", "# notes\n");
var bytesFile = new Text("/project/bytes.tiktoken", bytes);
var files = ImmutableArray.Create<AdditionalText>(new Text("/project/o200k_base.tiktoken", o200k), bytesFile, notes);

for (int round = 0; round < 3; round++)
{
    GeneratorDriver driver = CSharpGeneratorDriver.Create([new TokenizerGenerator().AsSourceGenerator()], files, parse, null,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
    double first = Time(ref driver, compilation);
    var c1 = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", parse, path: "/project/Unrelated.cs"));
    double csharp = Time(ref driver, c1);
    var notes2 = new Text("/project/notes.md", "# notes, edited\n");
    driver = driver.ReplaceAdditionalText(notes, notes2);
    double file = Time(ref driver, c1);
    var c2 = c1.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From("\n" + Source)));
    double blank = Time(ref driver, c2);
    driver = driver.ReplaceAdditionalText(bytesFile, new Text("/project/bytes.tiktoken", bytes + "eHl6 256\n"));
    double other = Time(ref driver, c2);
    // Drop the driver state: a fresh driver, so the next round's first run is a first run again.
    driver = driver.ReplaceAdditionalText(notes2, notes);
    Console.WriteLine($"round {round}: first run {first:F0} ms | C# edit elsewhere {csharp:F1} ms | unrelated AdditionalFile edit {file:F1} ms | "
        + $"blank line above the attribute {blank:F1} ms | another tokenizer's vocabulary edited {other:F1} ms");
}

static double Time(ref GeneratorDriver driver, Compilation compilation)
{
    var watch = Stopwatch.StartNew();
    driver = driver.RunGenerators(compilation);
    var result = driver.GetRunResult();
    if (result.Diagnostics.Length > 0) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    return watch.Elapsed.TotalMilliseconds;
}

sealed class Text(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);
    public override string Path { get; } = path;
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
