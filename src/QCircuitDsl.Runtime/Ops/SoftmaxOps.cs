using System.Numerics;
using System.Numerics.Tensors;
using Tensor = QCircuitDsl.Runtime.Tensors.Tensor;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>softmax and log_softmax along a dim: fused, max-shifted row kernels; gradients from the outputs.</summary>
internal static class SoftmaxOps
{
    public static Tensor Softmax(Tensor x, int dim)
    {
        Elementwise.RequireFloat(x, "softmax");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "softmax");
        var y = AlongLastDim(x, d, log: false);
        // dx = y * (g - Σ g·y)
        AutogradRecorder.Record("SoftmaxBackward", y, [x], g =>
            [BinaryOps.Mul(y, BinaryOps.Sub(g, ReductionOps.Sum(BinaryOps.Mul(g, y), [d], keepdim: true)))]);
        return y;
    }

    public static Tensor LogSoftmax(Tensor x, int dim)
    {
        Elementwise.RequireFloat(x, "log_softmax");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "log_softmax");
        var y = AlongLastDim(x, d, log: true);
        // dx = g - exp(y) * Σ g
        AutogradRecorder.Record("LogSoftmaxBackward", y, [x], g =>
            [BinaryOps.Sub(g, BinaryOps.Mul(UnaryOps.Exp(y), ReductionOps.Sum(g, [d], keepdim: true)))]);
        return y;
    }

    /// <summary>Runs the row kernel with dim moved last, and returns a contiguous result in the input's dim order.</summary>
    private static Tensor AlongLastDim(Tensor x, int d, bool log)
    {
        if (x.Dim == 0) return log ? Torch.ZerosLike(x) : Torch.OnesLike(x);
        var last = x.Dim - 1;
        var moved = d == last ? x.Detach() : ViewOps.Transpose(x.Detach(), d, last);
        var src = StridedCopy.ToContiguous(moved);
        var dst = Tensor.Empty(x.DType, (int[])src.ShapeArray.Clone());
        var length = src.ShapeArray[last];
        if (x.DType == DType.Float32) Rows<float>(src, dst, length, log);
        else Rows<double>(src, dst, length, log);
        return d == last ? dst : StridedCopy.Copy(ViewOps.Transpose(dst, d, last));
    }

    private static void Rows<T>(Tensor src, Tensor dst, int length, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (length == 0) return;
        var s = src.Data<T>();
        var o = dst.Data<T>();
        var so = src.Offset;
        var rows = src.Numel / length;
        ParallelFor.Chunks(rows, ParallelFor.Grain(length * 4), (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var row = s.AsSpan(so + r * length, length);
                var output = o.AsSpan(r * length, length);
                var max = TensorPrimitives.Max<T>(row);
                if (T.IsInfinity(max)) max = T.Zero; // keeps -inf rows and +inf entries from producing inf - inf
                TensorPrimitives.Subtract(row, max, output);
                if (log)
                {
                    var shifted = output.ToArray();
                    TensorPrimitives.Exp(output, output);
                    var logSum = T.Log(TensorPrimitives.Sum<T>(output));
                    TensorPrimitives.Subtract<T>(shifted, logSum, output);
                }
                else
                {
                    TensorPrimitives.Exp(output, output);
                    TensorPrimitives.Divide(output, TensorPrimitives.Sum<T>(output), output);
                }
            }
        });
    }
}
