namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>Runs the Sgemm driver over a <see cref="GemmPartition"/>, on the calling thread when it has one part.</summary>
internal static class SgemmParallel
{
    public static void Run<TK>(SgemmDriver<TK> driver, int m, int n, GemmPartition part) where TK : struct, ISgemmKernels
    {
        if (part.Threads == 1)
        {
            driver.Run(0, m, 0, n);
            return;
        }
        GemmWorkerPool.Shared.Run(part.Threads, new Job<TK>(driver, m, n, part).RunPart);
    }

    // A class rather than a lambda: the driver holds raw pointers, which lambdas cannot capture.
    private sealed class Job<TK>(SgemmDriver<TK> driver, int m, int n, GemmPartition part) where TK : struct, ISgemmKernels
    {
        public void RunPart(int t)
        {
            var (start, end) = part.Range(t);
            if (start >= end) return;
            if (part.SplitRows) driver.Run(start, end, 0, n);
            else driver.Run(0, m, start, end);
        }
    }
}
