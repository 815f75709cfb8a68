using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>torch.matmul semantics (1-D promotion, batched with broadcast batch dims) and F.linear.</summary>
internal static class MatMulOps
{
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        Elementwise.RequireFloat(a, "matmul");
        Elementwise.RequireFloat(b, "matmul");
        Elementwise.RequireSameDType(a, b, "matmul");
        if (a.Dim == 0 || b.Dim == 0)
            throw new ArgumentException($"matmul: both arguments to matmul need to be at least 1D, but they are {a.Dim}D and {b.Dim}D");
        if (a.Dim == 1 && b.Dim == 1)
        {
            CheckInner(a.ShapeArray[0], b.ShapeArray[0], a, b);
            return ViewOps.Reshape(Batched(ViewOps.Unsqueeze(a, 0), ViewOps.Unsqueeze(b, 1)), []);
        }
        if (a.Dim == 1) return ViewOps.Squeeze(MatMul(ViewOps.Unsqueeze(a, 0), b), -2);
        if (b.Dim == 1) return ViewOps.Squeeze(MatMul(a, ViewOps.Unsqueeze(b, 1)), -1);
        return Batched(a, b);
    }

    private static void CheckInner(int ka, int kb, Tensor a, Tensor b)
    {
        if (ka != kb)
            throw new ArgumentException(
                $"matmul: shapes {ShapeUtils.Format(a.ShapeArray)} and {ShapeUtils.Format(b.ShapeArray)} cannot be multiplied (inner dimensions {ka} and {kb} differ)");
    }

    /// <summary>a [..., n, k] @ b [..., k, m] with broadcast batch dims.</summary>
    private static Tensor Batched(Tensor a, Tensor b)
    {
        int n = a.ShapeArray[^2], k = a.ShapeArray[^1], kb = b.ShapeArray[^2], m = b.ShapeArray[^1];
        CheckInner(k, kb, a, b);
        var batchShape = ShapeUtils.Broadcast(a.ShapeArray[..^2], b.ShapeArray[..^2], "matmul");
        var y = Tensor.Empty(a.DType, [.. batchShape, n, m]);
        if (y.Numel > 0)
        {
            if (a.DType == DType.Float32) Compute<float>(a, b, y, batchShape, n, k, m);
            else Compute<double>(a, b, y, batchShape, n, k, m);
        }
        AutogradRecorder.Record("MmBackward", y, [a, b], g =>
        [
            a.RequiresGrad ? ReductionOps.SumToShape(MatMul(g, ViewOps.Transpose(b, -1, -2)), a.ShapeArray) : null,
            b.RequiresGrad ? ReductionOps.SumToShape(MatMul(ViewOps.Transpose(a, -1, -2), g), b.ShapeArray) : null,
        ]);
        return y;
    }

    private static void Compute<T>(Tensor a, Tensor b, Tensor y, int[] batchShape, int n, int k, int m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        a = GemmCompatible(a);
        b = GemmCompatible(b);
        var (transA, lda) = MatrixLayout(a);
        var (transB, ldb) = MatrixLayout(b);
        var aStrides = Layout.BroadcastStrides(a.ShapeArray[..^2], a.StrideArray[..^2], batchShape);
        var bStrides = Layout.BroadcastStrides(b.ShapeArray[..^2], b.StrideArray[..^2], batchShape);
        var batches = ShapeUtils.Numel(batchShape);
        var ad = a.Data<T>();
        var bd = b.Data<T>();
        var yd = y.Data<T>();
        var index = new int[batchShape.Length];
        for (var batch = 0; batch < batches; batch++)
        {
            int ao = a.Offset, bo = b.Offset;
            for (var d = 0; d < index.Length; d++)
            {
                ao += index[d] * aStrides[d];
                bo += index[d] * bStrides[d];
            }
            var c = yd.AsSpan(batch * n * m, n * m);
            if (typeof(T) == typeof(float))
                MatMulKernels.Sgemm(transA, transB, n, m, k, 1f, Cast<T, float>(ad).AsSpan(ao), lda, Cast<T, float>(bd).AsSpan(bo), ldb, 0f,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(c), m);
            else
                MatMulKernels.Dgemm(transA, transB, n, m, k, 1.0, Cast<T, double>(ad).AsSpan(ao), lda, Cast<T, double>(bd).AsSpan(bo), ldb, 0.0,
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(c), m);
            for (var d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < batchShape[d]) break;
                index[d] = 0;
            }
        }
    }

    private static TOut[] Cast<TIn, TOut>(TIn[] array) => (TOut[])(object)array;

    // A matrix view can go to GEMM without a copy when it is row-major (unit column stride, rows spaced ld >= cols
    // apart) or column-major (a transposed view). Size-1 dims may have any stride since only index 0 is read.
    private static bool IsRowMajor(int rows, int cols, int rs, int cs) => (cs == 1 || cols == 1) && (rows == 1 || rs >= cols);
    private static bool IsColMajor(int rows, int cols, int rs, int cs) => (rs == 1 || rows == 1) && (cols == 1 || cs >= rows);

    private static Tensor GemmCompatible(Tensor t)
    {
        int rs = t.StrideArray[^2], cs = t.StrideArray[^1], rows = t.ShapeArray[^2], cols = t.ShapeArray[^1];
        return IsRowMajor(rows, cols, rs, cs) || IsColMajor(rows, cols, rs, cs) ? t : StridedCopy.Copy(t);
    }

    private static (bool Transposed, int Ld) MatrixLayout(Tensor t)
    {
        int rs = t.StrideArray[^2], cs = t.StrideArray[^1], rows = t.ShapeArray[^2], cols = t.ShapeArray[^1];
        if (IsRowMajor(rows, cols, rs, cs)) return (false, rows == 1 ? Math.Max(rs, cols) : rs);
        // Column-major: the stored matrix is the transpose, rows of length `rows` spaced cs apart.
        return (true, cols == 1 ? Math.Max(cs, rows) : cs);
    }

    /// <summary>y = x·Wᵀ + b with weight [out, in] (F.linear).</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias)
    {
        if (weight.Dim != 2) throw new ArgumentException($"linear: weight must be 2-D [out_features, in_features], got {ShapeUtils.Format(weight.ShapeArray)}");
        if (x.Dim == 0 || x.ShapeArray[^1] != weight.ShapeArray[1])
            throw new ArgumentException(
                $"linear: input shape {ShapeUtils.Format(x.ShapeArray)} and weight shape {ShapeUtils.Format(weight.ShapeArray)} are incompatible (input's last dim must equal in_features = {weight.ShapeArray[1]})");
        if (bias is not null && (bias.Dim != 1 || bias.ShapeArray[0] != weight.ShapeArray[0]))
            throw new ArgumentException($"linear: bias shape {ShapeUtils.Format(bias.ShapeArray)} must be [{weight.ShapeArray[0]}] for weight {ShapeUtils.Format(weight.ShapeArray)}");
        var y = MatMul(x, ViewOps.Transpose(weight, 0, 1));
        return bias is null ? y : BinaryOps.Add(y, bias);
    }
}
