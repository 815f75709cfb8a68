using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>y = x·Wᵀ + b with weight [out_features, in_features] (torch.nn.Linear). Default init as PyTorch:
/// weight kaiming_uniform(a = √5), i.e. U(±1/√in), then bias U(±1/√in).</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(int inFeatures, int outFeatures, bool bias = true, DType dtype = DType.Float32, Generator? generator = null)
    {
        if (inFeatures < 0 || outFeatures < 0) throw new ArgumentException($"Linear: feature sizes must be non-negative, got {inFeatures} and {outFeatures}");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", new Parameter(Torch.Empty([outFeatures, inFeatures], dtype)))!;
        Bias = RegisterParameter("bias", bias ? new Parameter(Torch.Empty([outFeatures], dtype)) : null);
        ResetParameters(generator);
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    public void ResetParameters(Generator? generator = null)
    {
        Init.KaimingUniform_(Weight, a: Math.Sqrt(5), generator: generator);
        if (Bias is null) return;
        var bound = InFeatures > 0 ? 1 / Math.Sqrt(InFeatures) : 0;
        Init.Uniform_(Bias, -bound, bound, generator);
    }

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    public override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")}";
}
