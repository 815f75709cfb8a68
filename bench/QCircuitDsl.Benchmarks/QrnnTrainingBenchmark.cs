using System.Diagnostics;
using System.Globalization;
using QCircuitDsl.Models;
using QCircuitDsl.Models.LanguageModel;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// QRNN training steps (forward, loss, backward through time by uncomputation, Adam) at the paper's shapes:
/// MNIST rows (10 qubits, batch 200, T 28, 3.9K parameters) and PTB (14 qubits, batch 64, T 35, vocabulary
/// 10,000, embedding 650), with the share of time in the quantum engine; an LSTM with the same parameter
/// count on the same data as the baseline; and peak memory at T 28 against T 400.
/// Command: <c>dotnet run -c Release --project bench/QCircuitDsl.Benchmarks -- qrnn [--repeats 5] [--steps T]</c>; memory:
/// <c>... -- qrnn --memory-table</c> (or one measurement: <c>qrnn --memory T [--step-by-step] [--checkpoint-interval K]</c>).
/// </summary>
public static class QrnnTrainingBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--memory")
        {
            int interval = Array.IndexOf(args, "--checkpoint-interval") is int i and > 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : QuantumMemory.DefaultCheckpointInterval;
            return Memory(int.Parse(args[1], CultureInfo.InvariantCulture), stepByStep: args.Contains("--step-by-step"), interval);
        }

        if (args.Length == 1 && args[0] == "--memory-table")
        {
            return QrnnMemoryTable.Run();
        }

        if (args.Length == 1 && args[0] == "--drift")
        {
            return QrnnDrift.Run();
        }

        int repeats = Array.IndexOf(args, "--repeats") is int repeatsAt and >= 0 ? int.Parse(args[repeatsAt + 1], CultureInfo.InvariantCulture) : 5;
        // --steps T: the MNIST-shaped comparison at another sequence length only (no LSTM, no PTB).
        int steps = Array.IndexOf(args, "--steps") is int stepsAt and >= 0 ? int.Parse(args[stepsAt + 1], CultureInfo.InvariantCulture) : 28;
        Console.WriteLine($"machine: {MachineInfo.Detect()}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        // MNIST-shaped: rows as steps.
        var g = new Generator(1);
        var x = Torch.Rand(new[] { 200, steps, 28 }, g);
        var y = Torch.Tensor(Enumerable.Range(0, 200).Select(i => (long)(i % 10)).ToArray(), 200);
        var qrnnEncoder = new QrnnEncoder(new Sim14(n: 10), 28, 36, ControllerActivation.Gelu, generator: g);
        var qrnn = new SequenceClassifier(qrnnEncoder, 10, generator: g);
        long qrnnParams = qrnn.Parameters().Sum(p => (long)p.Numel);
        // The fused recurrence (default) and the step-by-step graph it replaces, alternating so load drifts hit both.
        var fusedTimes = new List<(double Step, double Share)>();
        var controllerShares = new List<double>();
        var stepwiseTimes = new List<(double Step, double Share)>();
        for (int round = 0; round < 2; round++)
        {
            qrnnEncoder.StepByStep = false;
            fusedTimes.Add(Time(qrnn, x, y, repeats, () => qrnnEncoder.Cell.LastSequence!.QuantumSeconds, () => qrnnEncoder.Cell.LastSequence!.ControllerSeconds, controllerShares));
            qrnnEncoder.StepByStep = true;
            stepwiseTimes.Add(Time(qrnn, x, y, repeats, () => qrnnEncoder.Cell.LastSequence!.QuantumSeconds));
        }

        qrnnEncoder.StepByStep = false;
        double qStep = BenchTimer.Median(fusedTimes.Select(t => t.Step).ToList()), qShare = BenchTimer.Median(fusedTimes.Select(t => t.Share).ToList());
        double cShare = BenchTimer.Median(controllerShares);
        double sStep = BenchTimer.Median(stepwiseTimes.Select(t => t.Step).ToList()), sShare = BenchTimer.Median(stepwiseTimes.Select(t => t.Share).ToList());
        if (steps != 28)
        {
            Console.WriteLine($"MNIST-shaped QRNN (n=10, B=200) at T={steps}: fused {Ms(qStep)} per step (quantum engine {qShare:P0}, controller {cShare:P0}); " +
                $"step by step {Ms(sStep)} (quantum engine {sShare:P0}); fused/step-by-step = {qStep / sStep:F2}×");
            return 0;
        }

        int lstmHidden = RecurrentEncoder.HiddenForParameterCount(RecurrentKind.Lstm, 28, qrnnParams, 10);
        var lstm = new SequenceClassifier(new RecurrentEncoder(RecurrentKind.Lstm, 28, lstmHidden, generator: g), 10, generator: g);
        var (lStep, _) = Time(lstm, x, y, repeats, () => 0);
        Console.WriteLine($"MNIST rows (n=10, B=200, T=28): QRNN {qrnnParams} params {Ms(qStep)} per step (quantum engine {qShare:P0}, controller {cShare:P0}, head+loss+Adam {1 - qShare - cShare:P0}); " +
            $"60,000-image epoch ≈ {qStep * 300 / 60:F1} min (target ≤ 2 min); LSTM hidden {lstmHidden} ({lstm.Parameters().Sum(p => (long)p.Numel)} params) {Ms(lStep)} per step; QRNN/LSTM = {qStep / lStep:F2}×");
        Console.WriteLine($"  same QRNN step by step (per-step autograd graph, the path before the fused recurrence): {Ms(sStep)} per step (quantum engine {sShare:P0}); fused/step-by-step = {qStep / sStep:F2}×");

        // PTB-shaped: language model.
        var lm = new QrnnLanguageModel(new Sim14(n: 14), vocabulary: 10000, embedding: 650, hidden: 64, feedback: 10, ControllerActivation.LeakyRelu, generator: g);
        long lmParams = lm.Parameters().Sum(p => (long)p.Numel) - 10000L * 650;
        var tokens = Torch.Tensor(Enumerable.Range(0, 64 * 36).Select(i => (long)((i * 7919) % 10000)).ToArray(), 64, 36);
        var input = tokens.Narrow(1, 0, 35);
        var target = tokens.Narrow(1, 1, 35);
        var adam = new Adam(lm.Parameters(), lr: 1e-3);
        var samples = new List<double>();
        var shares = new List<double>();
        for (int r = 0; r < Math.Max(2, repeats / 2) + 1; r++)
        {
            long start = Stopwatch.GetTimestamp();
            adam.ZeroGrad();
            var (logits, state) = lm.Forward(input);
            Functional.CrossEntropy(logits, target, classDim: -1).Backward();
            adam.Step();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (r > 0)
            {
                samples.Add(seconds);
                shares.Add(lm.Cell.LastSequenceQuantumSeconds / seconds);
            }
        }

        Console.WriteLine($"PTB shape (n=14, B=64, T=35, V=10,000, e=650): QRNN LM {lmParams} params without embeddings, {Ms(BenchTimer.Median(samples))} per step (quantum engine {BenchTimer.Median(shares):P0})");

        Console.WriteLine("peak memory: run 'qrnn --memory-table' (each measurement in its own process: a process's peak resident set only grows).");
        return 0;
    }

    /// <summary>
    /// One training step of the MNIST-shaped QRNN at sequence length <paramref name="steps"/>, in a fresh process;
    /// prints one machine-readable line: peak resident set, resident set after setup (model, Adam, input), bytes
    /// allocated by the step, and what the recurrence keeps that grows with T.
    /// </summary>
    private static int Memory(int steps, bool stepByStep, int checkpointInterval)
    {
        const int batch = 200, n = 10;
        var g = new Generator(1);
        var x = Torch.Rand(new[] { batch, steps, 28 }, g);
        var y = Torch.Tensor(Enumerable.Range(0, batch).Select(i => (long)(i % 10)).ToArray(), batch);
        var encoder = new QrnnEncoder(new Sim14(n: n), 28, 36, ControllerActivation.Gelu, generator: g, checkpointInterval: checkpointInterval) { StepByStep = stepByStep };
        var model = new SequenceClassifier(encoder, 10, generator: g);
        var adam = new Adam(model.Parameters(), lr: 1e-3);
        long baseline = PeakResidentKb();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        adam.ZeroGrad();
        Functional.CrossEntropy(model.Forward(x), y).Backward();
        adam.Step();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var sequence = encoder.Cell.LastSequence!;
        double mib = 1048576.0;
        double stateMiB = 2.0 * batch * (1 << n) * sizeof(float) / mib;
        double readoutsMiB = stepByStep ? 0 : (double)steps * batch * 3 * n * sizeof(float) / mib;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"path={(stepByStep ? "step-by-step" : "fused")} interval={checkpointInterval} T={steps} B={batch} n={n} peak_MiB={PeakResidentKb() / 1024.0:F1} setup_MiB={baseline / 1024.0:F1} " +
            $"allocated_MiB={allocated / mib:F1} input_MiB={(double)batch * steps * 28 * sizeof(float) / mib:F2} readouts_kept_MiB={readoutsMiB:F2} " +
            $"checkpoints={sequence.CheckpointCount} checkpoints_MiB={sequence.CheckpointCount * stateMiB:F1} gen0_collections={GC.CollectionCount(0)}"));
        return 0;
    }

    private static (double Step, double QuantumShare) Time(Module<Tensor, Tensor> model, Tensor x, Tensor y, int repeats, Func<double> quantumSeconds,
        Func<double>? controllerSeconds = null, List<double>? controllerShares = null)
    {
        var adam = new Adam(model.Parameters(), lr: 1e-3, eps: 1e-10, weightDecay: 1e-4);
        var times = new List<double>();
        var shares = new List<double>();
        for (int r = 0; r < repeats + 1; r++)
        {
            long start = Stopwatch.GetTimestamp();
            adam.ZeroGrad();
            Functional.CrossEntropy(model.Forward(x), y).Backward();
            adam.Step();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (r > 0)
            {
                times.Add(seconds);
                shares.Add(quantumSeconds() / seconds);
                controllerShares?.Add(controllerSeconds!() / seconds);
            }
        }

        return (BenchTimer.Median(times), BenchTimer.Median(shares));
    }

    private static string Ms(double seconds) => (seconds * 1000).ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static long PeakResidentKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
