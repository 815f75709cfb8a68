using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Integer-indexed reads (gather, index_select, embedding) and their scatter-add gradients.</summary>
internal static class IndexingOps
{
    private static void RequireIndex(Tensor index, string op)
    {
        if (index.DType != DType.Int64)
            throw new ArgumentException($"{op}: expected an int64 index tensor but got {index.DType.Name()}");
    }

    /// <summary>out[i][j][k] = x[i][index[i][j][k]][k] for dim = 1 (torch.gather).</summary>
    public static Tensor Gather(Tensor x, int dim, Tensor index)
    {
        RequireIndex(index, "gather");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "gather");
        if (index.Dim != x.Dim)
            throw new ArgumentException($"gather: index tensor must have the same number of dimensions as input tensor (input {ShapeUtils.Format(x.ShapeArray)}, index {ShapeUtils.Format(index.ShapeArray)})");
        for (var i = 0; i < x.Dim; i++)
            if (i != d && index.ShapeArray[i] > x.ShapeArray[i])
                throw new ArgumentException($"gather: size of index {ShapeUtils.Format(index.ShapeArray)} does not fit input {ShapeUtils.Format(x.ShapeArray)} at dimension {i}");
        var idx = index.ToArray<long>();
        var size = x.ShapeArray[d];
        foreach (var v in idx)
            if (v < 0 || v >= size) throw new IndexOutOfRangeException($"gather: index {v} is out of bounds for dimension {d} with size {size}");

