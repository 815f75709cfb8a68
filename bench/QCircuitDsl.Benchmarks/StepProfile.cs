using QCircuitDsl.Quantum;

namespace QCircuitDsl.Benchmarks;

/// <summary>`circuits --profile`: where one sim14 step's time goes (each phase timed alone, 1 and 2 threads).</summary>
public static class StepProfile
{
    public static void Run(int n, int batch)
    {
        var (_, program) = CircuitLoader.Load("sim14", new Dictionary<string, long> { ["n"] = n });
        Console.WriteLine($"## Phase profile: sim14 n={n}, B={batch}, float32 (median ms)");
        Console.WriteLine();
        Console.WriteLine("| threads | Forward | Readout | ReadoutBackward | Backward | Forward (straightforward) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (int threads in new[] { 1, 2 })
        {
            var c = new QuantumCircuit(program) { MaxDegreeOfParallelism = threads };
            var simple = new QuantumCircuit(program) { MaxDegreeOfParallelism = threads, UseSimpleKernels = true };
            var rng = new Random(1);
            var p = Enumerable.Range(0, batch * c.ParameterCount).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
            var s = c.CreateStates<float>(batch);
            var g = c.CreateStates<float>(batch);
            var r = new float[batch * c.ReadoutLength];
            var u = r.Select((_, k) => (float)Math.Sin(k)).ToArray();
            var grad = new float[p.Length];
            c.Forward<float>(s, p, ParameterLayout.PerSample);
            var f = StepTiming.Measure(() => c.Forward<float>(s, p, ParameterLayout.PerSample), 0.5);
            var ro = StepTiming.Measure(() => c.Readout<float>(s, r), 0.5);
            var rb = StepTiming.Measure(() => c.ReadoutBackward<float>(s, u, g), 0.5);
            // Backward then Forward restores the state, so the pair can be timed repeatedly; subtract Forward.
            var fb = StepTiming.Measure(() => { c.Backward<float>(s, g, p, ParameterLayout.PerSample, grad); c.Forward<float>(s, p, ParameterLayout.PerSample); }, 0.5);
            var sf = StepTiming.Measure(() => simple.Forward<float>(s, p, ParameterLayout.PerSample), 0.5, minReps: 3);
            Console.WriteLine($"| {threads} | {f.MedianMs:0.###} | {ro.MedianMs:0.###} | {rb.MedianMs:0.###} | {fb.MedianMs - f.MedianMs:0.###} | {sf.MedianMs:0.###} |");
        }
        Console.WriteLine();
    }
}
