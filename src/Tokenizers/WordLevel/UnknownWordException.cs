using System.Collections.Generic;

namespace Tokenizers.WordLevel;

/// <summary>A word-level tokenizer without an unknown token met a word its vocabulary lacks (the notebook's V1 KeyError).</summary>
public sealed class UnknownWordException : KeyNotFoundException
{
    public UnknownWordException(string word, int position)
        : base($"The word '{word}' at character {position} is not in the vocabulary, and the tokenizer has no unknown token.")
    {
        Word = word;
        Position = position;
    }

    /// <summary>The word that is not in the vocabulary.</summary>
    public string Word { get; }

    /// <summary>Index (in UTF-16 chars) of the word's first character in the encoded text.</summary>
    public int Position { get; }
}
