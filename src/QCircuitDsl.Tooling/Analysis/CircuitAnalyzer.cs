using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>The full analysis of one circuit: structure before and after the compiler's passes, Expr and Ent.</summary>
public sealed record AnalysisReport(
    IrCircuit Circuit,
    GateStatistics AsWritten,
    GateStatistics Optimized,
    AnalysisOptions Options,
    FidelityHistogram Fidelities,
    double Expressibility,
    double EntanglingCapability);

public static class CircuitAnalyzer
{
    /// <summary>
    /// Analyses <paramref name="circuit"/>. One generator seeded with <see cref="AnalysisOptions.Seed"/> supplies,
    /// in this order, the expressibility pairs and then the entangling-capability samples, so each number is
    /// a pure function of (circuit, samples, bins, seed). States are prepared from the optimized circuit:
    /// the passes keep the unitary and the flat parameter vector, and fewer gates run faster.
    /// </summary>
    public static AnalysisReport Analyze(IrCircuit circuit, AnalysisOptions options, AnalysisProgress? progress = null)
    {
        options.Validate();
        if (circuit.Input is not null)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' has an amplitude input ('{circuit.Input.Name}'); expressibility and entangling capability are defined for U(θ)|0…0⟩ only");
        }

        var optimized = PassPipeline.Optimize(circuit);
        var engine = new QuantumCircuit(IrProgramConverter.ToProgram(optimized));
        var random = new SplitMix64(options.Seed);
        var histogram = ExpressibilityEstimator.Sample(engine, options.Samples, options.Bins, random, progress);
        double ent = EntanglingCapabilityEstimator.Sample(engine, options.Samples, random, progress);
        return new AnalysisReport(
            circuit,
            GateStatistics.Of(circuit),
            GateStatistics.Of(optimized),
            options,
            histogram,
            histogram.KlDivergenceFromHaar(circuit.QubitCount),
            ent);
    }
}
