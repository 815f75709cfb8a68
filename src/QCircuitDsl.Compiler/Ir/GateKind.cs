namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>
    /// The base operations of the IR. Controlled gates are a base kind plus control qubits:
    /// <c>cx</c> is <see cref="X"/> with one control, <c>crx</c> is <see cref="RX"/> with one
    /// control, <c>ccx</c> is <see cref="X"/> with two. The same names exist in the runtime
    /// (<c>QCircuitDsl.Quantum.GateKind</c>); the numbering is kept identical on purpose.
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
        /// <summary>RX(θ) = exp(−iθX/2).</summary>
        RX = 10,
        /// <summary>RY(θ) = exp(−iθY/2).</summary>
        RY = 11,
        /// <summary>RZ(θ) = exp(−iθZ/2).</summary>
        RZ = 12,
        /// <summary>Phase: diag(1, e^{iλ}).</summary>
        P = 13,
        /// <summary>U3(θ, φ, λ) as in OpenQASM.</summary>
        U3 = 14,
        /// <summary>PennyLane's Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ).</summary>
        Rot = 15,
        Swap = 16,
        ISwap = 17,
        /// <summary>RXX(θ) = exp(−iθ X⊗X/2).</summary>
        RXX = 18,
        /// <summary>RYY(θ) = exp(−iθ Y⊗Y/2).</summary>
        RYY = 19,
        /// <summary>RZZ(θ) = exp(−iθ Z⊗Z/2).</summary>
        RZZ = 20,
    }
}
