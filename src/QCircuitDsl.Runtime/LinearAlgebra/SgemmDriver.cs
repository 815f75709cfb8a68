namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// The blocked Sgemm loop nest over one rectangle of C (Goto/BLIS order): for each Nc-wide column block
/// and each Kc-deep k block, pack B once; for each Mc-tall row block, pack A (or read it in place); then
/// sweep micro-tiles with the B micro-panel held in L1 and A slivers streamed from L2.
/// </summary>
internal readonly unsafe struct SgemmDriver
{
    /// <summary>
    /// Packing untransposed A costs about a cycle per element (a transpose) while each element feeds n FMAs
    /// (n / 32 cycles at AVX-512 peak), so for narrow C (the models' n = 32..64) packing A would cost as
    /// much as the multiply. Then full slivers are read in place; beyond this n, packing pays for its
    /// better cache and TLB behaviour. Transposed A is always packed: read in place, each p would touch a
    /// new cache line lda apart, which thrashes L1 sets for power-of-two-ish lda.
    /// </summary>
    public const int PackANThreshold = 128;

    private readonly SgemmKernelSet _ks;
    private readonly bool _transA, _transB, _packA;
    private readonly int _k;
    private readonly float _alpha, _beta;
    private readonly float* _a, _b, _c;
    private readonly nint _lda, _ldb, _ldc;

    public SgemmDriver(SgemmKernelSet ks, bool transA, bool transB, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        _ks = ks; _transA = transA; _transB = transB; _k = k; _alpha = alpha; _beta = beta;
        _a = a; _b = b; _c = c; _lda = lda; _ldb = ldb; _ldc = ldc;
        _packA = transA || n > PackANThreshold;
    }

    /// <summary>Computes rows [i0, i1) × columns [j0, j1) of C; requires k &gt; 0 and alpha != 0.</summary>
    public void Run(int i0, int i1, int j0, int j1)
    {
        var ks = _ks;
        // Split k into equal blocks no deeper than Kc. This depends on k alone, so every element of C
        // sees the same sequence of partial sums whatever rectangle (and thread) it falls in.
        int kBlocks = (_k + ks.Kc - 1) / ks.Kc;
        int kcMax = (_k + kBlocks - 1) / kBlocks;
        int ncMax = Math.Min(ks.Nc, RoundUp(j1 - j0, ks.Nr));
        int mcMax = Math.Min(ks.Mc, RoundUp(i1 - i0, ks.Mr));
        float* packB = GemmScratch.PackB(kcMax * ncMax);
        float* packA = GemmScratch.PackA(kcMax * (_packA ? mcMax : ks.Mr));
        float* tile = stackalloc float[ks.Mr * ks.Nr];

        for (int jc = j0; jc < j1; jc += ks.Nc)
        {
            int nc = Math.Min(ks.Nc, j1 - jc);
            for (int kb = 0; kb < kBlocks; kb++)
            {
                int pc = (int)((long)kb * _k / kBlocks);
                int kc = (int)((long)(kb + 1) * _k / kBlocks) - pc;
                // The first k block applies the caller's beta; later ones accumulate onto it.
                float beta = kb == 0 ? _beta : 1f;
                SgemmPacking.PackB(_transB, _b, _ldb, pc, jc, kc, nc, ks.Nr, ks.Lanes, packB);

                for (int ic = i0; ic < i1; ic += ks.Mc)
                {
                    int mc = Math.Min(ks.Mc, i1 - ic);
                    if (_packA)
                    {
                        SgemmPacking.PackA(_transA, _a, _lda, ic, pc, mc, kc, ks.Mr, packA);
                    }
                    else if (mc % ks.Mr != 0)
                    {
                        // Only a ragged last sliver is packed (zero-padded) so the kernel never reads past A.
                        int last = mc - mc % ks.Mr;
                        SgemmPacking.PackA(_transA, _a, _lda, ic + last, pc, mc - last, kc, ks.Mr, packA);
                    }
                    MacroKernel(packA, packB, ic, jc, mc, nc, pc, kc, beta, tile);
                }
            }
        }
    }

    private void MacroKernel(float* packA, float* packB, int ic, int jc, int mc, int nc, int pc, int kc, float beta, float* tile)
    {
        var ks = _ks;
        for (int jr = 0; jr < nc; jr += ks.Nr)
        {
            int cols = Math.Min(ks.Nr, nc - jr);
            int width = SgemmPacking.PanelWidth(cols, ks.Nr, ks.Lanes);
            bool wide = width == ks.Nr;
            float* bPanel = packB + (nint)jr * kc;

            for (int ir = 0; ir < mc; ir += ks.Mr)
            {
                int rows = Math.Min(ks.Mr, mc - ir);
                float* cTile = _c + (ic + ir) * _ldc + jc + jr;
                if (_packA || rows < ks.Mr)
                {
                    var sliver = new ColumnSliver(_packA ? packA + (nint)ir * kc : packA, ks.Mr);
                    Tile(wide ? ks.WideColumns : ks.NarrowColumns, sliver, kc, bPanel, cTile, rows, cols, width, beta, tile);
                }
                else
                {
                    var sliver = new RowSliver(_a + (ic + ir) * _lda + pc, _lda);
                    Tile(wide ? ks.WideRows : ks.NarrowRows, sliver, kc, bPanel, cTile, rows, cols, width, beta, tile);
                }
            }
        }
    }

    private void Tile<TA>(delegate*<int, TA, float*, float*, nint, float, float, void> kernel, TA sliver, int kc,
        float* bPanel, float* cTile, int rows, int cols, int width, float beta, float* tile)
        where TA : struct, ISliverA
    {
        if (rows == _ks.Mr && cols == width)
        {
            kernel(kc, sliver, bPanel, cTile, _ldc, _alpha, beta);
        }
        else
        {
            // Edge tile: compute the padded tile aside, then write back only the live part.
            kernel(kc, sliver, bPanel, tile, width, 1f, 0f);
            GemmTile.Combine(tile, width, cTile, _ldc, rows, cols, _alpha, beta);
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
