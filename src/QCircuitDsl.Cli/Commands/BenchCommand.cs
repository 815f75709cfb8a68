using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QCircuitDsl.Quantum;
using QCircuitDsl.Quantum.Engine;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl bench FILE --circuit NAME --arg n=10 --batch 200 [--steps K] [--shared] [--double] [--json]</c>: times one
/// training step (prepare states, Forward, Readout, ReadoutBackward, adjoint Backward) of the runtime engine with random
/// parameters (per sample unless --shared) and random amplitude inputs when the circuit encodes one. After a
/// warm-up the step is repeated K times; prints median, min/max and IQR in ms, GFLOP/s by the engine's flop model
/// (documented in docs/benchmarks.md) and the bytes of one state batch.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string[]>("files") { Description = "The .qc file(s); the circuit may call circuits of the other files.", Arity = ArgumentArity.OneOrMore };
        var circuit = new Option<string>("--circuit", "-c") { Description = "The circuit to time.", Required = true };
        var args = new Option<string[]>("--arg", "-a") { Description = "An integer argument, name=value; repeatable." };
        var batch = new Option<int>("--batch", "-b") { Description = "Samples per step.", DefaultValueFactory = _ => 200 };
        var steps = new Option<int>("--steps", "-k") { Description = "Timed repetitions after the warm-up.", DefaultValueFactory = _ => 20 };
        var shared = new Option<bool>("--shared") { Description = "One parameter vector for the whole batch (default: per-sample parameters)." };
        var precision = new Option<bool>("--double") { Description = "Run in double precision (default float32)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("bench", "Time one forward + readout + adjoint backward step of a circuit.") { file, circuit, args, batch, steps, shared, precision, json };
        command.SetAction(result =>
        {
            var compilation = SourceLoader.Compile(result.GetValue(file)!);
            if (SourceLoader.Print(compilation, error, verbose: false) > 0) return 1;
            var name = result.GetValue(circuit)!;
            if (compilation.GetCircuit(name) is null)
                throw new CliException($"no circuit named '{name}'; the files declare: {string.Join(", ", compilation.Circuits.Select(c => c.Name))}");
            var lowered = compilation.Lower(name, SourceLoader.ParseArguments(result.GetValue(args)));
            if (!lowered.Success)
            {
                foreach (var d in lowered.Diagnostics) error.WriteLine(d.ToString());
                return 1;
            }
            int b = result.GetValue(batch), k = result.GetValue(steps);
            if (b < 1) throw new CliException($"--batch {b}; expected at least 1");
            if (k < 1) throw new CliException($"--steps {k}; expected at least 1");
            var engine = new QuantumCircuit(IrProgramConverter.ToProgram(lowered.Circuit!));
            bool isShared = result.GetValue(shared);
            var report = result.GetValue(precision) ? Measure<double>(engine, b, k, isShared) : Measure<float>(engine, b, k, isShared);
            output.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) : report.Summary());
            return 0;
        });
        return command;
    }

    private static BenchReport Measure<T>(QuantumCircuit engine, int batch, int steps, bool shared) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var runner = new StepRunner<T>(engine, batch, shared);
        var warm = Stopwatch.StartNew();
        int warmSteps = 0;
        while (warmSteps < 3 || (warm.Elapsed.TotalSeconds < 0.5 && warmSteps < 1000)) { runner.Step(); warmSteps++; }
        var ms = new double[steps];
        for (int s = 0; s < steps; s++)
        {
            long start = Stopwatch.GetTimestamp();
            runner.Step();
            ms[s] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(ms);
        double Q(double q) => ms[(int)Math.Round(q * (steps - 1))];
        double flops = FlopModel.StepFlops(engine, batch);
        return new BenchReport(engine.Name, engine.QubitCount, batch, typeof(T) == typeof(float) ? "float32" : "float64",
            shared ? "shared" : "per-sample", engine.ResolveStrategy<T>(runner.Layout, batch).ToString(), engine.MaxDegreeOfParallelism, steps,
            Q(0.5), ms[0], ms[^1], Q(0.25), Q(0.75), flops / (Q(0.5) * 1e6), flops, runner.StateBatchBytes);
    }

    internal sealed record BenchReport(string Circuit, int Qubits, int Batch, string Precision, string Parameters, string Strategy, int Threads,
        int Steps, double MedianMs, double MinMs, double MaxMs, double Q1Ms, double Q3Ms, double Gflops, double FlopsPerStep, long StateBatchBytes)
    {
        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"{Circuit}: {Qubits} qubits, batch {Batch}, {Precision}, {Parameters} parameters ({Strategy}), {Threads} threads\n" +
            $"step (forward + readout + readout backward + backward), {Steps} runs: median {MedianMs:0.###} ms, min {MinMs:0.###}, max {MaxMs:0.###}, IQR [{Q1Ms:0.###}, {Q3Ms:0.###}] ms\n" +
            $"{Gflops:0.0} GFLOP/s ({FlopsPerStep / 1e6:0.0} MFLOP per step, flop model in docs/benchmarks.md); state batch {StateBatchBytes} bytes (states and adjoints: 2×)");
    }
}
