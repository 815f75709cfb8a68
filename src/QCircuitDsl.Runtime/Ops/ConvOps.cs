using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Causal depthwise 1-D convolution (the short conv in Mamba-style blocks), equivalent to
/// F.conv1d(x, w, b, padding=K-1, groups=C)[..., :L]:
/// y[b,c,t] = bias[c] + Σ_j w[c,0,j] · x[b,c,t−(K−1)+j], with x taken as 0 before t = 0.
/// </summary>
internal static class ConvOps
{
    public static Tensor CausalDepthwiseConv1d(Tensor x, Tensor weight, Tensor? bias)
    {
        const string op = "causal_depthwise_conv1d";
        Elementwise.RequireFloat(x, op);
        Elementwise.RequireSameDType(x, weight, op);
        if (x.Dim != 3) throw new ArgumentException($"{op}: input must be [B, C, L], got {ShapeUtils.Format(x.ShapeArray)}");
        int batch = x.ShapeArray[0], channels = x.ShapeArray[1], length = x.ShapeArray[2];
        if (weight.Dim != 3 || weight.ShapeArray[0] != channels || weight.ShapeArray[1] != 1)
            throw new ArgumentException($"{op}: weight must be [C, 1, K] with C = {channels} for input {ShapeUtils.Format(x.ShapeArray)}, got {ShapeUtils.Format(weight.ShapeArray)}");
        if (bias is not null)
        {
            Elementwise.RequireSameDType(x, bias, op);
            if (bias.Dim != 1 || bias.ShapeArray[0] != channels)
                throw new ArgumentException($"{op}: bias must be [C] = [{channels}], got {ShapeUtils.Format(bias.ShapeArray)}");
        }
        var k = weight.ShapeArray[2];
        var xc = StridedCopy.ToContiguous(x.Detach());
        var wc = StridedCopy.ToContiguous(weight.Detach());
        var bc = bias is null ? null : StridedCopy.ToContiguous(bias.Detach());
        var y = Tensor.Empty(x.DType, [batch, channels, length]);
        if (x.DType == DType.Float32) Forward<float>(xc, wc, bc, y, batch, channels, length, k);
        else Forward<double>(xc, wc, bc, y, batch, channels, length, k);

        AutogradRecorder.Record("CausalConv1dBackward", y, [x, weight, bias], g =>
        {
            var gc = StridedCopy.ToContiguous(g);
            var gx = x.RequiresGrad ? Tensor.Empty(x.DType, [batch, channels, length]) : null;
            var gw = weight.RequiresGrad ? Tensor.Empty(x.DType, [channels, 1, k]) : null;
            var gb = bias is { RequiresGrad: true } ? Tensor.Empty(x.DType, [channels]) : null;
            if (x.DType == DType.Float32) Backward<float>(xc, wc, gc, gx, gw, gb, batch, channels, length, k);
            else Backward<double>(xc, wc, gc, gx, gw, gb, batch, channels, length, k);
            return [gx, gw, gb];
        });
        return y;
    }

    private static void Forward<T>(Tensor x, Tensor w, Tensor? bias, Tensor y, int batch, int channels, int length, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.Data<T>();
        var ws = w.Data<T>();
        var bs = bias?.Data<T>();
        var ys = y.Data<T>();
        int xo = x.Offset, wo = w.Offset, bo = bias?.Offset ?? 0;
        ParallelFor.Chunks(batch * channels, ParallelFor.Grain(length * k), (start, end) =>
        {
            for (var row = start; row < end; row++)
            {
                var c = row % channels;
                var xRow = xs.AsSpan(xo + row * length, length);
                var yRow = ys.AsSpan(row * length, length);
                var b0 = bs is null ? T.Zero : bs[bo + c];
                for (var t = 0; t < length; t++)
                {
                    var acc = b0;
                    for (var j = Math.Max(0, k - 1 - t); j < k; j++) acc += ws[wo + c * k + j] * xRow[t - (k - 1) + j];
                    yRow[t] = acc;
                }
            }
        });
    }

    private static void Backward<T>(Tensor x, Tensor w, Tensor g, Tensor? gx, Tensor? gw, Tensor? gb, int batch, int channels, int length, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var xs = x.Data<T>();
        var ws = w.Data<T>();
        var gs = g.Data<T>();
        int xo = x.Offset, wo = w.Offset, go = g.Offset;
        if (gx is not null)
        {
            var gxs = gx.Data<T>();
            // x[s] feeds y[t] for t = s + (K−1) − j, so gx[s] = Σ_j w[j] · g[s + (K−1) − j] over t < L.
            ParallelFor.Chunks(batch * channels, ParallelFor.Grain(length * k), (start, end) =>
            {
                for (var row = start; row < end; row++)
                {
                    var c = row % channels;
                    for (var s = 0; s < length; s++)
                    {
                        var acc = T.Zero;
                        for (var j = 0; j < k; j++)
                        {
                            var t = s + (k - 1) - j;
                            if (t < length) acc += ws[wo + c * k + j] * gs[go + row * length + t];
                        }
                        gxs[row * length + s] = acc;
                    }
                }
            });
        }
        if (gw is null && gb is null) return;
        var gws = gw?.Data<T>();
        var gbs = gb?.Data<T>();
        // Per channel, batches and time steps are summed in a fixed order.
        ParallelFor.Chunks(channels, ParallelFor.Grain(batch * length * k), (start, end) =>
        {
            for (var c = start; c < end; c++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (gws is null) break;
                    var acc = T.Zero;
                    for (var b = 0; b < batch; b++)
                    {
                        var row = b * channels + c;
                        for (var t = Math.Max(0, k - 1 - j); t < length; t++)
                            acc += gs[go + row * length + t] * xs[xo + row * length + t - (k - 1) + j];
                    }
                    gws[c * k + j] = acc;
                }
                if (gbs is null) continue;
                var sum = T.Zero;
                for (var b = 0; b < batch; b++)
                    for (var t = 0; t < length; t++) sum += gs[go + (b * channels + c) * length + t];
                gbs[c] = sum;
            }
        });
    }
}
