using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>Small structural questions about gates that several passes ask.</summary>
    internal static class GateRelations
    {
        public static bool Touches(IrGate g, HashSet<int> qubits) => g.Qubits.Any(qubits.Contains);

        /// <summary>
        /// The index of the first gate after <paramref name="i"/> that acts on any qubit of gate i, or −1.
        /// Every gate strictly between i and the result acts on other qubits only, so it commutes with
        /// gate i and with the result: the two are "adjacent" for merging and cancelling.
        /// </summary>
        public static int NextTouching(IReadOnlyList<IrGate> gates, int i)
        {
            var qs = new HashSet<int>(gates[i].Qubits);
            for (int j = i + 1; j < gates.Count; j++)
            {
                if (Touches(gates[j], qs))
                {
                    return j;
                }
            }

            return -1;
        }

        public static bool SameSet(IReadOnlyList<int> a, IReadOnlyList<int> b) =>
            a.Count == b.Count && new HashSet<int>(a).SetEquals(b);

        /// <summary>
        /// True when the two gates' target lists denote the same operation slot: identical order, or any
        /// order for kinds symmetric in their targets (swap, iswap, rxx, ryy, rzz).
        /// </summary>
        public static bool SameTargets(GateKind kind, IReadOnlyList<int> a, IReadOnlyList<int> b) =>
            IsTargetSymmetric(kind) ? SameSet(a, b) : a.SequenceEqual(b);

        public static bool IsTargetSymmetric(GateKind kind) =>
            kind == GateKind.Swap || kind == GateKind.ISwap || kind == GateKind.RXX || kind == GateKind.RYY || kind == GateKind.RZZ;

        /// <summary>
        /// True when the gate is a (multi-)controlled diagonal gate that is symmetric in all of its qubits,
        /// e.g. cz: ctrl @ z q0, q1 equals ctrl @ z q1, q0. Every base gate diag(1, e^{iφ}) qualifies
        /// (z, s, sdg, t, tdg, p): controlled, it multiplies only the all-ones basis state by e^{iφ}.
        /// </summary>
        public static bool IsFullySymmetric(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.Z:
                case GateKind.S:
                case GateKind.Sdg:
                case GateKind.T:
                case GateKind.Tdg:
                case GateKind.P:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when <paramref name="a"/> and <paramref name="b"/> put their qubits in the same roles, judged
        /// for gates of kind <paramref name="kind"/> (so the symmetries above apply). The kinds themselves are
        /// not compared; callers do that.
        /// </summary>
        public static bool SameSlot(GateKind kind, IrGate a, IrGate b)
        {
            if (IsFullySymmetric(kind) && a.Controls.Count == b.Controls.Count)
            {
                return SameSet(a.Qubits.ToArray(), b.Qubits.ToArray());
            }

            return SameSet(a.Controls, b.Controls) && SameTargets(kind, a.Targets, b.Targets);
        }
    }
}
