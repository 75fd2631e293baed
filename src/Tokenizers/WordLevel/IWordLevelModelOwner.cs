using System.ComponentModel;

namespace Tokenizers.WordLevel;

/// <summary>
/// A tokenizer that runs a <see cref="WordLevelModel"/> (a generated word-list class, or a loaded one): token offsets ask
/// it for the unknown word's id, whose text is not the text it stands for.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWordLevelModelOwner
{
    WordLevelModel Model { get; }
}
