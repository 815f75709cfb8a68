using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>A run of consecutive gates that the emitter may apply as one small unitary.</summary>
    public sealed class GateBlock
    {
        public GateBlock(IReadOnlyList<int> qubits, IReadOnlyList<int> gateIndices, bool isDiagonal, bool isReal)
        {
            Qubits = qubits.ToArray();
            GateIndices = gateIndices.ToArray();
            IsDiagonal = isDiagonal;
            IsReal = isReal;
        }

        /// <summary>
        /// All qubits the block's gates act on (controls and targets), sorted ascending. At most the fusion's
        /// maxQubits, except for a block holding one single gate that by itself acts on more qubits (e.g. ccx
        /// with maxQubits = 2).
        /// </summary>
        public IReadOnlyList<int> Qubits { get; }

        /// <summary>Indices into <see cref="FusedCircuit.Circuit"/>.Gates, ascending and consecutive.</summary>
        public IReadOnlyList<int> GateIndices { get; }

        /// <summary>True when every gate of the block is diagonal, so the block's unitary is diagonal.</summary>
        public bool IsDiagonal { get; }

        /// <summary>True when every gate of the block has a real matrix for every angle, so the block's unitary is real.</summary>
        public bool IsReal { get; }

        public override string ToString() =>
            $"block q[{string.Join(",", Qubits)}] gates {GateIndices.First()}..{GateIndices.Last()}" + (IsDiagonal ? " diagonal" : "") + (IsReal ? " real" : "");
    }

    /// <summary>A circuit together with a partition of its gate list into consecutive blocks.</summary>
    public sealed class FusedCircuit
    {
        public FusedCircuit(IrCircuit circuit, IReadOnlyList<GateBlock> blocks)
        {
            Circuit = circuit;
            Blocks = blocks.ToArray();
        }

        public IrCircuit Circuit { get; }

        /// <summary>Blocks in execution order; every gate index appears in exactly one block.</summary>
        public IReadOnlyList<GateBlock> Blocks { get; }

        /// <summary>The gates of <paramref name="block"/>, in order.</summary>
        public IEnumerable<IrGate> GatesOf(GateBlock block) => block.GateIndices.Select(i => Circuit.Gates[i]);
    }

    /// <summary>
    /// Greedy fusion for the emitter: walks the gates in order and keeps adding the next gate to the
    /// current block while the union of qubits stays within maxQubits; otherwise it starts a new block.
    /// The gates are not reordered or changed, so the product of the block unitaries (last block
    /// leftmost) is the circuit unitary. A gate that alone acts on more than maxQubits qubits gets a
    /// block of its own.
    /// </summary>
    public sealed class GateFusionPass
    {
        public GateFusionPass(int maxQubits = 2)
        {
            if (maxQubits < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxQubits), maxQubits, "A block must be allowed at least one qubit.");
            }

            MaxQubits = maxQubits;
        }

        public int MaxQubits { get; }

        public string Name => "gate-fusion";

        public FusedCircuit Run(IrCircuit circuit) => Fuse(circuit, MaxQubits);

        public static FusedCircuit Fuse(IrCircuit c, int maxQubits = 2)
        {
            if (c == null)
            {
                throw new ArgumentNullException(nameof(c));
            }

            if (maxQubits < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxQubits), maxQubits, "A block must be allowed at least one qubit.");
            }

            var blocks = new List<GateBlock>();
            var qubits = new SortedSet<int>();
            var indices = new List<int>();
            bool diagonal = true, real = true;

            void Flush()
            {
                if (indices.Count > 0)
                {
                    blocks.Add(new GateBlock(qubits.ToArray(), indices.ToArray(), diagonal, real));
                }

                qubits.Clear();
                indices.Clear();
                diagonal = true;
                real = true;
            }

            for (int i = 0; i < c.Gates.Count; i++)
            {
                var g = c.Gates[i];
                var union = new SortedSet<int>(qubits);
                union.UnionWith(g.Qubits);
                if (indices.Count > 0 && union.Count > maxQubits)
                {
                    Flush();
                    union = new SortedSet<int>(g.Qubits);
                }

                qubits.UnionWith(union);
                indices.Add(i);
                diagonal &= GateFacts.IsDiagonal(g.Kind);
                real &= GateFacts.IsReal(g.Kind);
            }

            Flush();
            return new FusedCircuit(c, blocks);
        }
    }
}
