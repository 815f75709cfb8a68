using System.Numerics;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Cli.Tests.Qasm;

/// <summary>Compiling, lowering and simulating .qc text with the reference interpreter, for the QASM tests.</summary>
internal static class QasmTestSupport
{
    public const double Tolerance = 1e-10;

    public static QcCompilation CompileExamples() =>
        QcCompilation.Create(Directory.GetFiles(Cli.ExamplesDirectory, "*.qc").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new SourceFile(f, File.ReadAllText(f))));

    public static IrCircuit Lower(string qc, string name, IReadOnlyDictionary<string, long>? args = null) =>
        Lower(QcCompilation.Create(name + ".qc", qc), name, args, qc);

    public static IrCircuit Lower(QcCompilation compilation, string name, IReadOnlyDictionary<string, long>? args = null, string? text = null)
    {
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics) + "\n" + text);
        var lowered = compilation.Lower(name, args);
        Assert.True(lowered.Success, string.Join("\n", lowered.Diagnostics) + "\n" + text);
        return lowered.Circuit!;
    }

    /// <summary>Random angles in [-π, π) for every parameter array, by name.</summary>
    public static Dictionary<string, double[]> RandomParameters(IrCircuit circuit, int seed)
    {
        var random = new Random(seed);
        return circuit.ParameterArrays.ToDictionary(a => a.Name, a => Enumerable.Range(0, a.Size).Select(_ => (random.NextDouble() * 2 - 1) * Math.PI).ToArray());
    }

    public static Complex[] State(IrCircuit circuit, IReadOnlyDictionary<string, double[]> parameters) =>
        ReferenceInterpreter.Run(circuit, Simulator.FlattenParameters(circuit, parameters));

    public static void AssertSameState(Complex[] expected, Complex[] actual, string context)
    {
        Assert.True(expected.Length == actual.Length, $"{context}: {expected.Length} vs {actual.Length} amplitudes");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Complex.Abs(expected[i] - actual[i]) <= Tolerance, $"{context}: amplitude {i} is {actual[i]}, expected {expected[i]}");
        }
    }
}
