using System.Diagnostics;
using System.Globalization;
using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `mamba --paper-epoch [--batches 3] [--encoding robust|side-channel|paper] [--readout probs|z] [--no-parts] [--classical]`: the issue's speed target. Times
/// whole training batches of the paper's hybrid configuration (d_model 128, expand 4, d_state 16, 2 layers, all three
/// projections quantum, 784×1 pixel sequences, batch 16): forward, cross-entropy, backward, gradient clipping and an
/// AdamW step with the paper's parameter groups, as MambaTaskRun trains. The mean batch time × 3,750 batches is one
/// epoch of 60,000 sequences, compared with the 30-minute target. `--classical` times the same model with classical
/// projections (the floor the quantum projections add to).
/// </summary>
/// <remarks>
/// The per-part profile times each part alone in process CPU seconds, forward + backward at the shapes the model feeds it (the model's own
/// modules on random inputs), summed over the model: quantum circuits (encode + circuit + readout of the six
/// projections; its own time is the projection minus its Linear), the Linear layers (the Linears after the readouts,
/// dt_proj, embedding, head), the selective scan, the causal conv (+ SiLU) and the RMSNorms. "Other" is the batch time
/// minus their sum: the elementwise gating, softplus, splits, the loss and the optimizer. For each circuit it also
/// times both execution strategies of the shared-weights call (one unitary applied to all 12,544 tokens as a matrix
/// product, or the gate sweep per token) and prints the one the engine's auto rule picks.
/// </remarks>
public static class MambaPaperEpoch
{
    private const int EpochBatches = 60_000 / 16;
    private const double TargetSeconds = 30 * 60;

    public static int Run(string[] args)
    {
        int batches = 3;
        var options = QuantumProjectionOptions.Robust;
        bool parts = true;
        var quantum = MambaProjections.All;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--paper-epoch") continue;
            if (args[i] == "--batches" && i + 1 < args.Length) batches = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--encoding" && i + 1 < args.Length)
            {
                var encoding = args[++i];
                if (encoding is not ("robust" or "side-channel" or "paper")) return Invalid("--encoding", encoding, "robust, side-channel or paper");
                options = encoding switch
                {
                    "paper" => options with { BiasAmplitude = null, NormSideChannel = false },
                    "side-channel" => options with { BiasAmplitude = null },
                    _ => options,
                };
            }
            else if (args[i] == "--readout" && i + 1 < args.Length)
            {
                var readout = args[++i];
                if (readout is not ("probs" or "z")) return Invalid("--readout", readout, "probs or z");
                options = options with { Readout = readout == "z" ? QuantumReadout.PauliZ : QuantumReadout.Probabilities };
            }
            else if (args[i] == "--no-parts") parts = false;
            else if (args[i] == "--classical") quantum = MambaProjections.None;
            else { Console.Error.WriteLine($"mamba --paper-epoch: unknown option {args[i]}"); return 2; }
        }

        const int batch = 16, length = 784;
        var config = new MambaConfig(128) { Expand = 4, DState = 16 };
        var model = new MambaClassifier(config, layerCount: 2, inputSize: 1, classes: 10, quantum, options, generator: new Generator(1));
        var settings = new MambaOptimizerSettings();
        var optimizer = new AdamW(model.ParameterGroups().ToParamGroups(settings), lr: settings.OtherLr, weightDecay: settings.WeightDecay);
        var g = new Generator(2);
        // MNIST-like pixels: about 80 % exact zeros, the rest in (0, 1].
        var pixels = Torch.Rand([batch, length, 1], g);
        var x = pixels * pixels.Gt(0.8).To(DType.Float32);
        var y = Torch.Tensor(Enumerable.Range(0, batch).Select(i => (long)(i % 10)).ToArray());

