using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Quantum;

/// <summary>
/// A circuit whose parameters are trained weights shared by every sample (TorchQuantum/PennyLane TorchLayer style).
/// The flat parameter vector is the Parameter "weight" [P] (so state dicts read "…quantum.weight"), initialised
/// uniformly in [0, 2π) from the given generator. Call <see cref="Forward(Tensor)"/> with amplitudes [B, L] for
/// circuits that declare an amplitude input, <see cref="Forward(int)"/> for circuits that start from |0…0⟩, or
/// <see cref="ForwardState"/> with explicit states. Outputs are the readouts [B, R].
/// </summary>
public sealed class QuantumLayer : Module<Tensor, Tensor>
{
    public QuantumLayer(QuantumCircuit circuit, DType dtype = DType.Float32, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (!dtype.IsFloatingPoint()) throw new ArgumentException($"QuantumLayer: dtype must be float32 or float64, got {dtype.Name()}", nameof(dtype));
        Circuit = circuit;
        Weight = RegisterParameter("weight", new Parameter(Torch.Empty([circuit.ParameterCount], dtype)))!;
        ResetParameters(generator);
    }

    public QuantumCircuit Circuit { get; }

    /// <summary>The circuit's flat parameter vector, in the circuit's declaration order.</summary>
    public Parameter Weight { get; }

    /// <summary>Readout values per sample (R).</summary>
    public int OutputSize => Circuit.ReadoutLength;

    /// <summary>Angles are 2π-periodic, so a uniform draw over one period is the unbiased starting point.</summary>
    public void ResetParameters(Generator? generator = null) => Init.Uniform_(Weight, 0, 2 * Math.PI, generator);

    /// <summary>Amplitude-encodes <paramref name="amplitudes"/> [B, L] and returns the readouts [B, R].</summary>
    public override Tensor Forward(Tensor amplitudes) => QuantumFunctional.Readout(Circuit, Weight, amplitudes);

    /// <summary>For circuits without an amplitude input: <paramref name="batchSize"/> identical runs from |0…0⟩.</summary>
    public Tensor Forward(int batchSize) => QuantumFunctional.Readout(Circuit, Weight, null, batchSize);

    /// <summary>Runs on states [B, 2^n, 2] (real, imaginary last).</summary>
    public Tensor ForwardState(Tensor state) => QuantumFunctional.ReadoutFromState(Circuit, Weight, state);

    public override string ExtraRepr() =>
        $"circuit={Circuit.Name}, qubits={Circuit.QubitCount}, parameters={Circuit.ParameterCount}, outputs={Circuit.ReadoutLength}";
}
