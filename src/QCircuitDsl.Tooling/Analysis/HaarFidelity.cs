namespace QCircuitDsl.Tooling.Analysis;

/// <summary>
/// The fidelity distribution of Haar-random pairs of N = 2^n dimensional states,
/// P(F) = (N−1)(1−F)^(N−2), integrated exactly over equal bins of [0, 1]: the mass of [a, b] is
/// (1−a)^(N−1) − (1−b)^(N−1). Using the pdf at bin centres instead biases Expr by about 0.0015.
/// </summary>
public static class HaarFidelity
{
    /// <summary>The mass of each of <paramref name="bins"/> equal bins; they sum to 1.</summary>
    public static double[] BinMasses(int qubits, int bins) =>
        Enumerable.Range(0, bins).Select(j => Math.Exp(LogBinMass(qubits, bins, j))).ToArray();

    /// <summary>
    /// ln of bin <paramref name="bin"/>'s mass, as (N−1)·ln(1−a) + ln(1 − ((1−b)/(1−a))^(N−1)). The log
    /// form stays finite where the mass itself underflows (the last bins once n ≥ 8), so the KL
    /// divergence is not made infinite by rounding.
    /// </summary>
    public static double LogBinMass(int qubits, int bins, int bin)
    {
        if (qubits < 1 || qubits > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "expected 1 to 62 qubits");
        }

        if (bins < 1 || bin < 0 || bin >= bins)
        {
            throw new ArgumentOutOfRangeException(nameof(bin), bin, $"bin {bin} of {bins}");
        }

        double exponent = Math.Pow(2, qubits) - 1;
        double u = 1 - (double)bin / bins;           // 1 − a
        double v = 1 - (double)(bin + 1) / bins;     // 1 − b, exactly 0 for the last bin
        return exponent * Math.Log(u) + Math.Log(1 - Math.Pow(v / u, exponent));
    }
}
