using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>Layer normalisation over the trailing normalized_shape dims (torch.nn.LayerNorm); weight 1, bias 0.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    public LayerNorm(int normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, bool bias = true, DType dtype = DType.Float32)
        : this([normalizedShape], eps, elementwiseAffine, bias, dtype) { }

    public LayerNorm(int[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, bool bias = true, DType dtype = DType.Float32)
    {
        NormalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        Weight = RegisterParameter("weight", elementwiseAffine ? new Parameter(Torch.Ones(NormalizedShape, dtype)) : null);
        Bias = RegisterParameter("bias", elementwiseAffine && bias ? new Parameter(Torch.Zeros(NormalizedShape, dtype)) : null);
    }

    public int[] NormalizedShape { get; }
    public double Eps { get; }
    public Parameter? Weight { get; }
    public Parameter? Bias { get; }

    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, NormalizedShape, Weight, Bias, Eps);

    public override string ExtraRepr() => $"({string.Join(", ", NormalizedShape)},), eps={Eps}, elementwise_affine={(Weight is null ? "False" : "True")}";
}

/// <summary>Root-mean-square normalisation (torch.nn.RMSNorm): x / √(mean(x²) + eps) · weight. eps null uses the
/// dtype's machine epsilon, as PyTorch does.</summary>
public sealed class RMSNorm : Module<Tensor, Tensor>
{
    public RMSNorm(int normalizedShape, double? eps = null, bool elementwiseAffine = true, DType dtype = DType.Float32)
        : this([normalizedShape], eps, elementwiseAffine, dtype) { }

    public RMSNorm(int[] normalizedShape, double? eps = null, bool elementwiseAffine = true, DType dtype = DType.Float32)
    {
        NormalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        Weight = RegisterParameter("weight", elementwiseAffine ? new Parameter(Torch.Ones(NormalizedShape, dtype)) : null);
    }

    public int[] NormalizedShape { get; }
    public double? Eps { get; }
    public Parameter? Weight { get; }

    public override Tensor Forward(Tensor input) => Functional.RmsNorm(input, NormalizedShape, Weight, Eps);

    public override string ExtraRepr() => $"({string.Join(", ", NormalizedShape)},), eps={(Eps?.ToString() ?? "None")}, elementwise_affine={(Weight is null ? "False" : "True")}";
}
