using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Engines.Tests;

/// <summary>A generated class at some arguments, paired with the same circuit lowered by the compiler.</summary>
public sealed record CircuitCase(string Name, Func<QuantumCircuit> Create, string Circuit, IReadOnlyDictionary<string, long> Arguments)
{
    public override string ToString() => Arguments.Count == 0 ? Name : Name + "(" + string.Join(", ", Arguments.Select(a => a.Key + "=" + a.Value)) + ")";

    public IrCircuit Lower()
    {
        var result = CircuitCases.Compilation.Lower(Circuit, Arguments);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Circuit!;
    }
}

public static class CircuitCases
{
    private static readonly Dictionary<string, long> None = new();

    /// <summary>The example circuits plus this project's construction checks, compiled by the compiler itself.</summary>
    public static QcCompilation Compilation { get; } = QcCompilation.Create(
        Directory.GetFiles(RepositoryPaths.ExampleCircuits, "*.qc")
            .Concat(new[] { "construction_checks.qc", "specializations.qc" }.Select(f => Path.Combine(RepositoryPaths.Root, "tests", "QCircuitDsl.Engines.Tests", "Circuits", f)))
            .Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f))));

    public static IReadOnlyList<CircuitCase> All { get; } = new List<CircuitCase>
    {
        new("bell", () => new Bell(), "bell", None),
        new("sim01", () => new Sim01(), "sim01", None),
        new("sim02", () => new Sim02(), "sim02", None),
        new("sim03", () => new Sim03(), "sim03", None),
        new("sim04", () => new Sim04(), "sim04", None),
        new("sim05", () => new Sim05(), "sim05", None),
        new("sim06", () => new Sim06(), "sim06", None),
        new("sim07", () => new Sim07(), "sim07", None),
        new("sim08", () => new Sim08(), "sim08", None),
        new("sim09", () => new Sim09(), "sim09", None),
        new("sim10", () => new Sim10(), "sim10", None),
        new("sim11", () => new Sim11(), "sim11", None),
        new("sim12", () => new Sim12(), "sim12", None),
        new("sim13", () => new Sim13(), "sim13", None),
        new("sim14", () => new Sim14(), "sim14", None),
        new("sim14", () => new Sim14(n: 6, layers: 2), "sim14", new Dictionary<string, long> { ["n"] = 6, ["layers"] = 2 }),
        new("sim14", () => new Sim14(n: 6), "sim14", new Dictionary<string, long> { ["n"] = 6 }),
        new("sim14", () => new Sim14(n: 10), "sim14", new Dictionary<string, long> { ["n"] = 10 }),
        new("sim15", () => new Sim15(), "sim15", None),
        new("sim16", () => new Sim16(), "sim16", None),
        new("sim17", () => new Sim17(), "sim17", None),
        new("sim18", () => new Sim18(), "sim18", None),
        new("sim19", () => new Sim19(), "sim19", None),
        new("sim19", () => new Sim19(n: 5, layers: 3), "sim19", new Dictionary<string, long> { ["n"] = 5, ["layers"] = 3 }),
        new("strongly_entangling", () => new StronglyEntangling(), "strongly_entangling", None),
        new("basic_entangler", () => new BasicEntangler(), "basic_entangler", None),
        new("amplitude_projection", () => new AmplitudeProjection(), "amplitude_projection", None),
        new("amplitude_projection", () => new AmplitudeProjection(features: 20, layers: 1), "amplitude_projection", new Dictionary<string, long> { ["features"] = 20, ["layers"] = 1 }),
        new("ladder", () => new Ladder(4), "ladder", new Dictionary<string, long> { ["n"] = 4 }),
        new("mixed", () => new Mixed(4), "mixed", new Dictionary<string, long> { ["n"] = 4 }),
        new("mixed", () => new Mixed(5, 1), "mixed", new Dictionary<string, long> { ["n"] = 5, ["reps"] = 1 }),
        new("kernel_mix", () => new KernelMix(), "kernel_mix", None),
        new("kernel_mix", () => new KernelMix(4), "kernel_mix", new Dictionary<string, long> { ["n"] = 4 }),
        new("kernel_mix", () => new KernelMix(7), "kernel_mix", new Dictionary<string, long> { ["n"] = 7 }),
    };

    public static IEnumerable<object[]> Data() => All.Select((c, i) => new object[] { i, c.ToString() });
}
