using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>
/// torch.nn.functional. Import with <c>using F = QCircuitDsl.Runtime.NN.Functional;</c> to write F.Relu(x),
/// F.CrossEntropy(logits, target) as in PyTorch.
/// </summary>
public static class Functional
{
    // ---------------------------------------------------------------- activations
    public static Tensor Relu(Tensor x) => UnaryOps.Relu(x);
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.01) => UnaryOps.LeakyRelu(x, negativeSlope);

    /// <summary>GELU; approximate "none" is the exact erf form (PyTorch's default), "tanh" the tanh approximation.</summary>
    public static Tensor Gelu(Tensor x, string approximate = "none") => UnaryOps.Gelu(x, approximate);

    public static Tensor Silu(Tensor x) => UnaryOps.Silu(x);
    public static Tensor Sigmoid(Tensor x) => UnaryOps.Sigmoid(x);
    public static Tensor Tanh(Tensor x) => UnaryOps.Tanh(x);

    /// <summary>log(1 + exp(βx))/β, linear above threshold (PyTorch defaults β = 1, threshold = 20).</summary>
    public static Tensor Softplus(Tensor x, double beta = 1, double threshold = 20) => UnaryOps.Softplus(x, beta, threshold);

    public static Tensor Softmax(Tensor x, int dim) => SoftmaxOps.Softmax(x, dim);
    public static Tensor LogSoftmax(Tensor x, int dim) => SoftmaxOps.LogSoftmax(x, dim);

    // ---------------------------------------------------------------- layers
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) => MatMulOps.Linear(input, weight, bias);

    public static Tensor Embedding(Tensor input, Tensor weight, int? paddingIdx = null) => IndexingOps.Embedding(input, weight, paddingIdx);

    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null) =>
        DropoutOps.Dropout(input, p, training, generator);

    public static Tensor LayerNorm(Tensor input, int[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        NormalizationOps.LayerNorm(input, normalizedShape, weight, bias, eps);

    /// <summary>RMS norm; eps null uses the dtype's machine epsilon like torch.nn.functional.rms_norm.</summary>
    public static Tensor RmsNorm(Tensor input, int[] normalizedShape, Tensor? weight = null, double? eps = null) =>
        NormalizationOps.RmsNorm(input, normalizedShape, weight, eps);

    /// <summary>Causal depthwise conv1d: input [B, C, L], weight [C, 1, K], bias [C]; left padding K − 1, output [B, C, L].</summary>
    public static Tensor CausalDepthwiseConv1d(Tensor input, Tensor weight, Tensor? bias = null) =>
        ConvOps.CausalDepthwiseConv1d(input, weight, bias);

    // ---------------------------------------------------------------- losses

    /// <summary>
    /// Cross entropy from unnormalised logits. Input [N, C] or [N, C, d1, ...] with int64 target [N] / [N, d1, ...]
    /// (PyTorch layout, classDim 1); for the sequence-model layout [N, T, C] pass classDim: -1. Targets equal to
    /// ignoreIndex are skipped and excluded from the mean.
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, int ignoreIndex = -100, Reduction reduction = Reduction.Mean, int classDim = 1) =>
        LossOps.CrossEntropy(input, target, ignoreIndex, reduction, classDim);

    /// <summary>Negative log-likelihood of log-probabilities; same layouts as <see cref="CrossEntropy"/>.</summary>
    public static Tensor NllLoss(Tensor input, Tensor target, int ignoreIndex = -100, Reduction reduction = Reduction.Mean, int classDim = 1) =>
        LossOps.NllLoss(input, target, ignoreIndex, reduction, classDim);

    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => LossOps.MseLoss(input, target, reduction);
}
