using QCircuitDsl.Tooling.Analysis;

namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary>The building blocks of the analysis: Haar bin masses, the histogram, Meyer–Wallach Q, the generator.</summary>
public class AnalysisPrimitiveTests
{
    [Theory]
    [InlineData(1, 75)]
    [InlineData(2, 75)]
    [InlineData(4, 75)]
    [InlineData(4, 10)]
    [InlineData(8, 75)]
    [InlineData(12, 75)]
    [InlineData(4, 1)]
    public void Haar_bin_masses_sum_to_one(int qubits, int bins)
    {
        var masses = HaarFidelity.BinMasses(qubits, bins);
        Assert.Equal(bins, masses.Length);
        Assert.All(masses, m => Assert.True(m >= 0));
        Assert.True(Math.Abs(masses.Sum() - 1) < 1e-12, masses.Sum().ToString("R"));
    }

    [Fact]
    public void Haar_bin_mass_is_the_exact_integral_of_the_density()
    {
        // N = 16: mass of [a, b] = (1−a)^15 − (1−b)^15; check two bins against the closed form directly.
        Assert.Equal(1 - Math.Pow(74.0 / 75, 15), HaarFidelity.BinMasses(4, 75)[0], 14);
        double last = Math.Pow(1.0 / 75, 15);
        Assert.True(Math.Abs(Math.Exp(HaarFidelity.LogBinMass(4, 75, 74)) / last - 1) < 1e-12);
        // One qubit: N − 1 = 1, the fidelity is uniform.
        Assert.All(HaarFidelity.BinMasses(1, 75), m => Assert.Equal(1.0 / 75, m, 14));
    }

    [Fact]
    public void Fidelity_one_goes_in_the_last_bin_and_zero_in_the_first()
    {
        var h = new FidelityHistogram(75);
        h.Add(1.0);
        h.Add(1.0 + 1e-15);
        h.Add(0.0);
        h.Add(74.0 / 75);
        Assert.Equal(3, h.Counts[74]);
        Assert.Equal(1, h.Counts[0]);
        Assert.Equal(4, h.Total);
    }

    [Fact]
    public void Kl_divergence_of_a_histogram_equal_to_the_haar_masses_is_zero()
    {
        // One qubit: Haar fidelities are uniform, so one count per bin is exactly the Haar distribution.
        var h = new FidelityHistogram(75);
        for (int j = 0; j < 75; j++)
        {
            h.Add((j + 0.5) / 75);
        }

        Assert.True(Math.Abs(h.KlDivergenceFromHaar(1)) < 1e-12);
        // All mass in the last bin (a circuit without parameters): ln(1 / P_Haar,last) = −(N−1)·ln(1/75).
        var fixedState = new FidelityHistogram(75);
        fixedState.Add(1.0);
        Assert.Equal(15 * Math.Log(75), fixedState.KlDivergenceFromHaar(4), 10);
    }

    [Fact]
    public void Meyer_wallach_is_zero_for_a_product_state_and_one_for_ghz()
    {
        const int n = 4;
        var re = new double[1 << n];
        var im = new double[1 << n];
        // |+⟩^⊗4 with a phase per qubit: a product state.
        for (int i = 0; i < re.Length; i++)
        {
            double phase = 0.3 * System.Numerics.BitOperations.PopCount((uint)i);
            re[i] = Math.Cos(phase) / 4;
            im[i] = Math.Sin(phase) / 4;
        }

        Assert.True(Math.Abs(MeyerWallach.Q(re, im, n)) < 1e-14);

        Array.Clear(re);
        Array.Clear(im);
        re[0] = Math.Sqrt(0.5);
        im[^1] = Math.Sqrt(0.5);
        Assert.Equal(1.0, MeyerWallach.Q(re, im, n), 14);
    }

    [Fact]
    public void Meyer_wallach_of_a_bell_pair_and_a_spectator_is_two_thirds()
    {
        // (|00⟩ + |11⟩)/√2 ⊗ |0⟩: two maximally mixed qubits, one pure: Q = 2(1 − (½ + ½ + 1)/3) = 2/3.
        var re = new double[8];
        var im = new double[8];
        re[0b000] = Math.Sqrt(0.5);
        re[0b110] = Math.Sqrt(0.5);
        Assert.Equal(2.0 / 3, MeyerWallach.Q(re, im, 3), 14);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // First outputs of the reference C implementation (Vigna) for seed 1234567.
        var g = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, g.NextUInt64());
        Assert.Equal(3203168211198807973UL, g.NextUInt64());
        Assert.Equal(9817491932198370423UL, g.NextUInt64());
    }

    [Fact]
    public void Angles_are_in_zero_to_two_pi()
    {
        var g = new SplitMix64(1);
        var values = new double[100_000];
        g.FillAngles(values);
        Assert.All(values, v => Assert.InRange(v, 0, 2 * Math.PI - 1e-12));
        Assert.InRange(values.Average(), Math.PI - 0.03, Math.PI + 0.03);
    }
}
