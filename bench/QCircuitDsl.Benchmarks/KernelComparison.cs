using QCircuitDsl.Quantum;
using QCircuitDsl.Quantum.Engine;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `circuits --kernels`: one QRNN step of sim14 (Forward + 3n readouts + ReadoutBackward + adjoint Backward, per-sample
/// float angles, 2 threads) with the generated straight-line kernel and with the compiled plan of the same class
/// (UseSpecializedKernel = false). The two are timed in alternating rounds so that load from other processes falls on
/// both alike; the ratio is the median over rounds of plan ÷ kernel. On a shared machine the wall clock of two
/// threads is at the mercy of the scheduler, so the same comparison is also made on one thread with the thread's CPU
/// clock (time the step actually ran, not time it waited).
/// </summary>
public static class KernelComparison
{
    public static readonly int[] Sizes = [4, 6, 8, 10, 12, 14];

    public static void Run(int[] sizes, int rounds)
    {
        Console.WriteLine($"## sim14 QRNN step: generated straight-line kernel vs compiled plan (float32, per-sample angles, 2 threads, {rounds} alternating rounds)");
        Console.WriteLine();
        Console.WriteLine("| n | B | kernel, 2 threads, wall [min–max] | plan, 2 threads, wall [min–max] | plan ÷ kernel | kernel, 1 thread, CPU | plan, 1 thread, CPU | plan ÷ kernel (CPU) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (int n in sizes)
        {
            foreach (int batch in new[] { 64, 200 })
            {
                var (k, p, ratio) = Compare(n, batch, rounds);
                var (kc, pc, cpuRatio) = CompareCpu(n, batch, rounds);
                Console.WriteLine($"| {n} | {batch} | {k} | {p} | {ratio:0.00} | {kc:0.###} ms | {pc:0.###} ms | {cpuRatio:0.00} |");
            }
        }
        Console.WriteLine();
    }

    /// <summary>One thread, thread CPU time per step: medians over alternating rounds, and the median ratio.</summary>
    public static (double KernelMs, double PlanMs, double Ratio) CompareCpu(int n, int batch, int rounds)
    {
        var withKernel = new Sim14(n: n) { MaxDegreeOfParallelism = 1 };
        var withPlan = new Sim14(n: n) { MaxDegreeOfParallelism = 1, UseSpecializedKernel = false };
        var kernel = new StepRunner<float>(withKernel, batch, shared: false);
        var plan = new StepRunner<float>(withPlan, batch, shared: false);
        double estimate = Math.Max(BenchTimer.WarmUp(kernel.Step, 0.2), BenchTimer.WarmUp(plan.Step, 0.2));
        double seconds = n >= 12 ? 0.6 : 0.3;
        var k = new List<double>();
        var p = new List<double>();
        var ratios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            double tp = BenchTimer.Batch(plan.Step, estimate, seconds, threadCpuTime: BenchTimer.HasThreadCpuClock) * 1e3;
            double tk = BenchTimer.Batch(kernel.Step, estimate, seconds, threadCpuTime: BenchTimer.HasThreadCpuClock) * 1e3;
            p.Add(tp);
            k.Add(tk);
            ratios.Add(tp / tk);
        }
        return (BenchTimer.Median(k), BenchTimer.Median(p), BenchTimer.Median(ratios));
    }

    public static (StepTiming Kernel, StepTiming Plan, double Ratio) Compare(int n, int batch, int rounds)
    {
        var withKernel = new Sim14(n: n);
        if (!withKernel.HasSpecializedKernel)
            throw new InvalidOperationException($"sim14(n = {n}) has no generated kernel; add it to bench/QCircuitDsl.Benchmarks/kernels.qc.");
        var withPlan = new Sim14(n: n) { UseSpecializedKernel = false };
        var kernel = new StepRunner<float>(withKernel, batch, shared: false);
        var plan = new StepRunner<float>(withPlan, batch, shared: false);
        double seconds = n >= 12 ? 0.6 : 0.3;
        var kernelTimes = new List<StepTiming>();
        var planTimes = new List<StepTiming>();
        var ratios = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var tp = StepTiming.Measure(plan.Step, seconds, minReps: 3);
            var tk = StepTiming.Measure(kernel.Step, seconds, minReps: 3);
            planTimes.Add(tp);
            kernelTimes.Add(tk);
            ratios.Add(tp.MedianMs / tk.MedianMs);
        }
        return (Merge(kernelTimes), Merge(planTimes), BenchTimer.Median(ratios));
    }

    /// <summary>Median of the rounds' medians, extremes over all rounds.</summary>
    private static StepTiming Merge(List<StepTiming> rounds) =>
        new(BenchTimer.Median(rounds.Select(t => t.MedianMs).ToList()), rounds.Min(t => t.MinMs), rounds.Max(t => t.MaxMs), rounds.Sum(t => t.Reps));
}
