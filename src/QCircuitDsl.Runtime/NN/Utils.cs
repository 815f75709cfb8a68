using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>torch.nn.utils.</summary>
public static class Utils
{
    /// <summary>Scales all gradients in place so their joint p-norm is at most maxNorm (coefficient
    /// maxNorm / (norm + 1e-6), applied only when below 1) and returns the norm before clipping.</summary>
    public static double ClipGradNorm_(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2.0, bool errorIfNonfinite = false) =>
        GradClipping.ClipGradNorm(parameters, maxNorm, normType, errorIfNonfinite);
}
