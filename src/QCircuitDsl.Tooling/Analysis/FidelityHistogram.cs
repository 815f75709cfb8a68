namespace QCircuitDsl.Tooling.Analysis;

/// <summary>Counts of fidelities in equal bins of [0, 1], and their KL divergence from the Haar distribution.</summary>
public sealed class FidelityHistogram
{
    private readonly long[] _counts;

    public FidelityHistogram(int bins)
    {
        if (bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "expected at least one bin");
        }

        _counts = new long[bins];
    }

    public int Bins => _counts.Length;
    public long Total { get; private set; }
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>Bin j holds [j/bins, (j+1)/bins); F = 1 (and rounding just above it) goes in the last bin.</summary>
    public void Add(double fidelity)
    {
        int bin = (int)(fidelity * _counts.Length);
        _counts[Math.Clamp(bin, 0, _counts.Length - 1)]++;
        Total++;
    }

    /// <summary>
    /// Σ_j P_j ln(P_j / P_Haar,j) over the bins with P_j &gt; 0, natural log. Terms are summed in bin
    /// order so the value is a pure function of the counts.
    /// </summary>
    public double KlDivergenceFromHaar(int qubits)
    {
        if (Total == 0)
        {
            throw new InvalidOperationException("the histogram is empty");
        }

        double kl = 0;
        for (int j = 0; j < _counts.Length; j++)
        {
            if (_counts[j] == 0)
            {
                continue;
            }

            double p = (double)_counts[j] / Total;
            kl += p * (Math.Log(p) - HaarFidelity.LogBinMass(qubits, _counts.Length, j));
        }

        return kl;
    }
}
