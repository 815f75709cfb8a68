using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Materialises any strided view into fresh contiguous storage (no autograd; see ViewOps.Contiguous).</summary>
internal static class StridedCopy
{
    /// <summary>Returns <paramref name="t"/> itself when already contiguous, else a contiguous copy.</summary>
    public static Tensor ToContiguous(Tensor t) => t.IsContiguous ? t : Copy(t);

    public static Tensor Copy(Tensor t)
    {
        var result = Tensor.Empty(t.DType, (int[])t.ShapeArray.Clone());
        CopyInto(t, result);
        return result;
    }

    /// <summary>Copies src (broadcast to dst's shape) into the view dst.</summary>
    public static void CopyInto(Tensor src, Tensor dst)
    {
        switch (dst.DType)
        {
            case DType.Float32: CopyInto<float>(src, dst); break;
            case DType.Float64: CopyInto<double>(src, dst); break;
            default: CopyInto<long>(src, dst); break;
        }
    }

    private static void CopyInto<T>(Tensor src, Tensor dst) where T : unmanaged
    {
        if (src.DType != dst.DType) src = Casting.To(src, dst.DType);
        var srcStrides = Layout.BroadcastStrides(src.ShapeArray, src.StrideArray, dst.ShapeArray);
        var (shape, strides) = Layout.Coalesce(dst.ShapeArray, dst.StrideArray, srcStrides);
        var s = src.Data<T>();
        var d = dst.Data<T>();
        var inner = shape[^1];
        int ds = strides[0][^1], ss = strides[1][^1];
        var rows = ShapeUtils.Numel(shape) / Math.Max(inner, 1);
        if (inner == 0) return;
        var dc = new RowCursor(shape, strides[0], dst.Offset);
        var sc = new RowCursor(shape, strides[1], src.Offset);
        for (var r = 0; r < rows; r++, dc.Next(), sc.Next())
        {
            if (ds == 1 && ss == 1) s.AsSpan(sc.Offset, inner).CopyTo(d.AsSpan(dc.Offset, inner));
            else if (ss == 0 && ds == 1) d.AsSpan(dc.Offset, inner).Fill(s[sc.Offset]);
            else
                for (int i = 0, di = dc.Offset, si = sc.Offset; i < inner; i++, di += ds, si += ss) d[di] = s[si];
        }
    }
}
