namespace QCircuitDsl.Runtime.Quantum;

/// <summary>What the circuit's gates are applied to.</summary>
internal enum QuantumInputKind
{
    /// <summary>Every sample starts in |0…0⟩.</summary>
    ZeroState,

    /// <summary>Real vectors [B, L] amplitude-encoded by the circuit's <c>encode amplitude</c> statement.</summary>
    Amplitudes,

    /// <summary>Caller-supplied states [B, 2^n, 2] (real and imaginary parts last, as torch.view_as_real).</summary>
    State,
}
