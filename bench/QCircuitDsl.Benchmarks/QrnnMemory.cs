using System.Diagnostics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// Memory of a QRNN sequence: T steps of sim14 forward keeping only each step's angles (T×B×P floats, the only
/// thing that grows with T), then backward by uncomputing (Backward restores each step's input state), so the
/// quantum part holds two state batches whatever T is. Reports bytes allocated during the run, the angle storage,
/// the process peak working set, and how far the uncomputed state drifted from |0…0⟩.
/// </summary>
public static class QrnnMemory
{
    public static void Run()
    {
        const int n = 10, batch = 200;
        var (_, program) = CircuitLoader.Load("sim14", new Dictionary<string, long> { ["n"] = n });
        var circuit = new QuantumCircuit(program);
        Console.WriteLine($"## Memory: sim14 n={n}, B={batch}, float32, forward T steps then backward by uncomputing");
        Console.WriteLine();
        Console.WriteLine("| T | angles kept | allocated during run | of which per step | peak working set | time | max |ψ − |0⟩| after backward |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (int steps in new[] { 28, 400 })
        {
            var rng = new Random(steps);
            int pc = circuit.ParameterCount;
            var angles = new float[steps][];
            for (int t = 0; t < steps; t++) angles[t] = Enumerable.Range(0, batch * pc).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            var states = circuit.CreateStates<float>(batch);
            var adjoint = circuit.CreateStates<float>(batch);
            var readouts = new float[batch * circuit.ReadoutLength];
            var upstream = Enumerable.Range(0, readouts.Length).Select(k => (float)Math.Sin(k)).ToArray();
            var gradient = new float[batch * pc];
            RunSequence(circuit, states, adjoint, angles, readouts, upstream, gradient, 2); // warm-up (JIT, pools)
            states.SetBasisState(0);
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            RunSequence(circuit, states, adjoint, angles, readouts, upstream, gradient, steps);
            sw.Stop();
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            double drift = 0;
            for (int i = 0; i < states.Real.Length; i++)
            {
                double target = i % states.Dimension == 0 ? 1 : 0;
                drift = Math.Max(drift, Math.Abs(states.Real[i] - target) + Math.Abs(states.Imag[i]));
            }
            long angleBytes = (long)steps * batch * pc * sizeof(float);
            Console.WriteLine($"| {steps} | {CircuitBenchmark.Kib(angleBytes)} | {CircuitBenchmark.Kib(allocated)} | {allocated / (2.0 * steps):0} B | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB | {sw.Elapsed.TotalMilliseconds:0} ms | {drift:E1} |");
        }
        Console.WriteLine();
        Console.WriteLine("State batches (states + adjoints, independent of T): " + CircuitBenchmark.Kib(2L * 2 * batch * (1 << n) * sizeof(float)));
        Console.WriteLine();
    }

    /// <summary>Forward T steps from |0⟩ (readouts each step), then backward T steps feeding each step's readout gradient.</summary>
    private static void RunSequence(QuantumCircuit c, StateBatch<float> states, StateBatch<float> adjoint, float[][] angles, float[] readouts,
        float[] upstream, float[] gradient, int steps)
    {
        states.SetBasisState(0);
        for (int t = 0; t < steps; t++)
        {
            c.Forward<float>(states, angles[t], ParameterLayout.PerSample);
            c.Readout<float>(states, readouts);
        }
        adjoint.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            // The last step's readout gradient seeds the adjoint; Backward carries it (and uncomputes ψ) step by step.
            if (t == steps - 1) c.ReadoutBackward<float>(states, upstream, adjoint);
            c.Backward<float>(states, adjoint, angles[t], ParameterLayout.PerSample, gradient);
        }
    }
}
