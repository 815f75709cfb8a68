using System.Numerics;

namespace QCircuitDsl.Quantum.Kernels;

/// <summary>
/// Straight-line forward and adjoint-backward code for one instantiation of a circuit (fixed arguments), written by
/// the source generator for the instantiations it knows at build time (a circuit's all-default arguments, and every
/// <c>specialize</c> declaration). A generated class passes the matching kernel to <see cref="QuantumCircuit"/>'s
/// constructor; the engine then calls it instead of interpreting its compiled plan.
/// </summary>
/// <remarks>
/// Both methods act on one work item: the re/im amplitudes of one sample (or of consecutive samples sharing one
/// parameter row), which the engine only hands over when the AVX-512 kernels apply (at least one vector of
/// amplitudes per sample). Parameters are one row in double, indexed by flat parameter index.
/// </remarks>
public abstract class SpecializedKernel
{
    /// <param name="qubitCount">Qubits of the instantiation; the circuit checks that it matches its program.</param>
    /// <param name="parameterCount">Flat parameter count of the instantiation.</param>
    /// <param name="arguments">The instantiation's arguments as written in the .qc file, e.g. <c>n = 10, layers = 1</c>.</param>
    protected SpecializedKernel(int qubitCount, int parameterCount, string arguments)
    {
        QubitCount = qubitCount;
        ParameterCount = parameterCount;
        Arguments = arguments ?? "";
    }

    public int QubitCount { get; }
    public int ParameterCount { get; }
    public string Arguments { get; }

    /// <summary>ψ ← Uψ.</summary>
    public abstract void Forward<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// Adjoint step of the whole circuit: ψ (output) is uncomputed to the input, g (∂L/∂ψ of the output) becomes
    /// ∂L/∂ψ of the input, and ∂L/∂p is accumulated (+=) into <paramref name="grad"/>.
    /// </summary>
    public abstract void Backward<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, Span<double> grad)
        where T : unmanaged, IFloatingPointIeee754<T>;

    public override string ToString() => $"{GetType().Name}({Arguments})";
}
