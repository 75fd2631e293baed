using Tokenizers;

namespace SeedNotebook
{
    /// <summary>The notebook's three trained tokenizers for one corpus, compiled by Tokenizers.Generator.</summary>
    internal sealed record Vocabularies(string Name, ITokenizer V1, ITokenizer V2, ITokenizer Bpe);
}

// Trained at build time from BuiltInText.txt into obj/trained/builtin-*/ (see SeedNotebook.csproj).
namespace SeedNotebook.BuiltIn
{
    [GeneratedTokenizer("obj/trained/builtin-v1/words.txt")]
    internal partial class WordsV1;

    [GeneratedTokenizer("obj/trained/builtin-v2/words.txt", UnknownToken = "<|unk|>")]
    internal partial class WordsV2;

    [GeneratedTokenizer("obj/trained/builtin-bpe/vocab.json", "obj/trained/builtin-bpe/merges.txt", PreTokenizer = "none")]
    internal partial class SeedBpe;
}

// Trained at build time from $(SeedCorpus) into obj/trained/corpus-*/.
namespace SeedNotebook.Corpus
{
    [GeneratedTokenizer("obj/trained/corpus-v1/words.txt")]
    internal partial class WordsV1;

    [GeneratedTokenizer("obj/trained/corpus-v2/words.txt", UnknownToken = "<|unk|>")]
    internal partial class WordsV2;

    [GeneratedTokenizer("obj/trained/corpus-bpe/vocab.json", "obj/trained/corpus-bpe/merges.txt", PreTokenizer = "none")]
    internal partial class SeedBpe;
}
