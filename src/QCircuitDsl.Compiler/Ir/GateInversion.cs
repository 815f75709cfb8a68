using System.Collections.Generic;

namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>
    /// How <c>inv @</c> rewrites a gate, decided at compile time so that no engine needs an inverse
    /// for angle gates: angles are negated (and reordered for rot and u3); S↔Sdg, T↔Tdg; self-inverse
    /// gates stay; SX and iSWAP get the adjoint flag.
    /// </summary>
    public static class GateInversion
    {
        /// <summary>The inverted kind and adjoint flag.</summary>
        public static (GateKind Kind, bool Adjoint) Invert(GateKind kind, bool adjoint)
        {
            switch (kind)
            {
                case GateKind.S: return (GateKind.Sdg, adjoint);
                case GateKind.Sdg: return (GateKind.S, adjoint);
                case GateKind.T: return (GateKind.Tdg, adjoint);
                case GateKind.Tdg: return (GateKind.T, adjoint);
                case GateKind.SX:
                case GateKind.ISwap:
                    return (kind, !adjoint);
                default:
                    return (kind, adjoint);
            }
        }

        /// <summary>
        /// For each angle of the inverted gate: which original angle it takes, negated.
        /// Rot(φ,θ,ω)† = Rot(−ω,−θ,−φ); U3(θ,φ,λ)† = U3(−θ,−λ,−φ); single-angle gates: (−θ).
        /// </summary>
        public static IReadOnlyList<int> AngleSources(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.Rot: return new[] { 2, 1, 0 };
                case GateKind.U3: return new[] { 0, 2, 1 };
                default:
                {
                    var n = GateFacts.AngleCount(kind);
                    var r = new int[n];
                    for (int i = 0; i < n; i++)
                    {
                        r[i] = i;
                    }

                    return r;
                }
            }
        }
    }
}
