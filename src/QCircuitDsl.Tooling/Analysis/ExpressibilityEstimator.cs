using QCircuitDsl.Quantum;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>
/// Expressibility (Sim et al. 2019): the KL divergence of the distribution of F = |⟨ψ(θ)|ψ(φ)⟩|² over
/// random pairs from the Haar distribution. Pair k draws θ_k then φ_k from the generator, each a full
/// parameter vector in flat-index order.
/// </summary>
public static class ExpressibilityEstimator
{
    public static FidelityHistogram Sample(QuantumCircuit circuit, int pairs, int bins, SplitMix64 random, AnalysisProgress? progress = null)
    {
        var states = new RandomStates(circuit);
        var histogram = new FidelityHistogram(bins);
        int p = states.ParameterCount, batch = states.BatchSize(pairs);
        var theta = new double[batch * p];
        var phi = new double[batch * p];
        var fidelities = new double[batch];
        for (int done = 0; done < pairs; done += batch)
        {
            int count = Math.Min(batch, pairs - done);
            for (int k = 0; k < count; k++)
            {
                random.FillAngles(theta.AsSpan(k * p, p));
                random.FillAngles(phi.AsSpan(k * p, p));
            }

            var left = states.Prepare(theta.AsSpan(0, count * p), count);
            var right = states.Prepare(phi.AsSpan(0, count * p), count);
            Parallel.For(0, count, k => fidelities[k] = Fidelity(left, right, k));
            for (int k = 0; k < count; k++)
            {
                histogram.Add(fidelities[k]);
            }

            progress?.Invoke("expressibility", done + count, pairs);
        }

        return histogram;
    }

    /// <summary>|⟨a_k|b_k⟩|² for sample k of two batches.</summary>
    public static double Fidelity(StateBatch<double> a, StateBatch<double> b, int k)
    {
        var ar = a.RealOf(k);
        var ai = a.ImagOf(k);
        var br = b.RealOf(k);
        var bi = b.ImagOf(k);
        double re = 0, im = 0;
        for (int i = 0; i < ar.Length; i++)
        {
            // conj(a)·b
            re += ar[i] * br[i] + ai[i] * bi[i];
            im += ar[i] * bi[i] - ai[i] * br[i];
        }

        return re * re + im * im;
    }
}
