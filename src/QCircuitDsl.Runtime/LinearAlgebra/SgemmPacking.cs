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
                // Stored A is k × m: each p gives mr contiguous elements.
                float* src = a + (p0 * lda) + i0 + s;
                for (int p = 0; p < depth; p++, src += lda, sliver += mr)
                {
                    int i = 0;
                    for (; i < live; i++) sliver[i] = src[i];
                    for (; i < mr; i++) sliver[i] = 0f;
                }
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
            if (transB)
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
            else
            {
                float* src = b + p0 * ldb + j0 + jr;
                for (int p = 0; p < depth; p++, src += ldb, panel += width)
                {
                    new ReadOnlySpan<float>(src, live).CopyTo(new Span<float>(panel, live));
                    for (int j = live; j < width; j++) panel[j] = 0f;
                }
            }
        }
    }

    /// <summary>A panel with at most <paramref name="lanes"/> live columns is packed for the narrow kernel.</summary>
    public static int PanelWidth(int live, int nr, int lanes) => live <= lanes ? lanes : nr;
}
