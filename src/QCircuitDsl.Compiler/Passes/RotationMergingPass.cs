using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>
    /// Merges two additive rotations (<see cref="GateFacts.IsAdditiveRotation"/>) of the same kind on the
    /// same targets (any order for rxx/ryy/rzz; any qubit roles for controlled p) and the same controls,
    /// when no gate between them touches any of their qubits: R(a)·R(b) = R(a + b).
    /// The merged angle is the sum of both <see cref="AffineExpression"/>s, so every parameter that fed
    /// either gate still feeds the merged one and gradients are unchanged (merging must never drop a
    /// parameter's link to its gate, the failure of qulacs issue #632).
    /// The merged gate takes the place (and source origin) of the first one.
    /// </summary>
    public sealed class RotationMergingPass : ICircuitPass
    {
        public string Name => "rotation-merging";

        public IrCircuit Run(IrCircuit circuit)
        {
            var gates = circuit.Gates.ToList();
            bool changed = false;
            for (int i = 0; i < gates.Count; i++)
            {
                while (GateFacts.IsAdditiveRotation(gates[i].Kind))
                {
                    int j = GateRelations.NextTouching(gates, i);
                    if (j < 0 || !CanMerge(gates[i], gates[j]))
                    {
                        break;
                    }

                    gates[i] = Merge(gates[i], gates[j]);
                    gates.RemoveAt(j);
                    changed = true;
                }
            }

            return changed ? circuit.WithGates(gates) : circuit;
        }

        /// <summary>True when <paramref name="a"/> followed by <paramref name="b"/> equals one gate with summed angles.</summary>
        public static bool CanMerge(IrGate a, IrGate b) =>
            a.Kind == b.Kind && GateFacts.IsAdditiveRotation(a.Kind) && a.Adjoint == b.Adjoint && GateRelations.SameSlot(a.Kind, a, b);

        private static IrGate Merge(IrGate a, IrGate b) =>
            a.WithAngles(new[] { a.Angles[0] + b.Angles[0] });
    }
}
