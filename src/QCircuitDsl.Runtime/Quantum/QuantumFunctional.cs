using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Quantum;

/// <summary>
/// Differentiable circuit calls on tensors. The parameter tensor's rank picks the layout: [P] is one weight vector
/// shared by every sample (gradient summed over the batch), [B, P] gives each sample its own parameters (e.g. angles
/// produced by a classical layer). The result is the circuit's readout vector per sample, [B, R], in the order the
/// circuit declares its readouts (expval each, Pauli strings, probabilities, state).
/// Float32 and float64 are supported; all tensors of one call must share the dtype.
/// </summary>
public static class QuantumFunctional
{
    /// <summary>
    /// Runs <paramref name="circuit"/> on |0…0⟩ or, when the circuit declares an amplitude input, on the encoded
    /// <paramref name="amplitudes"/> [B, L]. With shared parameters and no amplitudes, <paramref name="batchSize"/>
    /// sets B (default 1). Gradients flow to <paramref name="parameters"/> and <paramref name="amplitudes"/>.
    /// </summary>
    public static Tensor Readout(QuantumCircuit circuit, Tensor parameters, Tensor? amplitudes = null, int? batchSize = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(parameters);
        if (circuit.InputLength > 0 && amplitudes is null)
            throw new ArgumentException($"circuit '{circuit.Name}' declares an amplitude input of length {circuit.InputLength}; expected amplitudes of shape [B, {circuit.InputLength}].", nameof(amplitudes));
        if (circuit.InputLength == 0 && amplitudes is not null)
            throw new ArgumentException($"circuit '{circuit.Name}' has no amplitude input; expected amplitudes to be null.", nameof(amplitudes));
        int? inputBatch = null;
        if (amplitudes is not null)
        {
            CheckFloat(amplitudes, parameters, nameof(amplitudes));
            if (amplitudes.Dim != 2 || amplitudes.Size(1) != circuit.InputLength)
                throw new ArgumentException($"amplitudes have shape {Format(amplitudes)}; expected [B, {circuit.InputLength}] for circuit '{circuit.Name}'.", nameof(amplitudes));
            inputBatch = amplitudes.Size(0);
        }
        var (layout, batch) = Resolve(circuit, parameters, inputBatch, batchSize);
        var kind = amplitudes is null ? QuantumInputKind.ZeroState : QuantumInputKind.Amplitudes;
        var function = new QuantumCircuitFunction(circuit, kind, layout, batch);
        return amplitudes is null ? function.ApplySingle(parameters) : function.ApplySingle(parameters, amplitudes);
    }

    /// <summary>
    /// Runs <paramref name="circuit"/> on given states [B, 2^n, 2] (real part at [..., 0], imaginary at [..., 1], as
    /// torch.view_as_real) instead of |0…0⟩, ignoring any amplitude-input declaration. The states need not be
    /// normalised; gradients flow to both <paramref name="parameters"/> and <paramref name="state"/>.
    /// </summary>
    public static Tensor ReadoutFromState(QuantumCircuit circuit, Tensor parameters, Tensor state)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(state);
        CheckFloat(state, parameters, nameof(state));
        if (state.Dim != 3 || state.Size(1) != circuit.Dimension || state.Size(2) != 2)
            throw new ArgumentException($"state has shape {Format(state)}; expected [B, {circuit.Dimension}, 2] for the {circuit.QubitCount} qubits of circuit '{circuit.Name}'.", nameof(state));
        var (layout, batch) = Resolve(circuit, parameters, state.Size(0), null);
        return new QuantumCircuitFunction(circuit, QuantumInputKind.State, layout, batch).ApplySingle(parameters, state);
    }

    private static (ParameterLayout Layout, int Batch) Resolve(QuantumCircuit circuit, Tensor parameters, int? inputBatch, int? batchSize)
    {
        if (!parameters.IsFloatingPoint)
            throw new ArgumentException($"parameters are {parameters.DType.Name()}; expected float32 or float64.", nameof(parameters));
        int pc = circuit.ParameterCount;
        ParameterLayout layout;
        int batch;
        if (parameters.Dim == 1 && parameters.Size(0) == pc)
        {
            layout = ParameterLayout.Shared;
            batch = inputBatch ?? batchSize ?? 1;
        }
        else if (parameters.Dim == 2 && parameters.Size(1) == pc)
        {
            layout = ParameterLayout.PerSample;
            batch = parameters.Size(0);
            if (inputBatch is int b && b != batch)
                throw new ArgumentException($"parameters have batch {batch} but the input has batch {b}; expected the same batch size.", nameof(parameters));
        }
        else
            throw new ArgumentException($"parameters have shape {Format(parameters)}; expected [{pc}] (shared) or [B, {pc}] (per sample) for circuit '{circuit.Name}'.", nameof(parameters));
        if (batchSize is int requested && requested != batch)
            throw new ArgumentException($"batchSize is {requested} but the tensors give batch {batch}.", nameof(batchSize));
        if (batch < 1)
            throw new ArgumentException($"batch size is {batch}; expected at least 1.", nameof(parameters));
        return (layout, batch);
    }

    private static void CheckFloat(Tensor input, Tensor parameters, string name)
    {
        if (input.DType != parameters.DType)
            throw new ArgumentException($"{name} are {input.DType.Name()} but parameters are {parameters.DType.Name()}; expected one dtype per call.", name);
    }

    private static string Format(Tensor t) => "[" + string.Join(", ", t.Shape) + "]";
}
