using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Inverted dropout: keeps each element with probability 1 − p and scales kept ones by 1/(1 − p).</summary>
internal static class DropoutOps
{
    public static Tensor Dropout(Tensor x, double p, bool training, Generator? generator)
    {
        if (p < 0 || p > 1) throw new ArgumentException($"dropout: probability has to be between 0 and 1, but got {p}");
        Elementwise.RequireFloat(x, "dropout");
        if (!training || p == 0) return x;
        if (p == 1) return BinaryOps.Mul(x, 0.0);
        // The mask is drawn sequentially from the generator (one uniform per element, row-major), so it is reproducible.
        var g = generator ?? Torch.DefaultGenerator;
        var mask = Tensor.Empty(x.DType, x.Shape);
        var keep = 1 - p;
        var scale = 1 / keep;
        if (x.DType == DType.Float32)
        {
            var m = mask.Span<float>();
            for (var i = 0; i < m.Length; i++) m[i] = g.NextDouble() < keep ? (float)scale : 0f;
        }
        else
        {
            var m = mask.Span<double>();
            for (var i = 0; i < m.Length; i++) m[i] = g.NextDouble() < keep ? scale : 0.0;
        }
        return BinaryOps.Mul(x, mask);
    }
}
