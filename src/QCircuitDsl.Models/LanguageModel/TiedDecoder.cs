using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.LanguageModel;

/// <summary>
/// Vocabulary logits through the transposed input embedding (weight tying, Press &amp; Wolf 2017): logits = o·Eᵀ + b.
/// Only the bias is this module's own parameter (<c>bias</c>); the embedding stays registered where it was, so the
/// shared matrix is trained, saved and counted once — as an embedding, which the paper leaves out of its counts.
/// </summary>
public sealed class TiedDecoder : Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;

    public TiedDecoder(Embedding embedding)
    {
        _embedding = embedding;
        Bias = RegisterParameter("bias", new Parameter(Torch.Zeros(new[] { embedding.NumEmbeddings })))!;
    }

    public Parameter Bias { get; }

    /// <summary>o [..., E] → logits [..., V].</summary>
    public override Tensor Forward(Tensor input) => Functional.Linear(input, _embedding.Weight, Bias);
}
