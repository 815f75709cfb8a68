namespace QCircuitDsl.Models.Mamba;

/// <summary>What the quantum projection measures.</summary>
public enum QuantumReadout
{
    /// <summary>All 2^n basis-state probabilities (the paper's amplitude_projection readout).</summary>
    Probabilities,

    /// <summary>⟨Z⟩ of every qubit: n values (strongly_entangling's readout).</summary>
    PauliZ,
}

/// <summary>Which of a mixer's three projections are quantum.</summary>
[Flags]
public enum MambaProjections
{
    None = 0,
    InProj = 1,
    XProj = 2,
    OutProj = 4,
    All = InProj | XProj | OutProj,
}

/// <summary>
/// The HQC-Mamba quantum projection: amplitude-encode each token vector, apply <see cref="Layers"/> strongly
/// entangling layers with weights shared by all tokens, read out, then a Linear to the required width.
/// </summary>
/// <remarks>
/// Plain amplitude encoding ψ = x/‖x‖ has three faults; the options below fix them:
/// <list type="number">
/// <item>It forgets the norm and the sign: x, −x and c·x give the same probabilities. <see cref="BiasAmplitude"/>
/// appends a constant amplitude b before normalising, ψ = [x, b]/‖[x, b]‖, so the ratio to b keeps scale and sign.
/// <see cref="NormSideChannel"/> appends ‖x‖ (scale) and mean(x) (sign; lost only when Σx = 0) to the readout
/// before the Linear, classically.</item>
/// <item>x = 0 has no direction. With a bias amplitude the norm is ≥ |b| &gt; 0. Without it the rule is: a zero
/// vector encodes to |0…0⟩ and passes zero gradient (the engine's own encoder would throw).</item>
/// <item>With one input feature (d_model = 1) every positive x encodes to the same state; the bias amplitude gives
/// the state angle atan2(b, x), so the value survives.</item>
/// </list>
/// <see cref="Paper"/> turns both off to reproduce the paper's setting.
/// </remarks>
public sealed record QuantumProjectionOptions
{
    /// <summary>Strongly entangling layers (each: a Rot on every qubit, then a ring of CNOTs).</summary>
    public int Layers { get; init; } = 2;

    /// <summary>
    /// The readout of the built-in circuit; <see cref="QcProjections.Default"/> picks the .qc layer by it
    /// (hqc_projection_probs or hqc_projection). A projection built from another circuit reads out what that circuit declares.
    /// </summary>
    public QuantumReadout Readout { get; init; } = QuantumReadout.Probabilities;

    /// <summary>Constant extra amplitude appended before normalisation; null for none.</summary>
    public double? BiasAmplitude { get; init; } = 1.0;

    /// <summary>Append ‖x‖ and mean(x) to the readout before the Linear.</summary>
    public bool NormSideChannel { get; init; } = true;

    /// <summary>Bias on the Linear after the readout (off, like the classical projections it replaces).</summary>
    public bool OutputBias { get; init; }

    /// <summary>The paper's plain encoding: normalise and zero-pad, probabilities, nothing else.</summary>
    public static QuantumProjectionOptions Paper { get; } = new() { BiasAmplitude = null, NormSideChannel = false };

    /// <summary>Both fixes (the default).</summary>
    public static QuantumProjectionOptions Robust { get; } = new();

    /// <summary>
    /// The side channel without the bias amplitude: norm and sign survive classically and a zero vector encodes to
    /// |0…0⟩, but a one-feature input loses its value in the state. At power-of-two widths (the paper's 128 and 512)
    /// the bias amplitude costs a whole extra qubit, doubling the state and the probabilities readout; this saves it.
    /// </summary>
    public static QuantumProjectionOptions SideChannel { get; } = new() { BiasAmplitude = null };

    internal void Validate()
    {
        if (Layers < 1) throw new ArgumentException($"QuantumProjectionOptions: layers must be at least 1, got {Layers}");
        if (BiasAmplitude is { } b && (b == 0 || !double.IsFinite(b)))
            throw new ArgumentException($"QuantumProjectionOptions: a bias amplitude must be finite and nonzero, got {b} (use null for none)");
    }
}
