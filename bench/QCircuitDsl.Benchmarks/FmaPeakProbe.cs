using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// Measures one core's float32 FMA throughput with register-only AVX-512 FMAs. The nominal clock from
/// /proc/cpuinfo ignores turbo (and AVX-512 frequency licences), so this shows the clock actually
/// sustained under FMA load: GFLOP/s ÷ (2 FMA units × 16 lanes × 2 FLOP).
/// </summary>
public static class FmaPeakProbe
{
    public static double SingleCoreGflops()
    {
        if (!Vector512.IsHardwareAccelerated) return double.NaN;
        Run(10_000); // tier up to optimized code
        double best = 0;
        for (int r = 0; r < 9; r++)
        {
            const int iterations = 2_000_000;
            // The thread's CPU clock where there is one, so time lost to other processes does not count.
            bool cpu = BenchTimer.HasThreadCpuClock;
            double cpuStart = cpu ? BenchTimer.ThreadCpuSeconds() : 0;
            long start = Stopwatch.GetTimestamp();
            float sink = Run(iterations);
            double seconds = cpu ? BenchTimer.ThreadCpuSeconds() - cpuStart : Stopwatch.GetElapsedTime(start).TotalSeconds;
            // 12 independent chains cover 4-cycle latency × 2 ports with room to spare.
            best = Math.Max(best, iterations * 12.0 * 16 * 2 / seconds / 1e9 + (sink == 12345f ? 1 : 0));
        }
        return best;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run(int iterations)
    {
        var x = Vector512.Create(0.999999f);
        var y = Vector512.Create(1e-7f);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
        Vector512<float> a6 = default, a7 = default, a8 = default, a9 = default, aA = default, aB = default;
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y); a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y); a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y); a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y); a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            a8 = Vector512.FusedMultiplyAdd(a8, x, y); a9 = Vector512.FusedMultiplyAdd(a9, x, y);
            aA = Vector512.FusedMultiplyAdd(aA, x, y); aB = Vector512.FusedMultiplyAdd(aB, x, y);
        }
        var sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + aA + aB;
        return Vector512.Sum(sum);
    }
}
