using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>
    /// One gate of the flat IR: a base <see cref="GateKind"/>, control qubits (the gate acts only
    /// where all of them are |1⟩), target qubits, affine angles, and an adjoint flag for the fixed
    /// gates that are not their own inverse (sx, iswap). Angle-carrying gates are inverted by
    /// negating angles instead, so <see cref="Adjoint"/> is false for them.
    /// </summary>
    public sealed class IrGate : IEquatable<IrGate>
    {
        public IrGate(GateKind kind, IReadOnlyList<int> controls, IReadOnlyList<int> targets, IReadOnlyList<AffineExpression> angles, bool adjoint, SourceSpan origin)
        {
            if (targets.Count != GateFacts.TargetCount(kind))
            {
                throw new ArgumentException($"{kind} takes {GateFacts.TargetCount(kind)} target(s), got {targets.Count}.", nameof(targets));
            }

            if (angles.Count != GateFacts.AngleCount(kind))
            {
                throw new ArgumentException($"{kind} takes {GateFacts.AngleCount(kind)} angle(s), got {angles.Count}.", nameof(angles));
            }

            Kind = kind;
            Controls = controls.ToArray();
            Targets = targets.ToArray();
            Angles = angles.ToArray();
            Adjoint = adjoint;
            Origin = origin;
        }

        public GateKind Kind { get; }
        public IReadOnlyList<int> Controls { get; }
        public IReadOnlyList<int> Targets { get; }
        public IReadOnlyList<AffineExpression> Angles { get; }
        public bool Adjoint { get; }
        /// <summary>Where in the .qc source this gate came from.</summary>
        public SourceSpan Origin { get; }

        /// <summary>Controls then targets.</summary>
        public IEnumerable<int> Qubits => Controls.Concat(Targets);

        public IrGate WithAngles(IReadOnlyList<AffineExpression> angles) => new IrGate(Kind, Controls, Targets, angles, Adjoint, Origin);

        public bool Equals(IrGate? other) =>
            other is not null && Kind == other.Kind && Adjoint == other.Adjoint &&
            Controls.SequenceEqual(other.Controls) && Targets.SequenceEqual(other.Targets) && Angles.SequenceEqual(other.Angles);

        public override bool Equals(object? obj) => obj is IrGate g && Equals(g);

        public override int GetHashCode() => ((int)Kind * 397) ^ Targets.Aggregate(17, (h, q) => h * 31 + q) ^ Controls.Count;

        public override string ToString() => ToString(null);

        /// <summary>
        /// The gate as a <c>.qc</c> statement would write it (<c>cx q[0], q[1]</c>, <c>ctrl(2) @ h …</c>,
        /// <c>inv @ rz(2*theta[1]) q[3]</c>), naming parameters with <paramref name="parameterName"/> when given.
        /// </summary>
        public string ToString(Func<int, string>? parameterName)
        {
            var name = GateFacts.SourceName(Kind);
            var prefix = "";
            bool shortControlled = Kind == GateKind.X || Kind == GateKind.Y || Kind == GateKind.Z || Kind == GateKind.RX
                || Kind == GateKind.RY || Kind == GateKind.RZ || Kind == GateKind.P;
            if (Controls.Count == 1 && shortControlled)
            {
                name = "c" + name;
            }
            else if (Controls.Count == 2 && Kind == GateKind.X)
            {
                name = "ccx";
            }
            else if (Controls.Count > 0)
            {
                prefix = Controls.Count == 1 ? "ctrl @ " : $"ctrl({Controls.Count}) @ ";
            }

            if (Adjoint)
            {
                prefix += "inv @ ";
            }

            var angles = Angles.Count == 0 ? "" : "(" + string.Join(", ", Angles.Select(a => a.ToString(parameterName))) + ")";
            return prefix + name + angles + " " + string.Join(", ", Qubits.Select(q => "q[" + q.ToString(CultureInfo.InvariantCulture) + "]"));
        }
    }
}