        Console.WriteLine($"# HQC-Mamba paper epoch, {DateTime.Now:yyyy-MM-dd HH:mm zzz}");
        Console.WriteLine($"machine: {MachineInfo.Detect()}; {Torch.GetNumThreads()} threads; load average before: {MambaBenchmark.LoadAverage()}");
        Console.WriteLine($"d_model 128, expand 4 (d_inner 512), d_state 16, 2 layers, {(quantum == MambaProjections.None ? "classical projections" : "quantum in_proj/x_proj/out_proj")}, batch {batch} × {length} pixels, " +
                          $"encoding {(options.BiasAmplitude is not null ? "robust" : options.NormSideChannel ? "side-channel" : "paper")}, readout {options.Readout}, float32");
        Console.WriteLine(model.ParameterReport());
        Console.WriteLine();

        void Step()
        {
            optimizer.ZeroGrad();
            var loss = Functional.CrossEntropy(model.Forward(x), y);
            loss.Backward();
            Utils.ClipGradNorm_(model.Parameters(), 1.0);
            optimizer.Step();
        }

        var warm = Stopwatch.StartNew();
        Step();
        Console.WriteLine($"warm-up batch: {warm.Elapsed.TotalSeconds:0.00} s");
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        for (int b = 0; b < batches; b++)
        {
            long start = Stopwatch.GetTimestamp();
            Step();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        process.Refresh();
        // On a shared machine the wall clock counts time spent waiting for a core; the process CPU time does not. An idle
        // 2-core machine would take between cpu/2 (perfectly parallel) and cpu seconds per batch.
        double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds / batches;
        double mean = times.Average();
        double epoch = mean * EpochBatches;
        Console.WriteLine($"batches: {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s wall; mean {mean:0.000} s/batch; " +
                          $"CPU {cpu:0.000} s/batch (all threads); load average after: {MambaBenchmark.LoadAverage()}");
        Console.WriteLine($"epoch estimate (wall): {EpochBatches} × {mean:0.000} s = {epoch / 60:0.0} min (target 30 min: {(epoch <= TargetSeconds ? "met" : $"missed by {epoch / TargetSeconds:0.00}×")})");
        Console.WriteLine($"epoch estimate (CPU time, idle {Environment.ProcessorCount} cores): {EpochBatches * cpu / Environment.ProcessorCount / 60:0.0} – {EpochBatches * cpu / 60:0.0} min");
        Console.WriteLine();
        if (parts) Profile(model, batch, length, cpu);
        return 0;
    }

