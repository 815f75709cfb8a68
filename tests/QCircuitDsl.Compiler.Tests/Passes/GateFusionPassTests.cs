using System.Numerics;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

public class GateFusionPassTests
{
    /// <summary>
    /// The block's own small unitary: its gates re-indexed onto the block's qubits (block.Qubits[k] → k)
    /// and multiplied densely. Then embedded back into n qubits. Built only from the block's gates.
    /// </summary>
    private static Complex[,] BlockUnitary(FusedCircuit f, GateBlock block, IReadOnlyList<double> p, out Complex[,] small)
    {
        var map = block.Qubits.Select((q, k) => (q, k)).ToDictionary(t => t.q, t => t.k);
        var local = f.GatesOf(block).Select(g => new IrGate(g.Kind, g.Controls.Select(q => map[q]).ToArray(), g.Targets.Select(q => map[q]).ToArray(), g.Angles, g.Adjoint, g.Origin));
        small = DenseReference.Unitary(block.Qubits.Count, local, p);
        // Embedding: the small unitary acts on block.Qubits in order (first = most significant), which is
        // exactly how DenseReference.FullOperator treats a target list.
        return DenseReference.FullOperator(f.Circuit.QubitCount, [], block.Qubits, small);
    }

    private static bool Check(FusedCircuit f, int maxQubits, double[] p)
    {
        var c = f.Circuit;

        // Partition: every gate exactly once, in order, blocks made of consecutive gates.
        var all = f.Blocks.SelectMany(b => b.GateIndices).ToArray();
        if (!all.SequenceEqual(Enumerable.Range(0, c.Gates.Count)) || f.Blocks.Any(b => b.GateIndices.Count == 0))
        {
            return false;
        }

        var product = DenseReference.Identity(1 << c.QubitCount);
        foreach (var b in f.Blocks)
        {
            var qubits = f.GatesOf(b).SelectMany(g => g.Qubits).Distinct().OrderBy(q => q).ToArray();
            if (!b.Qubits.SequenceEqual(qubits))
            {
                return false;
            }

            if (b.Qubits.Count > maxQubits && b.GateIndices.Count != 1)
            {
                return false;
            }

            var full = BlockUnitary(f, b, p, out var small);
            int dim = small.GetLength(0);
            for (int i = 0; i < dim; i++)
            {
                for (int j = 0; j < dim; j++)
                {
                    if (b.IsDiagonal && i != j && small[i, j] != Complex.Zero)
                    {
                        return false;
                    }

                    if (b.IsReal && small[i, j].Imaginary != 0)
                    {
                        return false;
                    }
                }
            }

            if (b.IsDiagonal != f.GatesOf(b).All(g => GateFacts.IsDiagonal(g.Kind)) || b.IsReal != f.GatesOf(b).All(g => GateFacts.IsReal(g.Kind)))
            {
                return false;
            }

            product = DenseReference.Multiply(full, product);
        }

        return MaxDiff(DenseReference.Unitary(c, p), product) < 1e-11;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_circuits_are_partitioned_into_blocks_whose_product_is_the_circuit(int maxQubits) =>
        PassAssert.Property(InstanceGen(1, 4, 16, withInput: false, allReadouts: false), inst =>
            Check(GateFusionPass.Fuse(inst.Circuit, maxQubits), maxQubits, inst.Parameters), maxTest: 150);

    [Fact]
    public void Greedy_grouping_on_a_known_circuit()
    {
        var c = Circuit(3, 1,
        [
            G1(GateKind.H, 0), // block 0: {0,1}
            G(GateKind.X, [1], [0]),
            G1(GateKind.RZ, 1, P(0)),
            G1(GateKind.RY, 2, C(0.1)), // block 1: {2}... then {1,2}
            G(GateKind.RZZ, [1, 2], angles: [C(0.3)]),
            G(GateKind.X, [2], [0, 1]), // block 2: ccx alone (3 qubits)
            G1(GateKind.Z, 0), // block 3: {0}
            G1(GateKind.S, 0),
        ]);
        var f = GateFusionPass.Fuse(c);
        Assert.Equal(4, f.Blocks.Count);
        Assert.Equal([0, 1], f.Blocks[0].Qubits);
        Assert.Equal([0, 1, 2], f.Blocks[0].GateIndices);
        Assert.False(f.Blocks[0].IsDiagonal);
        Assert.False(f.Blocks[0].IsReal); // rz is complex
        Assert.Equal([1, 2], f.Blocks[1].Qubits);
        Assert.Equal([3, 4], f.Blocks[1].GateIndices);
        Assert.Equal([0, 1, 2], f.Blocks[2].Qubits);
        Assert.Equal([5], f.Blocks[2].GateIndices);
        Assert.True(f.Blocks[2].IsReal);
        Assert.Equal([0], f.Blocks[3].Qubits);
        Assert.True(f.Blocks[3].IsDiagonal);
        Assert.False(f.Blocks[3].IsReal);
        Assert.Same(c, f.Circuit);
        Assert.True(Check(f, 2, [0.7]));
    }

    [Fact]
    public void Empty_circuit_has_no_blocks_and_bad_sizes_are_rejected()
    {
        Assert.Empty(GateFusionPass.Fuse(Circuit(2, 0, [])).Blocks);
        Assert.Throws<ArgumentOutOfRangeException>(() => GateFusionPass.Fuse(Circuit(2, 0, []), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GateFusionPass(0));
        Assert.Throws<ArgumentNullException>(() => GateFusionPass.Fuse(null!));
        Assert.Equal(3, new GateFusionPass(3).MaxQubits);
    }

    [Fact]
    public void Real_diagonal_block_is_flagged_both()
    {
        var f = GateFusionPass.Fuse(Circuit(2, 0, [G1(GateKind.Z, 0), G(GateKind.Z, [1], [0]), G1(GateKind.I, 1)]));
        var b = Assert.Single(f.Blocks);
        Assert.True(b.IsDiagonal);
        Assert.True(b.IsReal);
    }
}
