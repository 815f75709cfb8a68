namespace QCircuitDsl.Tooling.Analysis;

/// <summary>
/// The Meyer–Wallach entanglement measure Q(ψ) = 2·(1 − (1/n) Σ_k Tr ρ_k²), ρ_k the reduced state of
/// qubit k. It is 0 exactly for product states and 1 for GHZ states; it equals the (4/n) Σ_k D(ι_k(0)ψ, ι_k(1)ψ)
/// form Sim et al. write.
/// </summary>
public static class MeyerWallach
{
    /// <summary>Q of one normalised state in split layout (qubit 0 the most significant bit).</summary>
    public static double Q(ReadOnlySpan<double> real, ReadOnlySpan<double> imag, int qubits)
    {
        int dimension = 1 << qubits;
        if (real.Length != dimension || imag.Length != dimension)
        {
            throw new ArgumentException($"expected {dimension} amplitudes for {qubits} qubits, got {real.Length} and {imag.Length}");
        }

        double puritySum = 0;
        for (int k = 0; k < qubits; k++)
        {
            int bit = 1 << (qubits - 1 - k);
            // ρ_k = [[p0, c], [c*, p1]] with c = Σ ψ(…0…) conj(ψ(…1…)); Tr ρ² = p0² + p1² + 2|c|².
            double p0 = 0, p1 = 0, cRe = 0, cIm = 0;
            for (int i = 0; i < dimension; i++)
            {
                if ((i & bit) != 0)
                {
                    continue;
                }

                int j = i | bit;
                double ar = real[i], ai = imag[i], br = real[j], bi = imag[j];
                p0 += ar * ar + ai * ai;
                p1 += br * br + bi * bi;
                cRe += ar * br + ai * bi;
                cIm += ai * br - ar * bi;
            }

            puritySum += p0 * p0 + p1 * p1 + 2 * (cRe * cRe + cIm * cIm);
        }

        return 2 * (1 - puritySum / qubits);
    }
}
