using System.Numerics.Tensors;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Dense row-major matrix multiply, BLAS-style: C = alpha·op(A)·op(B) + beta·C, where op(A) is m×k,
/// op(B) is k×n and C is m×n, each stored row-major with a leading dimension (row stride) of at least its
/// stored width. When beta is 0, C is not read (NaN or garbage in C is overwritten).
/// </summary>
/// <remarks>
/// Sgemm packs blocks of A and B for a register-blocked micro-kernel (AVX-512 12×32, else AVX2 6×16, else
/// portable 4×4). Products of at least a few MFLOP use up to <see cref="MaxDegreeOfParallelism"/> threads
/// (the caller plus dedicated workers that spin briefly between calls); smaller ones stay on the caller.
/// The result is bit-identical for every thread count, and for every kernel family: threads split C
/// into disjoint tiles, and each element's k-sum is always taken in the same blocks and order with one
/// fused multiply-add per term.
/// </remarks>
public static class Gemm
{
    private static int s_maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// Most threads one Sgemm call may use (default: the processor count). Shapes too small to pay for a
    /// thread hand-off run on the calling thread whatever this is. Must be at least 1.
    /// </summary>
    public static int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref s_maxDegreeOfParallelism);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref s_maxDegreeOfParallelism, value);
        }
    }

    /// <summary>Single-precision C = alpha·op(A)·op(B) + beta·C (row-major); see <see cref="Gemm"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a leading dimension is below its row length.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix needs, or c overlaps a or b.</exception>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, SgemmKernelSelection.Best, MaxDegreeOfParallelism);

    /// <summary>Sgemm with an explicit kernel family and thread cap, so tests can cover every path.</summary>
    internal static unsafe void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        SgemmKernelKind kernels, int maxThreads)
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        a = a[..(int)GemmArguments.RequiredLength(transA ? k : m, transA ? m : k, lda)];
        b = b[..(int)GemmArguments.RequiredLength(transB ? n : k, transB ? k : n, ldb)];
        c = c[..(int)GemmArguments.RequiredLength(m, n, ldc)];
        GemmArguments.CheckNoOverlap(a, b, (ReadOnlySpan<float>)c);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f)
        {
            ScaleRows(c, m, n, ldc, beta);
            return;
        }

        var (mr, nr) = SgemmKernelSelection.TileOf(kernels);
        var part = GemmPartition.Choose(m, n, k, mr, nr, maxThreads);
        fixed (float* pa = a, pb = b, pc = c)
        {
            switch (kernels)
            {
                case SgemmKernelKind.Vector512:
                    SgemmParallel.Run(new SgemmDriver<Avx512Kernels>(transA, transB, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc), m, n, part);
                    break;
                case SgemmKernelKind.Vector256:
                    SgemmParallel.Run(new SgemmDriver<Avx2Kernels>(transA, transB, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc), m, n, part);
                    break;
                default:
                    SgemmParallel.Run(new SgemmDriver<PortableKernels>(transA, transB, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc), m, n, part);
                    break;
            }
        }
    }

    /// <summary>
    /// Double-precision C = alpha·op(A)·op(B) + beta·C, single-threaded and simple: meant for gradient
    /// checks and references, not speed. Same argument rules as <see cref="Sgemm"/>.
    /// </summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        GemmArguments.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        a = a[..(int)GemmArguments.RequiredLength(transA ? k : m, transA ? m : k, lda)];
        b = b[..(int)GemmArguments.RequiredLength(transB ? n : k, transB ? k : n, ldb)];
        c = c[..(int)GemmArguments.RequiredLength(m, n, ldc)];
        GemmArguments.CheckNoOverlap(a, b, (ReadOnlySpan<double>)c);
        DgemmSimple.Run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void ScaleRows(Span<float> c, int m, int n, int ldc, float beta)
    {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0f) row.Clear();
            else TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
