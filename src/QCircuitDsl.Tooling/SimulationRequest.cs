namespace QCircuitDsl.Tooling;

/// <summary>Which engine runs a simulation: the runtime engine generated classes use, or the reference interpreter.</summary>
public enum SimulationEngine
{
    Runtime,
    Interpreter,
}

/// <summary>What <c>qcdsl simulate</c> computes: from |0…0⟩ or an amplitude-encoded input, with optional upstream weights for gradients.</summary>
public sealed record SimulationRequest(
    IReadOnlyDictionary<string, double[]> Parameters,
    double[]? Input,
    double[]? Upstream,
    SimulationEngine Engine = SimulationEngine.Runtime);

/// <summary>The result, in the documented JSON shape.</summary>
public sealed record SimulationResult(
    int Qubits,
    double[] AmplitudesReal,
    double[] AmplitudesImag,
    double[] Readouts,
    IReadOnlyDictionary<string, double[]>? Gradients,
    double[]? InputGradient);
