using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Differentiable reductions along dimensions (sum, mean, max/min, logsumexp).</summary>
internal static class ReductionOps
{
    /// <summary>Normalised, sorted, distinct dims; an empty list means every dim.</summary>
    public static int[] NormalizeDims(Tensor x, int[]? dims, string op)
    {
        if (dims is null || dims.Length == 0) return Enumerable.Range(0, x.Dim).ToArray();
        var normalized = dims.Select(d => ShapeUtils.NormalizeDim(d, x.Dim, op)).ToArray();
        if (normalized.Distinct().Count() != normalized.Length) throw new ArgumentException($"{op}: dim {ShapeUtils.Format(dims)} appears multiple times in the list of dims");
        Array.Sort(normalized);
        return x.Dim == 0 ? [] : normalized;
    }

    private static int[] ReducedShape(Tensor x, int[] dims, bool keepdim) =>
        Enumerable.Range(0, x.Dim).Where(d => keepdim || !dims.Contains(d)).Select(d => dims.Contains(d) ? 1 : x.ShapeArray[d]).ToArray();

    public static Tensor Sum(Tensor x, int[]? dims, bool keepdim)
    {
        Elementwise.RequireFloat(x, "sum");
        var d = NormalizeDims(x, dims, "sum");
        var keep = ReductionKernels.Sum(x, d);
        var y = keepdim ? keep : new Tensor(keep.Storage, 0, ReducedShape(x, d, false), ShapeUtils.ContiguousStrides(ReducedShape(x, d, false)));
        var keepShape = keep.ShapeArray;
        var xShape = x.ShapeArray;
        AutogradRecorder.Record("SumBackward", y, [x], g => [ViewOps.Expand(ViewOps.Reshape(g, keepShape), xShape)]);
        return y;
    }

    public static Tensor Mean(Tensor x, int[]? dims, bool keepdim)
    {
        Elementwise.RequireFloat(x, "mean");
        var d = NormalizeDims(x, dims, "mean");
        var count = d.Aggregate(1, (acc, dim) => acc * x.ShapeArray[dim]);
        return BinaryOps.Div(Sum(x, d, keepdim), count);
    }

    /// <summary>Max along one dim: values and int64 indices (first maximum on ties).</summary>
    public static (Tensor Values, Tensor Indices) Max(Tensor x, int dim, bool keepdim)
    {
        Elementwise.RequireFloat(x, "max");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "max");
        if (x.Dim == 0) return (x, Torch.Zeros([], DType.Int64));
        var length = x.ShapeArray[d];
        if (length == 0) throw new ArgumentException($"max: cannot reduce over dimension {d} of size 0 (shape {ShapeUtils.Format(x.ShapeArray)})");
        var order = Enumerable.Range(0, x.Dim).Where(i => i != d).Append(d).ToArray();
        var moved = StridedCopy.ToContiguous(x.Detach().Permute(order));
        var keepShape = (int[])x.ShapeArray.Clone();
        keepShape[d] = 1;
        // Rows of `moved` are in the same order as the elements of the keepdim result.
        var indices = Tensor.FromArray(ReductionKernels.ArgMaxLastDim(moved, length), keepShape);
        var values = IndexingOps.Gather(x, d, indices);
        if (keepdim) return (values, indices);
        return (ViewOps.Squeeze(values, d), ViewOps.Squeeze(indices, d));
    }

    /// <summary>Max of all elements as a 0-d tensor.</summary>
    public static Tensor Max(Tensor x) => Max(ViewOps.Reshape(x, [-1]), 0, false).Values;

    public static (Tensor Values, Tensor Indices) Min(Tensor x, int dim, bool keepdim)
    {
        var (values, indices) = Max(UnaryOps.Neg(x), dim, keepdim);
        return (UnaryOps.Neg(values), indices);
    }

    public static Tensor Min(Tensor x) => UnaryOps.Neg(Max(UnaryOps.Neg(x)));

    /// <summary>log Σ exp(x) along dims, computed as m + log Σ exp(x - m) with m the (detached) max for stability.</summary>
    public static Tensor LogSumExp(Tensor x, int[] dims, bool keepdim)
    {
        Elementwise.RequireFloat(x, "logsumexp");
        var d = NormalizeDims(x, dims, "logsumexp");
        Tensor m;
        using (GradMode.NoGrad())
        {
            m = x.Detach();
            for (var i = d.Length - 1; i >= 0; i--) m = Max(m, d[i], keepdim: true).Values;
            // Infinite maxima would turn x - m into NaN; shifting by 0 is exact for them.
            var values = m.ToArray<double>().Select(v => double.IsInfinity(v) ? 0.0 : v).ToArray();
            m = Casting.To(Torch.Tensor(values, m.Shape), x.DType);
        }
        var shifted = UnaryOps.Log(Sum(UnaryOps.Exp(BinaryOps.Sub(x, m)), d, keepdim: true));
        var result = BinaryOps.Add(shifted, m);
        return keepdim ? result : ViewOps.Reshape(result, ReducedShape(x, d, false));
    }

    /// <summary>Sums a broadcast gradient back to an operand's shape (leading dims and size-1 dims).</summary>
    public static Tensor SumToShape(Tensor g, int[] shape)
    {
        if (ShapeUtils.SameShape(g.ShapeArray, shape)) return g;
        var lead = g.Dim - shape.Length;
        var dims = new List<int>();
        for (var i = 0; i < g.Dim; i++)
            if (i < lead || (shape[i - lead] == 1 && g.ShapeArray[i] != 1)) dims.Add(i);
        var summed = dims.Count == 0 ? g : Sum(g, dims.ToArray(), keepdim: true);
        return ViewOps.Reshape(summed, shape);
    }
}
