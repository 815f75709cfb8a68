using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling.Analysis;

namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary>The exact properties of Expr and Ent that the reference lists (Sim et al. 2019 protocol).</summary>
public class AnalysisInvariantTests
{
    private static readonly AnalysisOptions Default = new();

    internal static IrCircuit Lower(string source, string name, params (string Key, long Value)[] args)
    {
        var compilation = QcCompilation.Create(new[] { new SourceFile(name + ".qc", source) });
        var lowered = compilation.Lower(name, args.ToDictionary(a => a.Key, a => a.Value));
        Assert.True(lowered.Success, string.Join("\n", lowered.Diagnostics));
        return lowered.Circuit!;
    }

    internal static IrCircuit Example(string name, params (string Key, long Value)[] args) =>
        Lower(File.ReadAllText(Cli.Example(name + ".qc")), name, args);

    [Fact]
    public void Circuit_2_has_the_expressibility_of_circuit_1_for_the_same_draws()
    {
        // A fixed CNOT ladder after the rotations permutes both states alike, so every fidelity is the same.
        var one = CircuitAnalyzer.Analyze(Example("sim01"), Default);
        var two = CircuitAnalyzer.Analyze(Example("sim02"), Default);
        Assert.Equal(one.Fidelities.Counts, two.Fidelities.Counts);
        Assert.Equal(one.Expressibility, two.Expressibility);
        Assert.NotEqual(one.EntanglingCapability, two.EntanglingCapability);
    }

    [Fact]
    public void Circuit_1_does_not_entangle()
    {
        var report = CircuitAnalyzer.Analyze(Example("sim01"), Default);
        Assert.True(Math.Abs(report.EntanglingCapability) < 1e-12, report.EntanglingCapability.ToString("R"));
    }

    [Fact]
    public void Circuit_9_with_one_layer_is_maximally_entangling_for_every_theta()
    {
        // H on every qubit and a CZ ladder make a cluster state; the final RX layer is local, so Q = 1 always.
        var report = CircuitAnalyzer.Analyze(Example("sim09"), Default);
        Assert.True(Math.Abs(report.EntanglingCapability - 1) < 1e-9, report.EntanglingCapability.ToString("R"));
    }

    [Fact]
    public void Haar_like_circuit_reaches_the_expressibility_floor_and_the_haar_entanglement()
    {
        var haar = CircuitAnalyzer.Analyze(Lower(AuthoringCircuits.HaarLike, "haar_like"), Default);
        var sim01 = CircuitAnalyzer.Analyze(Example("sim01"), Default);
        // The estimator's floor at 5000 pairs and 75 bins is about 0.004 for Haar states (the reference);
        // this one gives 0.0032 at seed 1 (0.0027-0.0036 over seeds 1-3); circuit 14 (L = 1) gives 0.011, circuit 1 0.29.
        Assert.True(haar.Expressibility < 0.008, haar.Expressibility.ToString("R"));
        Assert.True(sim01.Expressibility > 20 * haar.Expressibility);
        // The Haar average of Q at n = 4 is 14/17 ≈ 0.8235.
        Assert.True(Math.Abs(haar.EntanglingCapability - 14.0 / 17) < 0.01, haar.EntanglingCapability.ToString("R"));
    }

    [Fact]
    public void Real_amplitude_circuits_plateau_above_the_floor()
    {
        // Circuits 10 and 15 keep amplitudes real; the reference gives Expr ≈ 0.12–0.14 for them.
        foreach (var name in new[] { "sim10", "sim15" })
        {
            var report = CircuitAnalyzer.Analyze(Example(name, ("layers", 3)), Default);
            Assert.InRange(report.Expressibility, 0.10, 0.16);
        }
    }

    [Fact]
    public void Same_seed_same_numbers_other_seed_other_numbers()
    {
        var circuit = Example("sim14");
        var a = CircuitAnalyzer.Analyze(circuit, Default with { Samples = 1000 });
        var b = CircuitAnalyzer.Analyze(circuit, Default with { Samples = 1000 });
        var c = CircuitAnalyzer.Analyze(circuit, Default with { Samples = 1000, Seed = 2 });
        Assert.Equal(a.Expressibility, b.Expressibility);
        Assert.Equal(a.EntanglingCapability, b.EntanglingCapability);
        Assert.Equal(a.Fidelities.Counts, b.Fidelities.Counts);
        Assert.NotEqual(a.Expressibility, c.Expressibility);
        Assert.NotEqual(a.EntanglingCapability, c.EntanglingCapability);
    }

    [Fact]
    public void Amplitude_input_circuit_is_rejected()
    {
        var source = File.ReadAllText(Cli.Example("amplitude_projection.qc")) + File.ReadAllText(Cli.Example("strongly_entangling.qc"));
        var circuit = Lower(source, "amplitude_projection");
        var e = Assert.Throws<ArgumentException>(() => CircuitAnalyzer.Analyze(circuit, Default));
        Assert.Contains("amplitude input", e.Message);
    }
}
