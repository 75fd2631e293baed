using System.ComponentModel;

namespace Tokenizers.HuggingFace;

/// <summary>
/// A tokenizer that runs a <see cref="HuggingFaceModel"/> (a generated tokenizer.json class, or a loaded one): the
/// streaming decoder asks it for the model's decoder chain, which a SentencePiece-style model's text needs beyond the
/// tokens' bytes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IHuggingFaceModelOwner
{
    HuggingFaceModel Model { get; }
}
