using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// A drop-in replacement for a bias-free Linear(in, out) inside the mixer (HQC-Mamba): every token vector is
/// amplitude-encoded into n = ⌈log2(in [+1])⌉ qubits, run through strongly entangling layers whose weights
/// ("quantum.weight") are shared by all tokens, read out (probabilities or ⟨Z⟩ per qubit), optionally joined by the
/// classical side channel (‖x‖, mean x), and mapped to <c>out</c> by "linear". All B·L tokens go through the circuit
/// in one batched call, so the adjoint backward also runs once per step.
/// </summary>
// Not sealed: the generator derives .qc projection layers from it.
public class QuantumProjection : Module<Tensor, Tensor>
{
    public QuantumProjection(int inFeatures, int outFeatures, QuantumProjectionOptions options, DType dtype = DType.Float32,
        Generator? generator = null)
        : this(inFeatures, outFeatures, null, options, dtype, generator)
    {
    }

    /// <summary>
    /// A projection through a given circuit (a .qc projection layer): its gates and its own readouts are used;
    /// the state comes from the amplitude encoder, so the circuit must not encode and must have exactly
    /// <see cref="AmplitudeEncoder.QubitsFor"/> qubits for these features and options.
    /// </summary>
    public QuantumProjection(int inFeatures, int outFeatures, QuantumCircuit? circuit, QuantumProjectionOptions options, DType dtype = DType.Float32,
        Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (inFeatures < 1 || outFeatures < 1)
            throw new ArgumentException($"QuantumProjection: feature sizes must be at least 1, got {inFeatures} → {outFeatures}");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Options = options;
        Qubits = AmplitudeEncoder.QubitsFor(inFeatures, options.BiasAmplitude is not null);
        if (circuit is not null && (circuit.QubitCount != Qubits || circuit.InputLength > 0))
            throw new ArgumentException(
                $"QuantumProjection: circuit '{circuit.Name}' has {circuit.QubitCount} qubits{(circuit.InputLength > 0 ? " and its own encode" : "")}; " +
                $"{inFeatures} features{(options.BiasAmplitude is null ? "" : " plus the bias amplitude")} need exactly {Qubits} qubits and no encode", nameof(circuit));
        circuit ??= options.Readout == QuantumReadout.Probabilities
            // Only the gates and the probs readout are used: the state comes from AmplitudeEncoder, not from the
            // circuit's own `encode amplitude`, so features = 2^n just sizes the register.
            ? new AmplitudeProjection(features: 1 << Qubits, layers: options.Layers)
            : new StronglyEntangling(n: Qubits, layers: options.Layers);
        Quantum = RegisterModule("quantum", new QuantumLayer(circuit, dtype, generator));
        Linear = RegisterModule("linear", new Linear(ClassicalFeatures, outFeatures, options.OutputBias, dtype, generator));
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public QuantumProjectionOptions Options { get; }
    public int Qubits { get; }
    public QuantumLayer Quantum { get; }
    public Linear Linear { get; }

    /// <summary>Inputs of the final Linear: the readout plus the two side-channel values when enabled.</summary>
    public int ClassicalFeatures => Quantum.OutputSize + (Options.NormSideChannel ? 2 : 0);

    /// <summary>[..., in] → [..., out].</summary>
    public override Tensor Forward(Tensor input)
    {
        if (input.Size(-1) != InFeatures)
            throw new ArgumentException($"QuantumProjection: expected last dimension {InFeatures}, got [{string.Join(", ", input.Shape)}]");
        var leading = input.Shape[..^1];
        var tokens = input.Reshape(-1, InFeatures);
        var (state, norm) = AmplitudeEncoder.Encode(tokens, Qubits, Options.BiasAmplitude);
        var features = Quantum.ForwardState(state);
        if (Options.NormSideChannel) features = Torch.Cat([features, norm, tokens.Mean(-1, keepdim: true)], dim: 1);
        return Linear.Forward(features).Reshape([.. leading, OutFeatures]);
    }

    public override string ExtraRepr() =>
        $"in_features={InFeatures}, out_features={OutFeatures}, qubits={Qubits}, circuit={Quantum.Circuit.Name}, readouts={Quantum.OutputSize}, " +
        $"bias_amplitude={(Options.BiasAmplitude?.ToString() ?? "None")}, side_channel={Options.NormSideChannel}";
}
