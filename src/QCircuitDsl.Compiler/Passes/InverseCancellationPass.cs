using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>
    /// Removes pairs of gates that are each other's inverse and adjacent (no gate between them touches
    /// any of their qubits): self-inverse kinds (i, x, y, z, h, swap) on the same qubits and controls,
    /// s/sdg, t/tdg (in either order, or written with the adjoint flag), and sx or iswap next to their
    /// adjoint. Symmetric cases count: cz q0,q1 cancels cz q1,q0, swap a,b cancels swap b,a.
    /// Repeats until no pair is left, so nested pairs such as h x x h disappear entirely.
    /// Angle gates are left to <see cref="RotationMergingPass"/> + <see cref="ConstantFoldingPass"/>.
    /// </summary>
    public sealed class InverseCancellationPass : ICircuitPass
    {
        public string Name => "inverse-cancellation";

        public IrCircuit Run(IrCircuit circuit)
        {
            var gates = circuit.Gates.ToList();
            bool changed = false;
            int i = 0;
            while (i < gates.Count)
            {
                int j = GateRelations.NextTouching(gates, i);
                if (j >= 0 && AreInverse(gates[i], gates[j]))
                {
                    var freed = new HashSet<int>(gates[i].Qubits.Concat(gates[j].Qubits));
                    gates.RemoveAt(j);
                    gates.RemoveAt(i);
                    changed = true;

                    // Only a gate before i whose next touching gate was i or j can have a new neighbour now.
                    // Such a gate is the last one before i on some freed qubit; resume at the earliest of those.
                    int resume = i;
                    for (int k = i - 1; k >= 0 && freed.Count > 0; k--)
                    {
                        bool hit = false;
                        foreach (int q in gates[k].Qubits)
                        {
                            hit |= freed.Remove(q);
                        }

                        if (hit)
                        {
                            resume = k;
                        }
                    }

                    i = resume;
                    continue;
                }

                i++;
            }

            return changed ? circuit.WithGates(gates) : circuit;
        }

        /// <summary>True when <paramref name="b"/>·<paramref name="a"/> is exactly the identity by the rules above.</summary>
        public static bool AreInverse(IrGate a, IrGate b)
        {
            if (a.Angles.Count != 0 || b.Angles.Count != 0)
            {
                return false;
            }

            var (ka, adjA) = Canonical(a.Kind, a.Adjoint);
            var (kb, adjB) = Canonical(b.Kind, b.Adjoint);
            var (invKind, invAdj) = Inverse(ka, adjA);
            if (kb != invKind || adjB != invAdj)
            {
                return false;
            }

            return GateRelations.SameSlot(ka, a, b);
        }

        /// <summary>Normal form of (kind, adjoint): self-inverse kinds drop the flag, s† becomes sdg, etc.</summary>
        private static (GateKind Kind, bool Adjoint) Canonical(GateKind kind, bool adjoint)
        {
            if (GateFacts.IsSelfInverse(kind))
            {
                return (kind, false);
            }

            if (!adjoint)
            {
                return (kind, false);
            }

            switch (kind)
            {
                case GateKind.S: return (GateKind.Sdg, false);
                case GateKind.Sdg: return (GateKind.S, false);
                case GateKind.T: return (GateKind.Tdg, false);
                case GateKind.Tdg: return (GateKind.T, false);
                default: return (kind, true);
            }
        }

        private static (GateKind Kind, bool Adjoint) Inverse(GateKind kind, bool adjoint)
        {
            switch (kind)
            {
                case GateKind.S: return (GateKind.Sdg, false);
                case GateKind.Sdg: return (GateKind.S, false);
                case GateKind.T: return (GateKind.Tdg, false);
                case GateKind.Tdg: return (GateKind.T, false);
                default: return GateFacts.IsSelfInverse(kind) ? (kind, false) : (kind, !adjoint);
            }
        }
    }
}
