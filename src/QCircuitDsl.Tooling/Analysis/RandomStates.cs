using QCircuitDsl.Quantum;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>
/// Prepares |ψ(θ)⟩ = U(θ)|0…0⟩ for batches of random parameter vectors on the runtime engine (PerSample
/// parameters, double precision). Batches only bound memory: the draws are made in a fixed order,
/// vector by vector, so the results do not depend on the batch size.
/// </summary>
internal sealed class RandomStates
{
    // 2^20 amplitudes per batch: 16 MB of doubles for the real and imaginary parts together.
    private const int MaxAmplitudesPerBatch = 1 << 20;

    private readonly QuantumCircuit _circuit;

    public RandomStates(QuantumCircuit circuit)
    {
        if (circuit.InputLength > 0)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' has an amplitude input; expressibility and entangling capability are defined for U(θ)|0…0⟩ only");
        }

        _circuit = circuit;
    }

    public int Qubits => _circuit.QubitCount;
    public int ParameterCount => _circuit.ParameterCount;

    /// <summary>A batch size that bounds memory and still gives about 20 progress steps for <paramref name="total"/> items.</summary>
    public int BatchSize(int total)
    {
        int byMemory = Math.Max(1, MaxAmplitudesPerBatch >> Qubits);
        int forProgress = Math.Max(64, (total + 19) / 20);
        return Math.Max(1, Math.Min(Math.Min(byMemory, forProgress), total));
    }

    /// <summary>Runs the circuit from |0…0⟩ with one row of <paramref name="parameters"/> (count × P) per state.</summary>
    public StateBatch<double> Prepare(ReadOnlySpan<double> parameters, int count)
    {
        var states = _circuit.CreateStates<double>(count);
        _circuit.Forward(states, parameters, ParameterLayout.PerSample);
        return states;
    }
}
