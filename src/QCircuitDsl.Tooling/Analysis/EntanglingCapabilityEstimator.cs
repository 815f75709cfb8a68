using QCircuitDsl.Quantum;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>Entangling capability (Sim et al. 2019): the mean Meyer–Wallach Q over random parameter vectors.</summary>
public static class EntanglingCapabilityEstimator
{
    public static double Sample(QuantumCircuit circuit, int samples, SplitMix64 random, AnalysisProgress? progress = null)
    {
        var states = new RandomStates(circuit);
        int p = states.ParameterCount, n = states.Qubits, batch = states.BatchSize(samples);
        var theta = new double[batch * p];
        var q = new double[batch];
        double sum = 0;
        for (int done = 0; done < samples; done += batch)
        {
            int count = Math.Min(batch, samples - done);
            for (int k = 0; k < count; k++)
            {
                random.FillAngles(theta.AsSpan(k * p, p));
            }

            var prepared = states.Prepare(theta.AsSpan(0, count * p), count);
            Parallel.For(0, count, k => q[k] = MeyerWallach.Q(prepared.RealOf(k), prepared.ImagOf(k), n));
            // Summed in sample order, so the mean does not depend on thread scheduling.
            for (int k = 0; k < count; k++)
            {
                sum += q[k];
            }

            progress?.Invoke("entangling capability", done + count, samples);
        }

        return sum / samples;
    }
}
