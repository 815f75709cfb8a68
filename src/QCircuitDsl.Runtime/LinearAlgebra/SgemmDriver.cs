using System.Runtime.CompilerServices;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// The blocked Sgemm loop nest over one rectangle of C (Goto/BLIS order): for each Nc-wide column block
/// and each Kc-deep k block, pack B once; for each Mc-tall row block, pack A (or read it in place); then
/// sweep micro-tiles with the B micro-panel held in L1 and A slivers streamed from L2.
/// </summary>
internal readonly unsafe struct SgemmDriver<TK> where TK : struct, ISgemmKernels
{
    /// <summary>
    /// Packing untransposed A costs about a cycle per element (a transpose) while each element feeds n FMAs
    /// (n / 32 cycles at AVX-512 peak), so for narrow C (the models' n = 32..64) packing A would cost as
    /// much as the multiply. Then slivers are read in place; beyond this n, packing pays for its better
    /// cache and TLB behaviour. Transposed A (rows adjacent, lda apart per p) is cheaper to pack, but read
    /// in place each p touches a new cache line, so it is packed as soon as a sliver meets more than two
    /// B panels (n &gt; 2·Nr) and would otherwise be re-streamed from L2 several times.
    /// </summary>
    public const int PackANThreshold = 128;

    private readonly bool _transA, _transB, _packA;
    private readonly int _k;
    private readonly float _alpha, _beta;
    private readonly float* _a, _b, _c;
    private readonly nint _lda, _ldb, _ldc;

    public SgemmDriver(bool transA, bool transB, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        _transA = transA; _transB = transB; _k = k; _alpha = alpha; _beta = beta;
        _a = a; _b = b; _c = c; _lda = lda; _ldb = ldb; _ldc = ldc;
        _packA = n > PackANThreshold || (transA && n > 2 * TK.Nr);
    }

    /// <summary>Depth of each k block: k split into equal blocks no deeper than Kc.</summary>
    /// <remarks>
    /// This depends on k alone, so every element of C sees the same sequence of partial sums whatever
    /// rectangle (and thread) it falls in: the root of bit-identical results across thread counts.
    /// </remarks>
    public (int Blocks, int MaxDepth) KBlocks()
    {
        int blocks = (_k + TK.Kc - 1) / TK.Kc;
        return (blocks, (_k + blocks - 1) / blocks);
    }

    private (int Start, int Depth) KBlock(int kb, int blocks)
    {
        int start = (int)((long)kb * _k / blocks);
        return (start, (int)((long)(kb + 1) * _k / blocks) - start);
    }

    /// <summary>Computes rows [i0, i1) × columns [j0, j1) of C on this thread; requires k &gt; 0 and alpha != 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int i0, int i1, int j0, int j1)
    {
        var (kBlocks, kcMax) = KBlocks();
        int ncMax = Math.Min(TK.Nc, RoundUp(j1 - j0, TK.Nr));
        int mcMax = Math.Min(TK.Mc, RoundUp(i1 - i0, TK.Mr));
        float* packB = GemmScratch.PackB(kcMax * ncMax);
        float* packA = _packA ? GemmScratch.PackA(kcMax * mcMax) : null;
        float* tile = stackalloc float[TK.Mr * TK.Nr];

        for (int jc = j0; jc < j1; jc += TK.Nc)
        {
            int nc = Math.Min(TK.Nc, j1 - jc);
            for (int kb = 0; kb < kBlocks; kb++)
            {
                var (pc, kc) = KBlock(kb, kBlocks);
                // The first k block applies the caller's beta; later ones accumulate onto it.
                float beta = kb == 0 ? _beta : 1f;
                SgemmPacking.PackB(_transB, _b, _ldb, pc, jc, kc, nc, TK.Nr, TK.Lanes, packB);
                for (int ic = i0; ic < i1; ic += TK.Mc)
                {
                    RowBlock(packA, packB, ic, Math.Min(TK.Mc, i1 - ic), jc, nc, pc, kc, beta, tile);
                }
            }
        }
    }

    /// <summary>
    /// One thread's share of a call in <see cref="GemmPartition.Shared"/> mode. All threads run this
    /// together: per k block they pack their slice of B's panels into the one shared buffer, meet, take
    /// row chunks of C from a shared counter until none are left, and meet again before B is repacked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunShared(SgemmSharedState shared, int thread, int m, int n)
    {
        var (kBlocks, kcMax) = KBlocks();
        int threads = shared.Threads;
        int chunkRows = shared.ChunkRows;
        int chunks = (m + chunkRows - 1) / chunkRows;
        float* packB = shared.PackB;
        float* packA = _packA ? GemmScratch.PackA(kcMax * chunkRows) : null;
        float* tile = stackalloc float[TK.Mr * TK.Nr];

        for (int jc = 0; jc < n; jc += TK.Nc)
        {
            int nc = Math.Min(TK.Nc, n - jc);
            int panels = (nc + TK.Nr - 1) / TK.Nr;
            int firstPanel = (int)((long)thread * panels / threads);
            int endPanel = (int)((long)(thread + 1) * panels / threads);
            for (int kb = 0; kb < kBlocks; kb++)
            {
                var (pc, kc) = KBlock(kb, kBlocks);
                float beta = kb == 0 ? _beta : 1f;
                if (endPanel > firstPanel)
                {
                    int j = firstPanel * TK.Nr;
                    SgemmPacking.PackB(_transB, _b, _ldb, pc, jc + j, kc, Math.Min(nc, endPanel * TK.Nr) - j,
                        TK.Nr, TK.Lanes, packB + (nint)j * kc);
                }
                shared.Barrier.SignalAndWait(shared.ResetChunks);

                for (int chunk = shared.TakeChunk(); chunk < chunks; chunk = shared.TakeChunk())
                {
                    int ic = chunk * chunkRows;
                    RowBlock(packA, packB, ic, Math.Min(chunkRows, m - ic), jc, nc, pc, kc, beta, tile);
                }
                // Nobody may repack B while another thread still reads it.
                shared.Barrier.SignalAndWait();
            }
        }
    }

    private void RowBlock(float* packA, float* packB, int ic, int mc, int jc, int nc, int pc, int kc, float beta, float* tile)
    {
        if (_packA) SgemmPacking.PackA(_transA, _a, _lda, ic, pc, mc, kc, TK.Mr, packA);
        MacroKernel(packA, packB, ic, jc, mc, nc, pc, kc, beta, tile);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MacroKernel(float* packA, float* packB, int ic, int jc, int mc, int nc, int pc, int kc, float beta, float* tile)
    {
        for (int jr = 0; jr < nc; jr += TK.Nr)
        {
            int cols = Math.Min(TK.Nr, nc - jr);
            int width = SgemmPacking.PanelWidth(cols, TK.Nr, TK.Lanes);
            float* bPanel = packB + (nint)jr * kc;

            for (int ir = 0; ir < mc; ir += TK.Mr)
            {
                int rows = Math.Min(TK.Mr, mc - ir);
                float* cTile = _c + (ic + ir) * _ldc + jc + jr;
                if (_packA)
                {
                    var sliver = new ColumnSliver(packA + (nint)ir * kc, TK.Mr);
                    Tile(sliver, rows, cols, width, kc, bPanel, cTile, beta, tile);
                }
                else if (_transA)
                {
                    var sliver = new ColumnSliver(_a + pc * _lda + ic + ir, _lda);
                    Tile(sliver, rows, cols, width, kc, bPanel, cTile, beta, tile);
                }
                else
                {
                    var sliver = new RowSliver(_a + (ic + ir) * _lda + pc, _lda);
                    Tile(sliver, rows, cols, width, kc, bPanel, cTile, beta, tile);
                }
            }
        }
    }

    /// <summary>
    /// One micro-tile. Ragged rows run a kernel compiled for exactly that many rows; ragged columns are
    /// computed into a scratch tile (the packed panel is zero-padded) and only the live part written back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Tile<TA>(TA sliver, int rows, int cols, int width, int kc, float* bPanel, float* cTile, float beta, float* tile)
        where TA : struct, ISliverA
    {
        bool wide = width == TK.Nr;
        if (cols == width)
        {
            Kernel(wide, rows, kc, sliver, bPanel, cTile, _ldc, _alpha, beta);
        }
        else
        {
            Kernel(wide, rows, kc, sliver, bPanel, tile, width, 1f, 0f);
            GemmTile.Combine(tile, width, cTile, _ldc, rows, cols, _alpha, beta);
        }
    }

    private static void Kernel<TA>(bool wide, int rows, int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA
    {
        switch (rows)
        {
            case 12: Kernel<TA, Rows12>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 11: Kernel<TA, Rows11>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 10: Kernel<TA, Rows10>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 9: Kernel<TA, Rows9>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 8: Kernel<TA, Rows8>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 7: Kernel<TA, Rows7>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 6: Kernel<TA, Rows6>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 5: Kernel<TA, Rows5>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 4: Kernel<TA, Rows4>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 3: Kernel<TA, Rows3>(wide, kc, a, b, c, ldc, alpha, beta); break;
            case 2: Kernel<TA, Rows2>(wide, kc, a, b, c, ldc, alpha, beta); break;
            default: Kernel<TA, Rows1>(wide, kc, a, b, c, ldc, alpha, beta); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel<TA, TR>(bool wide, int kc, TA a, float* b, float* c, nint ldc, float alpha, float beta)
        where TA : struct, ISliverA where TR : struct, IRowCount
    {
        if (wide) TK.Wide<TA, TR>(kc, a, b, c, ldc, alpha, beta);
        else TK.Narrow<TA, TR>(kc, a, b, c, ldc, alpha, beta);
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
