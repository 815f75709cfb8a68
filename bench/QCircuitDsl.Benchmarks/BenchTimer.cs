using System.Diagnostics;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// A small Stopwatch harness: warm up (so tiered JIT reaches optimized code), then time batches long
/// enough to dwarf timer overhead; callers compare per-call times across batches (best or median).
/// </summary>
public static class BenchTimer
{
    public static double WarmUp(Action body, double seconds = 0.3)
    {
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (sw.Elapsed.TotalSeconds < seconds || calls < 3) { body(); calls++; }
        return sw.Elapsed.TotalSeconds / calls;
    }

    /// <summary>Per-call seconds of one batch sized to take about <paramref name="batchSeconds"/>.</summary>
    public static double Batch(Action body, double estimatedCallSeconds, double batchSeconds)
    {
        int calls = (int)Math.Clamp(batchSeconds / Math.Max(estimatedCallSeconds, 1e-9), 1, 1_000_000);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) body();
        return Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
    }

    public static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
