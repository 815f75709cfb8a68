namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>Runs the Sgemm driver over a <see cref="GemmPartition"/>, on the calling thread alone when it has one part.</summary>
internal static unsafe class SgemmParallel
{
    public static void Run<TK>(SgemmDriver<TK> driver, int m, int n, GemmPartition part) where TK : struct, ISgemmKernels
    {
        if (part.Threads == 1)
        {
            driver.Run(0, m, 0, n);
            return;
        }

        var pool = GemmWorkerPool.Shared;
        if (part.Shared)
        {
            // Shared mode needs every part running at once (they meet at barriers), which only the pool
            // guarantees; when it is busy with another caller, fall through to the static split.
            var (_, kcMax) = driver.KBlocks();
            int chunkRows = part.ChunkRows(TK.Mc);
            float* packB = GemmScratch.PackB(kcMax * Math.Min(TK.Nc, (n + TK.Nr - 1) / TK.Nr * TK.Nr));
            var shared = new SgemmSharedState(part.Threads, chunkRows, packB);
            var job = new SharedJob<TK>(driver, shared, m, n);
            if (pool.TryRun(part.Threads, job.RunPart)) return;
        }
        pool.Run(part.Threads, new StaticJob<TK>(driver, m, n, part).RunPart);
    }

    // Classes rather than lambdas: the driver holds raw pointers, which lambdas cannot capture.
    private sealed class StaticJob<TK>(SgemmDriver<TK> driver, int m, int n, GemmPartition part) where TK : struct, ISgemmKernels
    {
        public void RunPart(int t)
        {
            var (start, end) = part.Range(t);
            if (start >= end) return;
            if (part.SplitRows) driver.Run(start, end, 0, n);
            else driver.Run(0, m, start, end);
        }
    }

    private sealed class SharedJob<TK>(SgemmDriver<TK> driver, SgemmSharedState shared, int m, int n) where TK : struct, ISgemmKernels
    {
        public void RunPart(int t)
        {
            try
            {
                driver.RunShared(shared, t, m, n);
            }
            catch
            {
                shared.Barrier.Abort();
                throw;
            }
        }
    }
}
