using QCircuitDsl.Quantum.Engine.Fast;
using QCircuitDsl.Quantum.Kernels;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `circuits --setup-probe`: where a generated kernel's per-gate time goes at n = 10, float, one thread (thread CPU
/// time): the whole primitive (sin/cos, coefficients, sweep) against the sweep alone with prebuilt coefficients.
/// </summary>
public static class GateSetupProbe
{
    public static void Run(int n = 10)
    {
        int d = 1 << n;
        var re = new float[d];
        var im = new float[d];
        re[0] = 1;
        Console.WriteLine($"## Per-gate cost at n = {n}, float, one thread (ns per call, thread CPU time)");
        Console.WriteLine();
        Console.WriteLine("| gate | primitive (setup + sweep) | sweep alone | setup share |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, target, controls) in new[] { ("ry, low stride", n - 1, Array.Empty<int>()), ("ry, high stride", 0, Array.Empty<int>()), ("crx, low stride", n - 1, new[] { n - 2 }), ("crx, high stride", 0, new[] { 1 }) })
        {
            var site = new GateSite(n, target, controls);
            bool controlled = controls.Length > 0;
            double theta = 0.3;
            Action full = controlled ? () => ForwardKernels.Rx<float>(re, im, site, theta) : () => ForwardKernels.Ry<float>(re, im, site, theta);
            var lanes = site.Lanes.For<float>();
            var (s, c) = Math.SinCos(theta / 2);
            System.Numerics.Complex[] m = controlled ? [c, new(0, -s), new(0, -s), c] : [c, -s, s, c];
            var coef = GateCoef<float>.Build(lanes, m, identityOutside: true);
            Action sweep = controlled
                ? () => VectorGateKernels.Apply<float, PauliXForm>(re, im, lanes, coef)
                : () => VectorGateKernels.Apply<float, RealForm>(re, im, lanes, coef);
            double tf = Time(full), ts = Time(sweep);
            Console.WriteLine($"| {name} | {tf:0} | {ts:0} | {100 * (tf - ts) / tf:0}% |");
        }
        Console.WriteLine();
    }

    private static double Time(Action body)
    {
        double estimate = BenchTimer.WarmUp(body, 0.2);
        var times = Enumerable.Range(0, 7).Select(_ => BenchTimer.Batch(body, estimate, 0.1, threadCpuTime: BenchTimer.HasThreadCpuClock)).ToList();
        return BenchTimer.Median(times) * 1e9;
    }
}
