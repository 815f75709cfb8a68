using System.Collections.Generic;
using System.Linq;

namespace QCircuitDsl.Compiler.Ir
{
    public enum IrReadoutKind
    {
        /// <summary>For each listed qubit, ⟨A⟩ for each axis A in <see cref="IrReadout.Axes"/>: qubit-major, axis-minor.</summary>
        ExpvalEach,
        /// <summary>One Pauli-string expectation ⟨P_0 ⊗ P_1 …⟩, with <see cref="IrReadout.Axes"/>[k] acting on <see cref="IrReadout.Qubits"/>[k].</summary>
        PauliString,
        /// <summary>Probabilities of the 2^k basis states of the listed qubits (first listed qubit most significant).</summary>
        Probabilities,
        /// <summary>The raw state: 2·2^n values, re and im interleaved per basis index.</summary>
        State,
    }

    /// <summary>One readout of a circuit. A circuit's readout vector is its readouts concatenated in source order.</summary>
    public sealed class IrReadout
    {
        public IrReadout(IrReadoutKind kind, string axes, IReadOnlyList<int> qubits)
        {
            Kind = kind;
            Axes = axes;
            Qubits = qubits.ToArray();
        }

        public IrReadoutKind Kind { get; }
        /// <summary>Lower-case axes 'x', 'y', 'z' (and 'i' in Pauli strings).</summary>
        public string Axes { get; }
        public IReadOnlyList<int> Qubits { get; }

        /// <summary>How many real values this readout contributes for a circuit of <paramref name="qubitCount"/> qubits.</summary>
        public int Length(int qubitCount)
        {
            switch (Kind)
            {
                case IrReadoutKind.ExpvalEach: return Axes.Length * Qubits.Count;
                case IrReadoutKind.PauliString: return 1;
                case IrReadoutKind.Probabilities: return 1 << Qubits.Count;
                default: return 2 << qubitCount;
            }
        }
    }
}
