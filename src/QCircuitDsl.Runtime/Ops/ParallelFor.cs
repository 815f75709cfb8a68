namespace QCircuitDsl.Runtime.Ops;

/// <summary>
/// Deterministic data parallelism: work is cut into chunks whose boundaries depend only on the problem size (never on
/// the thread count), and each output element is produced by exactly one chunk in a fixed order. So results are
/// bit-identical for any <see cref="MaxThreads"/>.
/// </summary>
internal static class ParallelFor
{
    private static int _maxThreads = Environment.ProcessorCount;

    /// <summary>Upper bound on worker threads (torch.set_num_threads). 1 runs everything on the calling thread.</summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), "need at least one thread");
    }

    /// <summary>Runs body(start, end) over [0, count) in chunks of <paramref name="grain"/> items.</summary>
    public static void Chunks(int count, int grain, Action<int, int> body)
    {
        if (count <= 0) return;
        grain = Math.Max(grain, 1);
        var chunks = (count + grain - 1) / grain;
        if (chunks == 1 || MaxThreads == 1)
        {
            for (var c = 0; c < chunks; c++) body(c * grain, Math.Min(count, (c + 1) * grain));
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxThreads },
            c => body(c * grain, Math.Min(count, (c + 1) * grain)));
    }

    /// <summary>Chunk size so that one chunk does roughly <paramref name="workPerChunk"/> scalar operations.</summary>
    public static int Grain(int costPerItem, int workPerChunk = 1 << 15) => Math.Max(1, workPerChunk / Math.Max(costPerItem, 1));
}
