using System.Numerics;
using System.Numerics.Tensors;
using Tensor = QCircuitDsl.Runtime.Tensors.Tensor;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Raw (non-autograd) reductions. Every output element is reduced by one thread in a fixed order, so sums are
/// bit-identical for any thread count.
/// </summary>
internal static class ReductionKernels
{
    /// <summary>Sum over <paramref name="dims"/> (sorted, distinct); the result has the keepdim shape.</summary>
    public static Tensor Sum(Tensor x, int[] dims)
    {
        var keepShape = (int[])x.ShapeArray.Clone();
        foreach (var d in dims) keepShape[d] = 1;
        var result = Tensor.Empty(x.DType, keepShape);
        if (x.DType == DType.Float32) Sum<float>(x, dims, result);
        else Sum<double>(x, dims, result);
        return result;
    }

    private static void Sum<T>(Tensor x, int[] dims, Tensor result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = x.Dim;
        var outCount = result.Numel;
        var dst = result.Data<T>();
        if (outCount == 0) return;
        var reduced = x.Numel / outCount;
        if (reduced == 0) { Array.Clear(dst); return; }

        var isPrefix = dims.Select((d, i) => d == i).All(b => b);
        if (isPrefix && x.IsContiguous && dims.Length < n)
        {
            // Reducing leading dims of a contiguous tensor (e.g. bias gradients): add whole rows, vectorised along the row.
            var src = x.Data<T>();
            var off = x.Offset;
            var rows = reduced;
            ParallelFor.Chunks(outCount, ParallelFor.Grain(rows), (start, end) =>
            {
                var acc = dst.AsSpan(start, end - start);
                src.AsSpan(off + start, end - start).CopyTo(acc);
                for (var r = 1; r < rows; r++) TensorPrimitives.Add(acc, src.AsSpan(off + r * outCount + start, end - start), acc);
            });
            return;
        }

        // General case: move reduced dims last, so each output owns one contiguous segment.
        var kept = Enumerable.Range(0, n).Where(d => !dims.Contains(d));
        var permuted = ViewOps.Permute(x.Detach(), kept.Concat(dims).ToArray());
        var contiguous = StridedCopy.ToContiguous(permuted);
        var data = contiguous.Data<T>();
        var baseOffset = contiguous.Offset;
        ParallelFor.Chunks(outCount, ParallelFor.Grain(reduced), (start, end) =>
        {
            for (var i = start; i < end; i++) dst[i] = TensorPrimitives.Sum<T>(data.AsSpan(baseOffset + i * reduced, reduced));
        });
    }

    /// <summary>Index of the maximum along the last dim of a contiguous [rows, length] layout (first one on ties;
    /// NaN counts as the maximum, like PyTorch).</summary>
    public static long[] ArgMaxLastDim(Tensor contiguous, int length)
    {
        var rows = length == 0 ? 0 : contiguous.Numel / length;
        var result = new long[rows];
        if (contiguous.DType == DType.Float32) ArgMax<float>(contiguous, length, result);
        else ArgMax<double>(contiguous, length, result);
        return result;
    }

    private static void ArgMax<T>(Tensor t, int length, long[] result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = t.Data<T>();
        var off = t.Offset;
        ParallelFor.Chunks(result.Length, ParallelFor.Grain(length), (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var row = data.AsSpan(off + r * length, length);
                var best = 0;
                for (var i = 1; i < row.Length; i++)
                {
                    if (T.IsNaN(row[best])) break;
                    if (row[i] > row[best] || T.IsNaN(row[i])) best = i;
                }
                result[r] = best;
            }
        });
    }
}
