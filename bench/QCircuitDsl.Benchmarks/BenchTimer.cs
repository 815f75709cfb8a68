using System.Diagnostics;
using System.Runtime.InteropServices;

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
    /// <param name="threadCpuTime">
    /// Time with the calling thread's CPU clock instead of the wall clock. Only meaningful for work that
    /// stays on the calling thread, but then immune to being descheduled on a busy machine.
    /// </param>
    public static double Batch(Action body, double estimatedCallSeconds, double batchSeconds, bool threadCpuTime = false)
    {
        int calls = (int)Math.Clamp(batchSeconds / Math.Max(estimatedCallSeconds, 1e-9), 1, 1_000_000);
        double start = threadCpuTime ? ThreadCpuSeconds() : 0;
        long wallStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) body();
        double elapsed = threadCpuTime ? ThreadCpuSeconds() - start : Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
        return elapsed / calls;
    }

    public static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Whether <see cref="Batch"/> can use the thread CPU clock here (Linux clock_gettime).</summary>
    public static bool HasThreadCpuClock => OperatingSystem.IsLinux();

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private const int ClockThreadCpuTimeId = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU seconds used by the calling thread so far (Linux only; see <see cref="HasThreadCpuClock"/>).</summary>
    public static double ThreadCpuSeconds()
    {
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }
}
