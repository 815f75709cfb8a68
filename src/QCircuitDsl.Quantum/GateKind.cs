namespace QCircuitDsl.Quantum;

/// <summary>
/// The gate kinds the engine understands. The numbering is part of the contract with generated code
/// (it may be persisted or switched on), so never renumber.
/// </summary>
public enum GateKind
{
    I = 0,
    X = 1,
    Y = 2,
    Z = 3,
    H = 4,
    S = 5,
    Sdg = 6,
    T = 7,
    Tdg = 8,
    SX = 9,
    RX = 10,
    RY = 11,
    RZ = 12,
    /// <summary>Phase gate diag(1, e^{iλ}).</summary>
    P = 13,
    /// <summary>OpenQASM u3(θ, φ, λ).</summary>
    U3 = 14,
    /// <summary>PennyLane Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ).</summary>
    Rot = 15,
    Swap = 16,
    /// <summary>|01⟩→i|10⟩, |10⟩→i|01⟩.</summary>
    ISwap = 17,
    RXX = 18,
    RYY = 19,
    RZZ = 20,
}

/// <summary>How many parameters of the flat vector each sample uses.</summary>
public enum ParameterLayout
{
    /// <summary>One parameter vector of length P shared by every sample.</summary>
    Shared,
    /// <summary>A B×P matrix, one row per sample.</summary>
    PerSample,
}

/// <summary>The kinds of readout term a circuit can end with.</summary>
public enum ReadoutKind
{
    /// <summary>One expectation ⟨σ_a⟩ per (qubit, axis) pair, qubit-major, axis-minor.</summary>
    ExpvalEach,
    /// <summary>One expectation of a Pauli string (tensor product over the listed qubits).</summary>
    PauliString,
    /// <summary>2^k outcome probabilities of the listed qubits, first listed qubit most significant.</summary>
    Probabilities,
    /// <summary>The whole state vector as 2·2^n values, real and imaginary parts interleaved.</summary>
    State,
}

/// <summary>Static facts about gate kinds (arity, angle count, display names).</summary>
public static class GateInfo
{
    /// <summary>Largest supported register; 2^30 amplitudes already needs 8 GiB per sample in double.</summary>
    public const int MaxQubits = 30;

    public static bool IsDefined(GateKind kind) => kind >= GateKind.I && kind <= GateKind.RZZ;

    /// <summary>Number of target qubits: 1 for kinds 0–15, 2 for 16–20.</summary>
    public static int TargetCount(GateKind kind)
    {
        EnsureDefined(kind);
        return kind >= GateKind.Swap ? 2 : 1;
    }

    /// <summary>Number of angles: 1 for RX, RY, RZ, P, RXX, RYY, RZZ; 3 for U3 and Rot; otherwise 0.</summary>
    public static int AngleCount(GateKind kind)
    {
        EnsureDefined(kind);
        return kind switch
        {
            GateKind.RX or GateKind.RY or GateKind.RZ or GateKind.P or GateKind.RXX or GateKind.RYY or GateKind.RZZ => 1,
            GateKind.U3 or GateKind.Rot => 3,
            _ => 0,
        };
    }

    /// <summary>Lower-case name as it would appear in a .qc source (e.g. "rx", "iswap").</summary>
    public static string Name(GateKind kind)
    {
        EnsureDefined(kind);
        return kind.ToString().ToLowerInvariant();
    }

    private static void EnsureDefined(GateKind kind)
    {
        if (!IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown gate kind {(int)kind}; expected a value from 0 (I) to 20 (RZZ).");
    }
}
