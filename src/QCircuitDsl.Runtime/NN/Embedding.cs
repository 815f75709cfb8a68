using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>Lookup table [num_embeddings, embedding_dim] indexed by int64 tensors (torch.nn.Embedding). Initialised
/// N(0, 1); the padding row (if any) is zero and receives no gradient.</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    public Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null, DType dtype = DType.Float32, Generator? generator = null)
    {
        if (paddingIdx is { } p)
        {
            if (p < -numEmbeddings || p >= numEmbeddings)
                throw new ArgumentException($"Embedding: padding_idx {p} must be within num_embeddings ({numEmbeddings})");
            paddingIdx = p < 0 ? p + numEmbeddings : p;
        }
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx;
        Weight = RegisterParameter("weight", new Parameter(Torch.Randn([numEmbeddings, embeddingDim], generator, dtype)))!;
        if (paddingIdx is { } row)
            using (GradMode.NoGrad()) Weight.Select(0, row).Zero_();
    }

    public int NumEmbeddings { get; }
    public int EmbeddingDim { get; }
    public int? PaddingIdx { get; }
    public Parameter Weight { get; }

    public override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight, PaddingIdx);

    public override string ExtraRepr() => $"{NumEmbeddings}, {EmbeddingDim}" + (PaddingIdx is { } p ? $", padding_idx={p}" : "");
}
