using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded layouts the micro-kernels stream
/// through: A as Mr-row slivers stored column by column, B as column panels stored row by row. Zero
/// padding lets edge tiles run the full kernel; the padded outputs are simply not written back.
/// </summary>
internal static unsafe class SgemmPacking
{
    /// <summary>
    /// Packs op(A)[i0 .. i0+rows, p0 .. p0+depth] into slivers: sliver s holds rows s·mr .. s·mr+mr-1,
    /// element (i, p) at s·mr·depth + p·mr + i.
    /// </summary>
    public static void PackA(bool transA, float* a, nint lda, int i0, int p0, int rows, int depth, int mr, float* dst)
    {
        for (int s = 0; s < rows; s += mr)
        {
            int live = Math.Min(mr, rows - s);
            float* sliver = dst + (nint)s * depth;
            if (transA)
            {
                // Stored A is k × m: each p gives `live` contiguous elements.
                float* src = a + (p0 * lda) + i0 + s;
                for (int p = 0; p < depth; p++, src += lda, sliver += mr) CopyPadded(src, sliver, live, mr);
            }
            else
            {
                // Stored A is m × k: read each row contiguously and scatter it with stride mr; the
                // sliver (mr·depth floats) stays in L1 while it is filled.
                for (int i = 0; i < live; i++)
                {
                    float* src = a + (i0 + s + i) * lda + p0;
                    float* d = sliver + i;
                    for (int p = 0; p < depth; p++, d += mr) *d = src[p];
                }
                for (int i = live; i < mr; i++)
                {
                    float* d = sliver + i;
                    for (int p = 0; p < depth; p++, d += mr) *d = 0f;
                }
            }
        }
    }

    /// <summary>
    /// Packs op(B)[p0 .. p0+depth, j0 .. j0+cols] into panels of nr columns (element (p, j) of the panel at
    /// p·width + j). Only the last panel may be narrower: <see cref="PanelWidth"/> gives its width.
    /// </summary>
    public static void PackB(bool transB, float* b, nint ldb, int p0, int j0, int depth, int cols, int nr, int lanes, float* dst)
    {
        for (int jr = 0; jr < cols; jr += nr)
        {
            int live = Math.Min(nr, cols - jr);
            int width = PanelWidth(live, nr, lanes);
            float* panel = dst + (nint)jr * depth;
            if (!transB)
            {
                float* src = b + p0 * ldb + j0 + jr;
                for (int p = 0; p < depth; p++, src += ldb, panel += width) CopyPadded(src, panel, live, width);
            }
            else if (Avx2.IsSupported && live % 8 == 0 && (long)ldb * 7 <= int.MaxValue)
            {
                GatherColumns(b + (j0 + jr) * ldb + p0, ldb, depth, live, width, panel);
            }
            else
            {
                // Stored B is n × k: read each of its rows contiguously, scatter with stride width.
                for (int j = 0; j < live; j++)
                {
                    float* src = b + (j0 + jr + j) * ldb + p0;
                    float* d = panel + j;
                    for (int p = 0; p < depth; p++, d += width) *d = src[p];
                }
                for (int j = live; j < width; j++)
                {
                    float* d = panel + j;
                    for (int p = 0; p < depth; p++, d += width) *d = 0f;
                }
            }
        }
    }

    /// <summary>A panel with at most <paramref name="lanes"/> live columns is packed for the narrow kernel.</summary>
    public static int PanelWidth(int live, int nr, int lanes) => live <= lanes ? lanes : nr;

    /// <summary>dst[0..count) = src[0..count), dst[count..width) = 0, with whole vectors where they fit.</summary>
    /// <remarks>
    /// Called once per k step of every panel, so per-call overhead matters as much as bandwidth: with
    /// AVX-512 the ragged end is one masked load (masked-off lanes never fault) and one masked store.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyPadded(float* src, float* dst, int count, int width)
    {
        int j = 0;
        if (Avx512F.IsSupported)
        {
            for (; j + 16 <= count; j += 16) Vector512.Store(Vector512.Load(src + j), dst + j);
            for (; j < width; j += 16)
            {
                var live = FirstLanes(count - j);
                var v = Avx512F.MaskLoad(src + j, live, Vector512<float>.Zero);
                Avx512F.MaskStore(dst + j, FirstLanes(width - j), v);
            }
            return;
        }
        for (; j + 8 <= count; j += 8) Vector256.Store(Vector256.Load(src + j), dst + j);
        for (; j < count; j++) dst[j] = src[j];
        for (; j < width; j++) dst[j] = 0f;
    }

    /// <summary>A lane mask with the first <paramref name="n"/> lanes (clamped to 0..16) set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FirstLanes(int n) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n)).AsSingle();

    /// <summary>
    /// Transposes `live` (a multiple of 8) rows of stored Bᵀ into a panel with AVX2 gathers: one gather
    /// fetches column p of 8 rows, faster than scattering element by element (.NET has no 16-wide gather).
    /// </summary>
    private static void GatherColumns(float* rowsStart, nint ldb, int depth, int live, int width, float* panel)
    {
        var index = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * (int)ldb;
        for (int p = 0; p < depth; p++, panel += width)
        {
            int j = 0;
            for (; j < live; j += 8)
            {
                Avx2.GatherVector256(rowsStart + j * ldb + p, index, 4).Store(panel + j);
            }
            for (; j < width; j++) panel[j] = 0f;
        }
    }
}
