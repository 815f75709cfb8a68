using System.Globalization;
using QCircuitDsl.Runtime.LinearAlgebra;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `gemm [--threads N] [--rounds R] [--quick]`: times Gemm.Sgemm at the shapes the models use and, in the same run and
/// process, OpenBLAS's cblas_sgemm on the same inputs, alternating batches so drift hits both alike.
/// Prints a Markdown table ready for docs/benchmarks.md.
/// </summary>
public static class GemmBenchmark
{
    private sealed record Shape(string Name, bool TransA, bool TransB, int M, int K, int N)
    {
        public double Flops => 2.0 * M * N * K;
        public string Op => (TransA ? "T" : "N") + (TransB ? "T" : "N");
    }

    // m×k · k×n, from the models: small MLP/LSTM layers, a conv-as-GEMM (16 images of 28×28 = 12544 rows),
    // plus the backward-pass variants (NT: dX = dY·W, TN: dW = Xᵀ·dY) and a square reference.
    private static readonly Shape[] Shapes =
    [
        new("200×58·58×64", false, false, 200, 58, 64),
        new("200×58·58×64", false, true, 200, 58, 64),
        new("200×64·64×40", false, false, 200, 64, 40),
        new("200×64·64×40 (dW)", true, false, 64, 200, 40),
        new("64×650·650×40", false, false, 64, 650, 40),
        new("12544×128·128×512", false, false, 12544, 128, 512),
        new("12544×128·128×512 (dW)", true, false, 128, 12544, 512),
        new("12544×16·16×32", false, false, 12544, 16, 32),
        new("1024×1024·1024×1024", false, false, 1024, 1024, 1024),
    ];

    private const int SettleMilliseconds = 120;

    public static int Run(string[] args)
    {
        int threads = Environment.ProcessorCount;
        // Many short batches, best one kept: on a shared machine that is the best chance of catching
        // stretches when nobody else holds a core.
        double batchSeconds = 0.01;
        int rounds = 41;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length) threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--quick") { rounds = 7; }
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"gemm: unknown option {args[i]}"); return 2; }
        }

        var machine = MachineInfo.Detect();
        Gemm.MaxDegreeOfParallelism = threads;
        OpenBlas.PinEnvironment(threads);
        var blas = OpenBlas.TryLoad(out var missing);
        int blasThreads = blas?.SetThreads(threads) ?? 0;

        Console.WriteLine($"# GEMM benchmark, {DateTime.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"machine: {machine}");
        Console.WriteLine($"float32 peak: {machine.Cores} cores × 2 FMA × {machine.FloatLanes} lanes × 2 FLOP × {machine.ClockGHz:0.00} GHz = {machine.PeakGflops:0.0} GFLOP/s");
        double probe = FmaPeakProbe.SingleCoreGflops();
        Console.WriteLine($"measured 1-core FMA throughput: {probe:0.0} GFLOP/s, i.e. an effective {probe / (2 * machine.FloatLanes * 2):0.00} GHz under AVX-512 load; × {machine.Cores} cores = {probe * machine.Cores:0.0} GFLOP/s");
        // With one thread both libraries run entirely on the calling thread, so its CPU clock measures them
        // exactly, and time stolen by other processes on a shared machine is not counted.
        bool cpuClock = threads == 1 && BenchTimer.HasThreadCpuClock;
        Console.WriteLine($"load average before the run: {LoadAverage()} (others' processes share these cores; timings are best of {rounds} alternating batches, {SettleMilliseconds} ms apart, by the {(cpuClock ? "calling thread's CPU clock" : "wall clock")})");
        Console.WriteLine($"Gemm.MaxDegreeOfParallelism = {threads}");
        // Peaks for the cores this run may use: all of them, or fewer with --threads.
        int usedCores = Math.Min(threads, machine.Cores);
        double nominalPeak = machine.PeakGflops * usedCores / machine.Cores;
        Console.WriteLine($"peaks for {usedCores} core(s): nominal {nominalPeak:0.0} GFLOP/s, measured {probe * usedCores:0.0} GFLOP/s");
        Console.WriteLine(blas is null
            ? $"OpenBLAS: {missing}; reporting our numbers only"
            : $"OpenBLAS: {blas.Path} ({blas.Config}), {blasThreads} threads; environment set before loading it: {OpenBlas.Environment}");
        Console.WriteLine();
        Console.WriteLine("| shape (m×k · k×n) | op | MFLOP | ours µs | ours GFLOP/s | ours % nominal / measured peak | OpenBLAS µs | OpenBLAS GFLOP/s | ours ÷ OpenBLAS time | max rel. diff |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");

        foreach (var s in Shapes)
        {
            Console.WriteLine(Measure(s, blas, nominalPeak, probe * usedCores, batchSeconds, rounds, cpuClock));
        }
        return 0;
    }

    private static string Measure(Shape s, OpenBlas? blas, double nominalPeak, double measuredPeak, double batchSeconds, int rounds, bool cpuClock)
    {
        var rng = new Random(1234);
        int lda = s.TransA ? s.M : s.K, ldb = s.TransB ? s.K : s.N, ldc = s.N;
        var a = RandomArray(rng, s.M * s.K);
        var b = RandomArray(rng, s.K * s.N);
        var ours = new float[s.M * s.N];
        var theirs = new float[s.M * s.N];

        Action runOurs = () => Gemm.Sgemm(s.TransA, s.TransB, s.M, s.N, s.K, 1f, a, lda, b, ldb, 0f, ours, ldc);
        Action? runBlas = blas is null ? null : () => blas.Sgemm(s.TransA, s.TransB, s.M, s.N, s.K, 1f, a, lda, b, ldb, 0f, theirs, ldc);

        double estOurs = BenchTimer.WarmUp(runOurs);
        Thread.Sleep(SettleMilliseconds);
        double estBlas = runBlas is null ? 0 : BenchTimer.WarmUp(runBlas);
        Thread.Sleep(SettleMilliseconds);
        var tOurs = new List<double>();
        var tBlas = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            tOurs.Add(BenchTimer.Batch(runOurs, estOurs, batchSeconds, cpuClock));
            if (runBlas is null) continue;
            // Both libraries keep idle workers spinning for a while after a call (OpenBLAS for up to
            // ~0.1 s), which would steal the second core from whichever batch runs next: let them settle.
            Thread.Sleep(SettleMilliseconds);
            tBlas.Add(BenchTimer.Batch(runBlas, estBlas, batchSeconds, cpuClock));
            Thread.Sleep(SettleMilliseconds);
        }

        // Best-of rather than median: on a shared machine noise only ever adds time.
        double ourSec = tOurs.Min();
        double ourGflops = s.Flops / ourSec / 1e9;
        string row = $"| {s.Name} | {s.Op} | {s.Flops / 1e6:0.0} | {ourSec * 1e6:0.0} | {ourGflops:0.0} | {100 * ourGflops / nominalPeak:0}% / {100 * ourGflops / measuredPeak:0}% |";
        if (runBlas is null) return row + " – | – | – | – |";

        double blasSec = tBlas.Min();
        double blasGflops = s.Flops / blasSec / 1e9;
        return row + $" {blasSec * 1e6:0.0} | {blasGflops:0.0} | {ourSec / blasSec:0.00} | {MaxRelativeDiff(ours, theirs):0.0e0} |";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static float[] RandomArray(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    // A sanity check that both libraries computed the same product (differences are rounding only).
    private static double MaxRelativeDiff(float[] x, float[] y)
    {
        double scale = 0, diff = 0;
        for (int i = 0; i < x.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(y[i]));
            diff = Math.Max(diff, Math.Abs(x[i] - y[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
