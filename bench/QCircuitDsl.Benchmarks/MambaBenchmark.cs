using System.Diagnostics;
using System.Globalization;
using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `mamba [--d 16,64,128] [--length 784] [--batch 16] [--rounds 5]` (or `mamba --paper-epoch`, see <see cref="MambaPaperEpoch"/>): tokens per second of one Mamba block's
/// forward+backward (and of the selective scan alone) at sequential-MNIST length, and in the same run each quantum
/// projection (robust options, 2 layers, probabilities) against the Linear it replaces, on all B·L tokens.
/// Best of <c>rounds</c> timed calls after one warm-up call: on a shared machine the fastest call is the one least
/// disturbed by other processes. Prints Markdown tables for docs/benchmarks.md.
/// </summary>
public static class MambaBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Contains("--paper-epoch")) return MambaPaperEpoch.Run(args);
        int[] widths = [16, 64, 128];
        int length = 784, batch = 16, rounds = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--d" && i + 1 < args.Length) widths = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            else if (args[i] == "--length" && i + 1 < args.Length) length = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--batch" && i + 1 < args.Length) batch = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"mamba: unknown option {args[i]}"); return 2; }
        }

        int tokens = batch * length;
        Console.WriteLine($"# Mamba benchmark, {DateTime.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"machine: {MachineInfo.Detect()}");
        Console.WriteLine($"batch {batch} × length {length} = {tokens} tokens per call, float32, {Torch.GetNumThreads()} threads, best of {rounds} after a warm-up; load average before: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| d_model | d_inner | block fwd ms | block fwd+bwd ms | block fwd+bwd tokens/s | scan fwd+bwd ms | scan share |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var d in widths) Console.WriteLine(BlockRow(d, batch, length, rounds));

        Console.WriteLine();
        Console.WriteLine("| d_model | projection | in → out | qubits | Linear fwd+bwd ms | quantum fwd+bwd ms | quantum ÷ Linear | quantum tokens/s |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var d in widths)
        {
            var config = new MambaConfig(d);
            int e = config.DInner;
            foreach (var (name, inF, outF) in new[] { ("in_proj", d, 2 * e), ("x_proj", e, config.DtRank + 2 * config.DState), ("out_proj", e, d) })
                Console.WriteLine(ProjectionRow(d, name, inF, outF, tokens, rounds));
        }
        return 0;
    }

    private static string BlockRow(int d, int batch, int length, int rounds)
    {
        var g = new Generator(1);
        var config = new MambaConfig(d);
        var block = new ResidualBlock(config, generator: g);
        var x = Torch.Randn([batch, length, d], g).RequiresGrad_();
        var upstream = Torch.Randn([batch, length, d], g);
        double forward = Time(() => { using (Torch.NoGrad()) block.Forward(x); }, rounds);
        double both = Time(() =>
        {
            block.ZeroGrad();
            x.Grad = null;
            block.Forward(x).Backward(upstream);
        }, rounds);

        // The scan alone, on inputs of the shapes the block feeds it.
        var e = config.DInner;
        var sx = Torch.Randn([batch, length, e], g).RequiresGrad_();
        var delta = (Torch.Rand([batch, length, e], g) * 0.1 + 0.001).RequiresGrad_();
        var a = (-(Torch.Rand([e, config.DState], g) * 16 + 1)).RequiresGrad_();
        var bm = Torch.Randn([batch, length, config.DState], g).RequiresGrad_();
        var cm = Torch.Randn([batch, length, config.DState], g).RequiresGrad_();
        var dv = Torch.Ones([e], DType.Float32, requiresGrad: true);
        var gy = Torch.Randn([batch, length, e], g);
        double scan = Time(() => SelectiveScan.Apply(sx, delta, a, bm, cm, dv).Backward(gy), rounds);

        return $"| {d} | {e} | {forward * 1e3:0.0} | {both * 1e3:0.0} | {batch * length / both:0} | {scan * 1e3:0.0} | {scan / both:P0} |";
    }

    private static string ProjectionRow(int d, string name, int inF, int outF, int tokens, int rounds)
    {
        var g = new Generator(2);
        var x = Torch.Randn([tokens, inF], g).RequiresGrad_();
        var upstream = Torch.Randn([tokens, outF], g);
        var linear = new Linear(inF, outF, bias: false, generator: g);
        var quantum = new QuantumProjection(inF, outF, QuantumProjectionOptions.Robust, generator: g);
        double Step(Module<Tensor, Tensor> m) => Time(() =>
        {
            m.ZeroGrad();
            x.Grad = null;
            m.Forward(x).Backward(upstream);
        }, rounds);
        double l = Step(linear), q = Step(quantum);
        return $"| {d} | {name} | {inF} → {outF} | {quantum.Qubits} | {l * 1e3:0.00} | {q * 1e3:0.0} | {q / l:0.0}× | {tokens / q:0} |";
    }

    /// <summary>The 1-, 5- and 15-minute load averages, as the Mamba benchmarks print them.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Best seconds of <paramref name="rounds"/> calls after one warm-up call (calls take 10 ms – seconds).</summary>
    private static double Time(Action body, int rounds)
    {
        body();
        var times = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            body();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return times.Min();
    }
}
