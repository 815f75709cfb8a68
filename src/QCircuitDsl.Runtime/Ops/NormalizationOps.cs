using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Fused layer_norm and rms_norm over the trailing normalized_shape dims. Statistics are accumulated in double (as
/// PyTorch's CPU kernels do for float) and saved per row for the closed-form backward:
/// dx = rstd·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) for layer norm (without the mean(dx̂) term for RMS norm), dx̂ = g·w.
/// </summary>
internal static class NormalizationOps
{
    public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias, double eps) =>
        Normalize(x, normalizedShape, weight, bias, eps, center: true, "layer_norm");

    /// <summary>eps null means the dtype's machine epsilon (torch.finfo(dtype).eps), PyTorch's default.</summary>
    public static Tensor RmsNorm(Tensor x, int[] normalizedShape, Tensor? weight, double? eps) =>
        Normalize(x, normalizedShape, weight, null, eps ?? (x.DType == DType.Float32 ? 1.1920928955078125e-07 : 2.220446049250313e-16),
            center: false, "rms_norm");

    private static Tensor Normalize(Tensor x, int[] normalizedShape, Tensor? weight, Tensor? bias, double eps, bool center, string op)
    {
        Elementwise.RequireFloat(x, op);
        var k = normalizedShape.Length;
        if (k == 0 || x.Dim < k || !ShapeUtils.SameShape(x.ShapeArray[^k..], normalizedShape))
            throw new ArgumentException(
                $"{op}: input shape {ShapeUtils.Format(x.ShapeArray)} does not end with normalized_shape {ShapeUtils.Format(normalizedShape)}");
        foreach (var (p, name) in new[] { (weight, "weight"), (bias, "bias") })
        {
            if (p is null) continue;
            if (!ShapeUtils.SameShape(p.ShapeArray, normalizedShape))
                throw new ArgumentException($"{op}: {name} shape {ShapeUtils.Format(p.ShapeArray)} must equal normalized_shape {ShapeUtils.Format(normalizedShape)}");
            Elementwise.RequireSameDType(x, p, op);
        }

        var d = ShapeUtils.Numel(normalizedShape);
        var xc = StridedCopy.ToContiguous(x.Detach());
        var rows = d == 0 ? 0 : xc.Numel / d;
        var mean = new double[rows];
        var rstd = new double[rows];
        var w = weight is null ? null : StridedCopy.ToContiguous(weight.Detach());
        var b = bias is null ? null : StridedCopy.ToContiguous(bias.Detach());
        var y = Tensor.Empty(x.DType, (int[])x.ShapeArray.Clone());
        if (x.DType == DType.Float32) Forward<float>(xc, w, b, y, d, eps, center, mean, rstd);
        else Forward<double>(xc, w, b, y, d, eps, center, mean, rstd);

        AutogradRecorder.Record(center ? "NativeLayerNormBackward" : "RmsNormBackward", y, [x, weight, bias], g =>
        {
            var gc = StridedCopy.ToContiguous(g);
            var gx = x.RequiresGrad ? Tensor.Empty(x.DType, (int[])x.ShapeArray.Clone()) : null;
            var gw = weight is { RequiresGrad: true } ? Tensor.Empty(x.DType, (int[])normalizedShape.Clone()) : null;
            var gb = bias is { RequiresGrad: true } ? Tensor.Empty(x.DType, (int[])normalizedShape.Clone()) : null;
            if (x.DType == DType.Float32) Backward<float>(xc, w, gc, gx, gw, gb, d, center, mean, rstd);
            else Backward<double>(xc, w, gc, gx, gw, gb, d, center, mean, rstd);
            return [gx, gw, gb];
        });
        return y;
    }

    private static void Forward<T>(Tensor x, Tensor? weight, Tensor? bias, Tensor y, int d, double eps, bool center, double[] mean, double[] rstd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.Data<T>();
        var ys = y.Data<T>();
        int xo = x.Offset;
        var ws = weight?.Data<T>();
        var bs = bias?.Data<T>();
        int wo = weight?.Offset ?? 0, bo = bias?.Offset ?? 0;
        ParallelFor.Chunks(mean.Length, ParallelFor.Grain(d * 4), (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var row = xs.AsSpan(xo + r * d, d);
                double mu = 0;
                if (center)
                {
                    for (var i = 0; i < d; i++) mu += double.CreateTruncating(row[i]);
                    mu /= d;
                }
                double sq = 0;
                for (var i = 0; i < d; i++)
                {
                    var c = double.CreateTruncating(row[i]) - mu;
                    sq += c * c;
                }
                var inv = 1.0 / Math.Sqrt(sq / d + eps);
                mean[r] = mu;
                rstd[r] = inv;
                var outRow = ys.AsSpan(r * d, d);
                for (var i = 0; i < d; i++)
                {
                    var v = (double.CreateTruncating(row[i]) - mu) * inv;
                    if (ws is not null) v *= double.CreateTruncating(ws[wo + i]);
                    if (bs is not null) v += double.CreateTruncating(bs[bo + i]);
                    outRow[i] = T.CreateTruncating(v);
                }
            }
        });
    }

    private static void Backward<T>(Tensor x, Tensor? weight, Tensor g, Tensor? gx, Tensor? gw, Tensor? gb, int d, bool center,
        double[] mean, double[] rstd) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.Data<T>();
        var gs = g.Data<T>();
        int xo = x.Offset, go = g.Offset;
        var ws = weight?.Data<T>();
        var wo = weight?.Offset ?? 0;
        var rows = mean.Length;

        if (gx is not null)
        {
            var gxs = gx.Data<T>();
            ParallelFor.Chunks(rows, ParallelFor.Grain(d * 6), (start, end) =>
            {
                var dxhat = new double[d];
                var xhat = new double[d];
                for (var r = start; r < end; r++)
                {
                    double meanDxhat = 0, meanDxhatXhat = 0;
                    for (var i = 0; i < d; i++)
                    {
                        xhat[i] = (double.CreateTruncating(xs[xo + r * d + i]) - mean[r]) * rstd[r];
                        dxhat[i] = double.CreateTruncating(gs[go + r * d + i]) * (ws is null ? 1.0 : double.CreateTruncating(ws[wo + i]));
                        meanDxhat += dxhat[i];
                        meanDxhatXhat += dxhat[i] * xhat[i];
                    }
                    meanDxhat = center ? meanDxhat / d : 0;
                    meanDxhatXhat /= d;
                    for (var i = 0; i < d; i++)
                        gxs[r * d + i] = T.CreateTruncating(rstd[r] * (dxhat[i] - meanDxhat - xhat[i] * meanDxhatXhat));
                }
            });
        }

        if (gw is null && gb is null) return;
        var gws = gw?.Data<T>();
        var gbs = gb?.Data<T>();
        // Parameter gradients: every column sums over rows in row order (deterministic for any thread count).
        ParallelFor.Chunks(d, ParallelFor.Grain(rows * 2), (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                double sw = 0, sb = 0;
                for (var r = 0; r < rows; r++)
                {
                    var gv = double.CreateTruncating(gs[go + r * d + i]);
                    sw += gv * (double.CreateTruncating(xs[xo + r * d + i]) - mean[r]) * rstd[r];
                    sb += gv;
                }
                if (gws is not null) gws[i] = T.CreateTruncating(sw);
                if (gbs is not null) gbs[i] = T.CreateTruncating(sb);
            }
        });
    }
}
