using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

/// <summary>
/// A classifier of padded token sequences (IMDB): word embeddings, a sequence encoder, and an affine map of the
/// encoder's output at each sequence's last real token to logits. Gathering at the true last token (not the last
/// padded position) means padding after a review never changes its class. <paramref name="embeddingDropout"/> drops
/// embedding entries for encoders that do not drop their input themselves (the QRNN cell does).
/// Parameters: <c>embedding.weight</c>, <c>encoder.*</c>, <c>head.*</c>.
/// </summary>
public sealed class TextClassifier : Module
{
    private readonly Generator? _dropoutGenerator;

    public TextClassifier(int vocabulary, int embedding, SequenceEncoder encoder, int classes, double embeddingDropout = 0.0, Generator? generator = null, Generator? dropoutGenerator = null)
    {
        if (encoder.InputSize != embedding)
        {
            throw new ArgumentException($"the encoder reads {encoder.InputSize} features per step but the embedding is {embedding} wide.", nameof(encoder));
        }

        Embedding = RegisterModule("embedding", new Embedding(vocabulary, embedding, generator: generator));
        Encoder = RegisterModule("encoder", encoder);
        Head = RegisterModule("head", new Linear(encoder.OutputSize, classes, generator: generator));
        EmbeddingDropout = embeddingDropout;
        _dropoutGenerator = dropoutGenerator ?? generator;
    }

    public Embedding Embedding { get; }
    public SequenceEncoder Encoder { get; }
    public Linear Head { get; }
    public double EmbeddingDropout { get; }

    /// <summary>tokens [B, T] (int64, right-padded) and mask [B, T] (1 = token, 0 = padding, every row starting with a token) → logits [B, classes].</summary>
    public Tensor Forward(Tensor tokens, Tensor mask)
    {
        var x = Embedding.Forward(tokens);
        if (EmbeddingDropout > 0)
        {
            x = Functional.Dropout(x, EmbeddingDropout, Training, _dropoutGenerator);
        }

        var features = Encoder.Forward(x);
        return Head.Forward((features * LastTokenSelector(mask).Unsqueeze(-1)).Sum(1));
    }

    /// <summary>One-hot [B, T] at each row's last real token: mask[t] − mask[t+1] for a right-padded mask.</summary>
    public static Tensor LastTokenSelector(Tensor mask)
    {
        int length = mask.Size(1);
        if (length == 1)
        {
            return mask;
        }

        var next = Torch.Cat(new[] { mask.Narrow(1, 1, length - 1), Torch.Zeros(new[] { mask.Size(0), 1 }, mask.DType) }, dim: 1);
        return mask - next;
    }
}
