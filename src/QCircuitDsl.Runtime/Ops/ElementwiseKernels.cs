using System.Numerics;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>A pointwise function applied to a contiguous chunk. Structs implementing it carry any parameters (slope,
/// exponent) and are passed as generic arguments, so the JIT specialises the loops with no delegate calls.</summary>
internal interface IUnaryKernel
{
    void Run<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>A pointwise function of two equally shaped chunks (used by backward formulas).</summary>
internal interface IZipKernel
{
    void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>A broadcasting binary operator; the scalar variants serve rows where one operand is broadcast.</summary>
internal interface IBinaryKernel : IZipKernel
{
    void RunScalarRight<T>(ReadOnlySpan<T> a, T b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>;
    void RunScalarLeft<T>(T a, ReadOnlySpan<T> b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>Drivers that run kernels over whole tensors, in parallel chunks with fixed boundaries.</summary>
internal static class Elementwise
{
    private const int ElementGrain = 1 << 15;

    public static void RequireFloat(Tensor t, string op)
    {
        if (!t.DType.IsFloatingPoint())
            throw new ArgumentException($"{op}: expected a floating point tensor but got {t.DType.Name()}");
    }

    public static void RequireSameDType(Tensor a, Tensor b, string op)
    {
        if (a.DType != b.DType)
            throw new ArgumentException($"{op}: expected both tensors to have the same dtype, but got {a.DType.Name()} and {b.DType.Name()}");
    }

    /// <summary>y = f(x) elementwise; the result is a new contiguous tensor.</summary>
    public static Tensor Map<TK>(Tensor x, TK kernel, string op) where TK : struct, IUnaryKernel
    {
        RequireFloat(x, op);
        var src = StridedCopy.ToContiguous(x);
        var dst = Tensor.Empty(x.DType, (int[])x.ShapeArray.Clone());
        if (x.DType == DType.Float32) Map<TK, float>(src, dst, kernel);
        else Map<TK, double>(src, dst, kernel);
        return dst;
    }

    private static void Map<TK, T>(Tensor src, Tensor dst, TK kernel) where TK : struct, IUnaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        var s = src.Data<T>();
        var d = dst.Data<T>();
        int so = src.Offset, n = src.Numel;
        ParallelFor.Chunks(n, ElementGrain, (start, end) => kernel.Run<T>(s.AsSpan(so + start, end - start), d.AsSpan(start, end - start)));
    }

    /// <summary>y = f(a, b) for tensors of identical shape.</summary>
    public static Tensor Zip<TK>(Tensor a, Tensor b, TK kernel, string op) where TK : struct, IZipKernel
    {
        RequireFloat(a, op);
        RequireSameDType(a, b, op);
        if (!ShapeUtils.SameShape(a.ShapeArray, b.ShapeArray))
            throw new ArgumentException($"{op}: shapes {ShapeUtils.Format(a.ShapeArray)} and {ShapeUtils.Format(b.ShapeArray)} must match");
        var ca = StridedCopy.ToContiguous(a);
        var cb = StridedCopy.ToContiguous(b);
        var dst = Tensor.Empty(a.DType, (int[])a.ShapeArray.Clone());
        if (a.DType == DType.Float32) Zip<TK, float>(ca, cb, dst, kernel);
        else Zip<TK, double>(ca, cb, dst, kernel);
        return dst;
    }

    private static void Zip<TK, T>(Tensor a, Tensor b, Tensor dst, TK kernel) where TK : struct, IZipKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ad = a.Data<T>();
        var bd = b.Data<T>();
        var d = dst.Data<T>();
        int ao = a.Offset, bo = b.Offset;
        ParallelFor.Chunks(dst.Numel, ElementGrain, (start, end) =>
            kernel.Run<T>(ad.AsSpan(ao + start, end - start), bd.AsSpan(bo + start, end - start), d.AsSpan(start, end - start)));
    }

    /// <summary>y = f(a, b) with NumPy broadcasting; any strided views are read in place without copies.</summary>
    public static Tensor Broadcast<TK>(Tensor a, Tensor b, TK kernel, string op) where TK : struct, IBinaryKernel
    {
        RequireFloat(a, op);
        RequireFloat(b, op);
        RequireSameDType(a, b, op);
        var shape = ShapeUtils.Broadcast(a.ShapeArray, b.ShapeArray, op);
        var dst = Tensor.Empty(a.DType, shape);
        if (dst.Numel == 0) return dst;
        if (a.DType == DType.Float32) Broadcast<TK, float>(a, b, dst, kernel);
        else Broadcast<TK, double>(a, b, dst, kernel);
        return dst;
    }

    private static void Broadcast<TK, T>(Tensor a, Tensor b, Tensor dst, TK kernel) where TK : struct, IBinaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        var target = dst.ShapeArray;
        var (shape, strides) = Layout.Coalesce(target, dst.StrideArray,
            Layout.BroadcastStrides(a.ShapeArray, a.StrideArray, target),
            Layout.BroadcastStrides(b.ShapeArray, b.StrideArray, target));
        var ad = a.Data<T>();
        var bd = b.Data<T>();
        var d = dst.Data<T>();
        int ao = a.Offset, bo = b.Offset;

        if (shape.Length == 1)
        {
            // One long row: split the row itself across chunks.
            int sa = strides[1][0], sb = strides[2][0];
            ParallelFor.Chunks(shape[0], ElementGrain, (start, end) =>
                RunRow(kernel, ad, ao + start * sa, sa, bd, bo + start * sb, sb, d.AsSpan(start, end - start)));
            return;
        }

        var inner = shape[^1];
        var rows = ShapeUtils.Numel(shape) / inner;
        int innerA = strides[1][^1], innerB = strides[2][^1];
        ParallelFor.Chunks(rows, ParallelFor.Grain(inner, ElementGrain), (start, end) =>
        {
            var ca = new RowCursor(shape, strides[1], ao);
            var cb = new RowCursor(shape, strides[2], bo);
            ca.Seek(start, ao);
            cb.Seek(start, bo);
            for (var r = start; r < end; r++, ca.Next(), cb.Next())
                RunRow(kernel, ad, ca.Offset, innerA, bd, cb.Offset, innerB, d.AsSpan(r * inner, inner));
        });
    }

    private static void RunRow<TK, T>(TK kernel, T[] a, int ao, int sa, T[] b, int bo, int sb, Span<T> y)
        where TK : struct, IBinaryKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = y.Length;
        if (sa == 1 && sb == 1) kernel.Run<T>(a.AsSpan(ao, n), b.AsSpan(bo, n), y);
        else if (sa == 1 && sb == 0) kernel.RunScalarRight(a.AsSpan(ao, n), b[bo], y);
        else if (sa == 0 && sb == 1) kernel.RunScalarLeft(a[ao], b.AsSpan(bo, n), y);
        else
        {
            // General strides: gather the row into temporaries, then use the vector kernel.
            var ta = new T[n];
            var tb = new T[n];
            for (var i = 0; i < n; i++)
            {
                ta[i] = a[ao + i * sa];
                tb[i] = b[bo + i * sb];
            }
            kernel.Run<T>(ta, tb, y);
        }
    }
}
