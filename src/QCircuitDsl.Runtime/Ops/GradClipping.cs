using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>torch.nn.utils.clip_grad_norm_: rescales gradients in place so their joint norm is at most maxNorm.</summary>
internal static class GradClipping
{
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType, bool errorIfNonfinite)
    {
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return 0.0;
        // The joint norm equals the norm of the per-parameter norms; accumulated in double, parameter order fixed.
        double total;
        if (double.IsPositiveInfinity(normType))
            total = grads.Max(g => g.ToArray<double>().Select(Math.Abs).DefaultIfEmpty(0).Max());
        else
        {
            var sum = 0.0;
            foreach (var g in grads)
                foreach (var v in g.ToArray<double>()) sum += Math.Pow(Math.Abs(v), normType);
            total = Math.Pow(sum, 1.0 / normType);
        }
        if (errorIfNonfinite && !double.IsFinite(total))
            throw new InvalidOperationException(
                $"clip_grad_norm_: the total norm of order {normType} for gradients from `parameters` is non-finite, so it cannot be clipped. Pass errorIfNonfinite: false to disable this error.");
        // Same coefficient as PyTorch: max_norm / (total + 1e-6), clamped to at most 1.
        var coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1.0)
        {
            using var _ = GradMode.NoGrad();
            foreach (var g in grads) InPlace.Scale(g, coefficient);
        }
        return total;
    }
}
