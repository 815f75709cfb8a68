using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>
    /// Drops gates that are exactly the identity: kind <see cref="GateKind.I"/>, and angle gates whose
    /// angles are all constant and whose matrix is the identity (rx/ry/rz/rxx/ryy/rzz at 0 mod 4π, p at
    /// 0 mod 2π, rot/u3 combinations such as u3(0, φ, −φ)).
    /// Gates equal to −I (e.g. rx(2π)) are kept on purpose: with controls that sign is a relative phase,
    /// and even without controls it shows in the raw state readout.
    /// </summary>
    public sealed class ConstantFoldingPass : ICircuitPass
    {
        /// <summary>
        /// Entry-wise tolerance for "is the identity": only rounding noise such as sin(2π) ≈ −2.4e−16 is
        /// forgiven; any real rotation is far above it.
        /// </summary>
        public const double Tolerance = 1e-14;

        public string Name => "constant-folding";

        public IrCircuit Run(IrCircuit circuit)
        {
            var kept = circuit.Gates.Where(g => !IsIdentity(g)).ToList();
            return kept.Count == circuit.Gates.Count ? circuit : circuit.WithGates(kept);
        }

        /// <summary>True when the gate (whatever its controls) is the identity for every parameter value.</summary>
        public static bool IsIdentity(IrGate g)
        {
            if (g.Kind == GateKind.I)
            {
                return true;
            }

            if (g.Angles.Count == 0 || g.Angles.Any(a => !a.IsConstant))
            {
                return false;
            }

            var angles = g.Angles.Select(a => a.Constant).ToArray();
            return GateMatrices.IsIdentity(GateMatrices.Matrix(g.Kind, angles, g.Adjoint), Tolerance);
        }
    }
}
