using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>
    /// Runs the optimizing passes in rounds of fold → merge → cancel → fold until a round removes no
    /// gate (every pass only removes or merges gates, so the gate count is a measure of progress).
    /// </summary>
    public sealed class PassPipeline
    {
        private readonly List<(string Pass, int GatesBefore, int GatesAfter)> _stats = new List<(string Pass, int GatesBefore, int GatesAfter)>();

        public PassPipeline()
            : this(DefaultPasses())
        {
        }

        public PassPipeline(IEnumerable<ICircuitPass> passes)
        {
            Passes = passes?.ToArray() ?? throw new ArgumentNullException(nameof(passes));
        }

        /// <summary>The passes of one round, in order.</summary>
        public IReadOnlyList<ICircuitPass> Passes { get; }

        /// <summary>Safety cap on rounds; the fixpoint is normally reached in two or three.</summary>
        public int MaxRounds { get; set; } = 1000;

        /// <summary>One entry per pass invocation of the last <see cref="Run"/>, in order.</summary>
        public IReadOnlyList<(string Pass, int GatesBefore, int GatesAfter)> Stats => _stats;

        public static IReadOnlyList<ICircuitPass> DefaultPasses() => new ICircuitPass[]
        {
            new ConstantFoldingPass(),
            new RotationMergingPass(),
            new InverseCancellationPass(),
            new ConstantFoldingPass(),
        };

        public static IrCircuit Optimize(IrCircuit c) => new PassPipeline().Run(c);

        public static IrCircuit Optimize(IrCircuit c, out IReadOnlyList<(string Pass, int GatesBefore, int GatesAfter)> stats)
        {
            var p = new PassPipeline();
            var result = p.Run(c);
            stats = p.Stats;
            return result;
        }

        public IrCircuit Run(IrCircuit circuit)
        {
            if (circuit == null)
            {
                throw new ArgumentNullException(nameof(circuit));
            }

            _stats.Clear();
            var current = circuit;
            for (int round = 0; round < MaxRounds; round++)
            {
                int roundStart = current.Gates.Count;
                foreach (var pass in Passes)
                {
                    int before = current.Gates.Count;
                    current = pass.Run(current);
                    _stats.Add((pass.Name, before, current.Gates.Count));
                }

                if (current.Gates.Count == roundStart)
                {
                    break;
                }
            }

            return current;
        }
    }
}