        var y = Tensor.Empty(x.DType, (int[])index.ShapeArray.Clone());
        var offsets = SourceOffsets(x, d, index.ShapeArray, idx);
        switch (x.DType)
        {
            case DType.Float32: { var s = x.Data<float>(); var o = y.Span<float>(); for (var i = 0; i < o.Length; i++) o[i] = s[offsets[i]]; break; }
            case DType.Float64: { var s = x.Data<double>(); var o = y.Span<double>(); for (var i = 0; i < o.Length; i++) o[i] = s[offsets[i]]; break; }
            default: { var s = x.Data<long>(); var o = y.Span<long>(); for (var i = 0; i < o.Length; i++) o[i] = s[offsets[i]]; break; }
        }
        var xShape = x.ShapeArray;
        AutogradRecorder.Record("GatherBackward", y, [x], g =>
        {
            // Scatter-add into a fresh contiguous tensor whose offsets follow the same formula.
            var gx = Torch.Zeros(xShape, g.DType);
            var targets = SourceOffsets(gx, d, index.ShapeArray, idx);
            var gc = StridedCopy.ToContiguous(g);
            if (g.DType == DType.Float32) { var src = gc.Span<float>(); var dst = gx.Data<float>(); for (var i = 0; i < src.Length; i++) dst[targets[i]] += src[i]; }
            else { var src = gc.Span<double>(); var dst = gx.Data<double>(); for (var i = 0; i < src.Length; i++) dst[targets[i]] += src[i]; }
            return [gx];
        });
        return y;
    }

    /// <summary>Storage offset in x of every element of a gather with the given (row-major) index values.</summary>
    private static int[] SourceOffsets(Tensor x, int dim, int[] indexShape, long[] idx)
    {
        var offsets = new int[idx.Length];
        var coord = new int[indexShape.Length];
        for (var i = 0; i < idx.Length; i++)
        {
            var off = x.Offset;
            for (var k = 0; k < coord.Length; k++) off += (k == dim ? (int)idx[i] : coord[k]) * x.StrideArray[k];
            offsets[i] = off;
            for (var k = coord.Length - 1; k >= 0; k--)
            {
                if (++coord[k] < indexShape[k]) break;
                coord[k] = 0;
            }
        }
        return offsets;
    }

    /// <summary>Slices of x along dim picked by a 1-D int64 index (torch.index_select).</summary>
    public static Tensor IndexSelect(Tensor x, int dim, Tensor index)
    {
        RequireIndex(index, "index_select");
        if (index.Dim > 1) throw new ArgumentException($"index_select: index must be 0-D or 1-D, got shape {ShapeUtils.Format(index.ShapeArray)}");
        var d = ShapeUtils.NormalizeDim(dim, x.Dim, "index_select");
        var idx = index.ToArray<long>();
        var size = x.Dim == 0 ? 1 : x.ShapeArray[d];
        foreach (var v in idx)
            if (v < 0 || v >= size) throw new IndexOutOfRangeException($"index_select: index {v} is out of range for dimension {d} with size {size}");
        var shape = (int[])x.ShapeArray.Clone();
        shape[d] = idx.Length;
        var y = Tensor.Empty(x.DType, shape);
        for (var i = 0; i < idx.Length; i++) StridedCopy.CopyInto(ViewOps.NarrowRaw(x, d, (int)idx[i], 1), ViewOps.NarrowRaw(y, d, i, 1));
        var xShape = x.ShapeArray;
        AutogradRecorder.Record("IndexSelectBackward", y, [x], g =>
        {
            var gx = Torch.Zeros(xShape, g.DType);
            for (var i = 0; i < idx.Length; i++) InPlace.AddInto(ViewOps.NarrowRaw(gx, d, (int)idx[i], 1), ViewOps.NarrowRaw(g, d, i, 1));
            return [gx];
        });
        return y;
    }

    /// <summary>Rows of weight [V, D] for int64 indices of any shape: result [..., D] (F.embedding). The padding row
    /// receives no gradient.</summary>
    public static Tensor Embedding(Tensor indices, Tensor weight, int? paddingIdx)
    {
        RequireIndex(indices, "embedding");
        if (weight.Dim != 2) throw new ArgumentException($"embedding: weight must be 2-D [num_embeddings, embedding_dim], got {ShapeUtils.Format(weight.ShapeArray)}");
        Elementwise.RequireFloat(weight, "embedding");
        int rows = weight.ShapeArray[0], dimSize = weight.ShapeArray[1];
        var idx = indices.ToArray<long>();
        foreach (var v in idx)
            if (v < 0 || v >= rows) throw new IndexOutOfRangeException($"embedding: index {v} is out of range for weight with {rows} rows");
        var w = StridedCopy.ToContiguous(weight);
        var y = Tensor.Empty(weight.DType, [.. indices.ShapeArray, dimSize]);
        if (weight.DType == DType.Float32) CopyRows<float>(w, idx, dimSize, y);
        else CopyRows<double>(w, idx, dimSize, y);
        AutogradRecorder.Record("EmbeddingBackward", y, [weight], g =>
        {
            var gw = Torch.Zeros([rows, dimSize], g.DType);
            var gc = StridedCopy.ToContiguous(g);
            if (g.DType == DType.Float32) AddRows<float>(gc, idx, dimSize, gw, paddingIdx);
            else AddRows<double>(gc, idx, dimSize, gw, paddingIdx);
            return [gw];
        });
        return y;
    }

    private static void CopyRows<T>(Tensor w, long[] idx, int dim, Tensor y) where T : unmanaged
    {
        var src = w.Data<T>();
        var dst = y.Data<T>();
        for (var i = 0; i < idx.Length; i++) src.AsSpan(w.Offset + (int)idx[i] * dim, dim).CopyTo(dst.AsSpan(i * dim, dim));
    }

    private static void AddRows<T>(Tensor g, long[] idx, int dim, Tensor gw, int? paddingIdx) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var src = g.Data<T>();
        var dst = gw.Data<T>();
        for (var i = 0; i < idx.Length; i++)
        {
            if (paddingIdx == idx[i]) continue;
            var row = dst.AsSpan((int)idx[i] * dim, dim);
            System.Numerics.Tensors.TensorPrimitives.Add(row, src.AsSpan(g.Offset + i * dim, dim), row);
        }
    }
}
