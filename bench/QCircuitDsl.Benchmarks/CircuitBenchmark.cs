using System.Diagnostics;
using System.Globalization;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Quantum;
using QCircuitDsl.Quantum.Engine;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `circuits`: the statevector engine on the QRNN step (sim14, per-sample angles, float32) against the straightforward
/// kernels it replaced and the reference interpreter, all in the same run; the HQC-Mamba projection
/// (amplitude_projection, shared weights, 12,544 inputs) with both execution strategies; memory of long sequences.
/// Options: --quick (fewer sizes), --skip-interpreter, --kernels (only the generated-kernel vs plan table, see
/// <see cref="KernelComparison"/>; --rounds R, default 5), --profile (phases of one step at n = 10, B = 200).
/// </summary>
public static class CircuitBenchmark
{
    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        bool skipInterpreter = args.Contains("--skip-interpreter");
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var machine = MachineInfo.Detect();
        Console.WriteLine($"# circuits benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {machine}");
        Console.WriteLine($"load before: {Load()}");
        Console.WriteLine($"float32 peak (nominal): {machine.PeakGflops:0.0} GFLOP/s; measured 1-core FMA probe: {FmaPeakProbe.SingleCoreGflops():0.0} GFLOP/s");
        Console.WriteLine();
        if (args.Contains("--profile"))
        {
            StepProfile.Run(10, 200);
            return 0;
        }
        if (args.Contains("--setup-probe"))
        {
            GateSetupProbe.Run();
            return 0;
        }
        if (args.Contains("--kernels"))
        {
            int at = Array.IndexOf(args, "--rounds");
            int rounds = at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var r) && r > 0 ? r : 5;
            KernelComparison.Run(quick ? [4, 10, 14] : KernelComparison.Sizes, rounds);
            Console.WriteLine($"load after: {Load()}");
            return 0;
        }
        // Memory first: the process peak working set only grows, so later (larger) benchmarks would mask it.
        QrnnMemory.Run();
        Qrnn(quick ? [4, 10, 14] : [4, 6, 8, 10, 12, 14], machine, skipInterpreter);
        Projection(quick ? [32] : [32, 64, 128], machine);
        Console.WriteLine($"load after: {Load()}");
        return 0;
    }

    private static void Qrnn(int[] sizes, MachineInfo machine, bool skipInterpreter)
    {
        Console.WriteLine("## sim14 QRNN step (Forward + Readout 3n + ReadoutBackward + Backward), per-sample angles, float32, 2 threads");
        Console.WriteLine();
        Console.WriteLine("Optimised = the compiled plan; kernel = the generated straight-line kernel of the same step (`--kernels` times both in alternating rounds).");
        Console.WriteLine();
        Console.WriteLine("| n | B | optimised median [min–max] | GFLOP/s | % peak | 1 thread | kernel median | plan ÷ kernel | straightforward | speed-up | interpreter (×B) | speed-up | state batch |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (int n in sizes)
        {
            var (ir, program) = CircuitLoader.Load("sim14", new Dictionary<string, long> { ["n"] = n });
            foreach (int batch in new[] { 64, 200 })
            {
                var circuit = new QuantumCircuit(program);
                var fast = new StepRunner<float>(circuit, batch, shared: false);
                // The plan ("optimised") is timed once, in the kernel comparison's alternating rounds.
                var (tKernel, tFast, kernelRatio) = KernelComparison.Compare(n, batch, rounds: 3);
                var single = new QuantumCircuit(program) { MaxDegreeOfParallelism = 1 };
                var tSingle = StepTiming.Measure(new StepRunner<float>(single, batch, shared: false).Step, seconds: 0.5);
                var simpleCircuit = new QuantumCircuit(program) { UseSimpleKernels = true };
                var simple = new StepRunner<float>(simpleCircuit, batch, shared: false);
                var tSimple = n >= 12 ? StepTiming.Once(simple.Step, 2) : StepTiming.Measure(simple.Step, seconds: 1.0, minReps: 3);
                string interp = "–", interpRatio = "–";
                if (!skipInterpreter)
                {
                    int samples = n <= 8 ? 16 : n <= 10 ? 8 : n <= 12 ? 2 : 1;
                    double ms = InterpreterMs(ir, fast, samples) * batch;
                    interp = $"{ms:0.#} ms (from {samples})";
                    interpRatio = $"{ms / tFast.MedianMs:0}×";
                }
                double gflops = FlopModel.StepFlops(circuit, batch) / (tFast.MedianMs * 1e6);
                Console.WriteLine($"| {n} | {batch} | {tFast} | {gflops:0.0} | {100 * gflops / machine.PeakGflops:0.0}% | {tSingle.MedianMs:0.###} ms | {tKernel.MedianMs:0.###} ms | {kernelRatio:0.00} | {tSimple.MedianMs:0.##} ms | {tSimple.MedianMs / tFast.MedianMs:0.0}× | {interp} | {interpRatio} | {Kib(fast.StateBatchBytes)} |");
            }
        }
        Console.WriteLine();
    }

    /// <summary>Reference interpreter (double, one thread): Gradients = forward storing states + readouts + adjoint backward, per sample.</summary>
    private static double InterpreterMs(QCircuitDsl.Compiler.Ir.IrCircuit ir, StepRunner<float> runner, int samples)
    {
        int pc = ir.ParameterCount;
        var upstream = Enumerable.Range(0, ir.ReadoutLength).Select(k => Math.Sin(k)).ToArray();
        var rows = Enumerable.Range(0, samples).Select(b => runner.Parameters.Skip(b * pc).Take(pc).Select(v => (double)v).ToArray()).ToArray();
        ReferenceInterpreter.Gradients(ir, rows[0], null, upstream); // JIT
        long start = Stopwatch.GetTimestamp();
        foreach (var row in rows) ReferenceInterpreter.Gradients(ir, row, null, upstream);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / samples;
    }

    private static void Projection(int[] features, MachineInfo machine)
    {
        const int inputs = 16 * 784;
        Console.WriteLine($"## amplitude_projection (strongly entangling, layers = 2), shared weights, {inputs:N0} inputs, float32, 2 threads");
        Console.WriteLine("Step = EncodeInputs + Forward + Readout (probs) + ReadoutBackward + Backward.");
        Console.WriteLine();
        Console.WriteLine("| features | n | per-sample (tiled) | unitary | unitary ÷ per-sample | straightforward | Auto picks | equiv. GFLOP/s (best) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (int f in features)
        {
            var (_, program) = CircuitLoader.Load("amplitude_projection", new Dictionary<string, long> { ["features"] = f, ["layers"] = 2 });
            var perSample = new QuantumCircuit(program) { Strategy = ExecutionStrategy.PerSample };
            var unitary = new QuantumCircuit(program) { Strategy = ExecutionStrategy.Unitary };
            var simple = new QuantumCircuit(program) { UseSimpleKernels = true };
            var tPer = StepTiming.Measure(new StepRunner<float>(perSample, inputs, shared: true).Step, seconds: 1.5);
            var tUni = StepTiming.Measure(new StepRunner<float>(unitary, inputs, shared: true).Step, seconds: 1.5);
            var tSimple = StepTiming.Once(new StepRunner<float>(simple, inputs, shared: true).Step, 2);
            var auto = new QuantumCircuit(program).ResolveStrategy<float>(ParameterLayout.Shared, inputs);
            double best = Math.Min(tPer.MedianMs, tUni.MedianMs);
            double gflops = FlopModel.StepFlops(perSample, inputs) / (best * 1e6);
            Console.WriteLine($"| {f} | {program.QubitCount} | {tPer} | {tUni} | {tUni.MedianMs / tPer.MedianMs:0.00} | {tSimple.MedianMs:0.#} ms | {auto} | {gflops:0.0} |");
        }
        Console.WriteLine();
    }

    public static string Kib(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MiB" : $"{bytes / 1024.0:0.#} KiB";

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
