using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// What a straight-line kernel executes for one instantiation: the circuit after the optimizing passes (fold, merge,
    /// cancel), cut into blocks of gates on one site (same target, same controls) whose product is one 2×2 per sample.
    /// A gate joins the latest block touching its qubits when that block has its site (the gates between act on other
    /// qubits and commute past it), as the engine's plan does. The backward pass runs per gate.
    /// </summary>
    internal sealed class KernelPlan
    {
        /// <summary>
        /// Gates (after the passes) beyond which no straight-line code is emitted: each gate is a few lines, and the JIT
        /// stops optimizing methods much larger than about a thousand calls, so longer circuits stay on the plan engine.
        /// </summary>
        public const int MaxGates = 1024;

        /// <summary>The AVX-512 kernels need a whole float vector (16 amplitudes) per sample.</summary>
        public const int MinQubits = 4;

        private KernelPlan(IrCircuit source, IrCircuit optimized, IReadOnlyList<IReadOnlyList<IrGate>> blocks)
        {
            Source = source;
            Circuit = optimized;
            Blocks = blocks;
        }

        /// <summary>The lowered instantiation, as written.</summary>
        public IrCircuit Source { get; }
        /// <summary>After constant folding, rotation merging and inverse cancellation, identity gates dropped.</summary>
        public IrCircuit Circuit { get; }
        /// <summary>Forward blocks in order; every gate of <see cref="Circuit"/> is in exactly one.</summary>
        public IReadOnlyList<IReadOnlyList<IrGate>> Blocks { get; }

        public static KernelPlan Create(IrCircuit instance)
        {
            var optimized = PassPipeline.Optimize(instance);
            optimized = optimized.WithGates(optimized.Gates.Where(g => g.Kind != GateKind.I).ToArray());
            var blocks = new List<List<IrGate>>();
            // latestBlock[q]: the last block touching qubit q (-1: none yet), so finding a gate's block is linear in
            // the gate's qubits instead of a scan back over the blocks. A joined gate has the block's own qubits.
            var latestBlock = Enumerable.Repeat(-1, optimized.QubitCount).ToArray();
            foreach (var g in optimized.Gates)
            {
                // Join the latest block that touches any of g's qubits when it acts on the same site; the gates in
                // between act on other qubits, so they commute past g and the product stays exact.
                int latest = g.Qubits.Max(q => latestBlock[q]);
                if (latest >= 0 && SameSite(blocks[latest][0], g))
                {
                    blocks[latest].Add(g);
                    continue;
                }

                blocks.Add(new List<IrGate> { g });
                foreach (var q in g.Qubits)
                {
                    latestBlock[q] = blocks.Count - 1;
                }
            }

            return new KernelPlan(instance, optimized, blocks.Select(b => (IReadOnlyList<IrGate>)b.ToArray()).ToArray());
        }

        private static bool SameSite(IrGate a, IrGate b) =>
            GateFacts.TargetCount(a.Kind) == 1 && GateFacts.TargetCount(b.Kind) == 1 && a.Targets[0] == b.Targets[0]
            && a.Controls.OrderBy(q => q).SequenceEqual(b.Controls.OrderBy(q => q));

        /// <summary>
        /// Why no kernel can be emitted for <paramref name="kernel"/>, or null when one can; builds the instance's
        /// <see cref="KernelInstance.Plan"/>, which the emitter then reuses.
        /// </summary>
        public static string? Unsupported(KernelInstance kernel)
        {
            var instance = kernel.Instance;
            if (instance.QubitCount < MinQubits)
            {
                return $"it has {instance.QubitCount} qubit(s), fewer than the {MinQubits} the vector kernels need (16 amplitudes per sample)";
            }

            var plan = kernel.Plan;
            var twoTarget = plan.Circuit.Gates.FirstOrDefault(g => GateFacts.TargetCount(g.Kind) != 1);
            if (twoTarget != null)
            {
                return $"gate '{GateFacts.SourceName(twoTarget.Kind)}' (line {twoTarget.Origin.Line}) acts on two targets, and straight-line primitives exist only for one-target gates (with any controls)";
            }

            if (plan.Circuit.Gates.Count > MaxGates)
            {
                return $"it has {plan.Circuit.Gates.Count} gates after optimization, more than the cap of {MaxGates} for straight-line code";
            }

            return null;
        }

        /// <summary>The <c>MatrixForm</c> member a gate kind's matrix has (also its inverse's).</summary>
        public static string Form(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.X: return "Flip";
                case GateKind.H:
                case GateKind.RY: return "Real";
                case GateKind.RX: return "PauliX";
                case GateKind.RZ: return "Diagonal";
                case GateKind.Z:
                case GateKind.S:
                case GateKind.Sdg:
                case GateKind.T:
                case GateKind.Tdg:
                case GateKind.P: return "Phase";
                default: return "General";
            }
        }

        /// <summary>The form of a product: kept when both factors share it (x counts as real, phase as diagonal).</summary>
        public static string Combine(string a, string b)
        {
            if (a == b)
            {
                return a;
            }

            a = Widen(a);
            b = Widen(b);
            return a == b ? a : "General";
        }

        private static string Widen(string form) => form == "Flip" ? "Real" : form == "Phase" ? "Diagonal" : form;
    }
}