    private static void Profile(MambaClassifier model, int batch, int length, double batchCpuSeconds)
    {
        var g = new Generator(3);
        int tokens = batch * length;
        double circuits = 0, linears = 0, scan = 0, conv = 0, norms = 0;
        var strategyRows = new List<string>();
        var config = model.Config;

        // Embedding, head and norm_f once; every block's parts at their shapes.
        linears += Time(model.Embedding, [batch, length, 1], g);
        linears += Time(model.Head, [batch, config.DModel], g);
        norms += Time(model.NormF, [batch, length, config.DModel], g);
        foreach (var layer in model.Layers)
        {
            var m = layer.Mixer;
            norms += Time(layer.Norm, [batch, length, config.DModel], g);
            conv += Time(new ConvSilu(m.Conv1d), [batch, length, config.DInner], g);
            linears += Time(m.DtProj, [batch, length, config.DtRank], g);
            foreach (var (name, projection) in new[] { ("in_proj", m.InProj), ("x_proj", m.XProj), ("out_proj", m.OutProj) })
            {
                if (projection is not QuantumProjection q)
                {
                    linears += Time(projection, [batch, length, config.DModel], g);
                    continue;
                }
                double whole = Time(q, [batch, length, q.InFeatures], g);
                double linear = Time(q.Linear, [tokens, q.ClassicalFeatures], g);
                linears += linear;
                circuits += whole - linear;
                if (layer == model.Layers[0]) strategyRows.Add(StrategyRow(name, q, [batch, length, q.InFeatures], tokens, whole - linear, g));
            }
            scan += TimeScan(config, batch, length, g);
        }

        double sum = circuits + linears + scan + conv + norms;
        Console.WriteLine("| part (forward + backward, whole model) | CPU s per batch | share of the batch |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, t) in new[] { ("quantum circuits (encode + circuit + readout, 6 projections)", circuits), ("Linear layers", linears), ("selective scan (2)", scan), ("causal conv + SiLU (2)", conv), ("RMSNorm (3)", norms), ("other: gating, softplus, splits, loss, clipping, AdamW", batchCpuSeconds - sum) })
            Console.WriteLine($"| {name} | {t:0.000} | {t / batchCpuSeconds:P0} |");
        Console.WriteLine();
        Console.WriteLine("| projection (layer 0) | qubits | gates | auto strategy | circuit CPU s (auto) | unitary CPU s | gate sweep CPU s |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|");
        foreach (var row in strategyRows) Console.WriteLine(row);
    }

    /// <summary>The circuit part of one projection with each strategy forced (the projection minus its Linear).</summary>
    private static string StrategyRow(string name, QuantumProjection q, int[] shape, int tokens, double auto, Generator g)
    {
        var circuit = q.Quantum.Circuit;
        var chosen = circuit.ResolveStrategy<float>(ParameterLayout.Shared, tokens);
        double linear = Time(q.Linear, [tokens, q.ClassicalFeatures], g);
        circuit.Strategy = ExecutionStrategy.Unitary;
        double unitary = Time(q, shape, g) - linear;
        circuit.Strategy = ExecutionStrategy.PerSample;
        double sweep = Time(q, shape, g) - linear;
        circuit.Strategy = ExecutionStrategy.Auto;
        return $"| {name} | {circuit.QubitCount} | {circuit.Program.Gates.Count} | {chosen} | {auto:0.000} | {unitary:0.000} | {sweep:0.000} |";
    }

    private static double TimeScan(MambaConfig config, int batch, int length, Generator g)
    {
        int e = config.DInner;
        var sx = Torch.Randn([batch, length, e], g).RequiresGrad_();
        var delta = (Torch.Rand([batch, length, e], g) * 0.1 + 0.001).RequiresGrad_();
        var a = (-(Torch.Rand([e, config.DState], g) * 16 + 1)).RequiresGrad_();
        var bm = Torch.Randn([batch, length, config.DState], g).RequiresGrad_();
        var cm = Torch.Randn([batch, length, config.DState], g).RequiresGrad_();
        var dv = Torch.Ones([e], DType.Float32, requiresGrad: true);
        var gy = Torch.Randn([batch, length, e], g);
        return Best(() => SelectiveScan.Apply(sx, delta, a, bm, cm, dv).Backward(gy));
    }

    /// <summary>Forward + backward of one module on a random input of <paramref name="shape"/>.</summary>
    private static double Time(Module<Tensor, Tensor> module, int[] shape, Generator g)
    {
        var input = Torch.Randn(shape, g).RequiresGrad_();
        var output = module.Forward(input);
        var upstream = Torch.Randn(output.Shape, g);
        return Best(() =>
        {
            module.ZeroGrad();
            input.Grad = null;
            module.Forward(input).Backward(upstream);
        });
    }

    private static int Invalid(string option, string value, string expected)
    {
        Console.Error.WriteLine($"mamba --paper-epoch: {option} '{value}' is not known; expected {expected}");
        return 2;
    }

    /// <summary>
    /// Least process CPU seconds (all threads) of two calls after the warm-up in <see cref="Time"/>: CPU time, unlike the
    /// wall clock, does not count the time other processes hold the cores, so shares stay comparable on a busy machine.
    /// </summary>
    private static double Best(Action body)
    {
        var process = Process.GetCurrentProcess();
        double best = double.MaxValue;
        for (int r = 0; r < 2; r++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            body();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - start).TotalSeconds);
        }
        return best;
    }

    /// <summary>The mixer's conv step as the model runs it: causal depthwise conv, then SiLU.</summary>
    private sealed class ConvSilu(CausalConv1d conv) : Module<Tensor, Tensor>
    {
        public override Tensor Forward(Tensor input) => Functional.Silu(conv.Forward(input));
    }
}
