using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

public class InverseCancellationPassTests
{
    private static readonly InverseCancellationPass Pass = new();

    public static TheoryData<string, IrGate, IrGate> InversePairs() => new()
    {
        { "h h", G1(GateKind.H, 0), G1(GateKind.H, 0) },
        { "x x", G1(GateKind.X, 1), G1(GateKind.X, 1) },
        { "y y", G1(GateKind.Y, 1), G1(GateKind.Y, 1) },
        { "z z", G1(GateKind.Z, 2), G1(GateKind.Z, 2) },
        { "i i", G1(GateKind.I, 2), G1(GateKind.I, 2) },
        { "cx cx", G(GateKind.X, [1], [0]), G(GateKind.X, [1], [0]) },
        { "ccx with control order swapped", G(GateKind.X, [1], [0, 2]), G(GateKind.X, [1], [2, 0]) },
        { "cz reversed", G(GateKind.Z, [1], [0]), G(GateKind.Z, [0], [1]) },
        { "ccz permuted", G(GateKind.Z, [1], [0, 2]), G(GateKind.Z, [0], [2, 1]) },
        { "swap reversed", G(GateKind.Swap, [0, 2]), G(GateKind.Swap, [2, 0]) },
        { "cswap", G(GateKind.Swap, [0, 2], [1]), G(GateKind.Swap, [0, 2], [1]) },
        { "s sdg", G1(GateKind.S, 0), G1(GateKind.Sdg, 0) },
        { "sdg s", G1(GateKind.Sdg, 0), G1(GateKind.S, 0) },
        { "t tdg", G1(GateKind.T, 0), G1(GateKind.Tdg, 0) },
        { "tdg t", G1(GateKind.Tdg, 0), G1(GateKind.T, 0) },
        { "cs csdg reversed", G(GateKind.S, [0], [1]), G(GateKind.Sdg, [1], [0]) },
        { "s inv@s", G1(GateKind.S, 0), G(GateKind.S, [0], adjoint: true) },
        { "inv@t t", G(GateKind.T, [0], adjoint: true), G1(GateKind.T, 0) },
        { "sx inv@sx", G1(GateKind.SX, 2), G(GateKind.SX, [2], adjoint: true) },
        { "inv@sx sx", G(GateKind.SX, [2], adjoint: true), G1(GateKind.SX, 2) },
        { "csx inv@csx", G(GateKind.SX, [2], [0]), G(GateKind.SX, [2], [0], adjoint: true) },
        { "iswap inv@iswap", G(GateKind.ISwap, [0, 1]), G(GateKind.ISwap, [0, 1], adjoint: true) },
        { "iswap inv@iswap reversed", G(GateKind.ISwap, [0, 1]), G(GateKind.ISwap, [1, 0], adjoint: true) },
        { "inv@h h", G(GateKind.H, [0], adjoint: true), G1(GateKind.H, 0) },
        { "h inv@h", G1(GateKind.H, 0), G(GateKind.H, [0], adjoint: true) },
        { "inv@cx inv@cx", G(GateKind.X, [2], [1], adjoint: true), G(GateKind.X, [2], [1], adjoint: true) },
    };

    [Theory]
    [MemberData(nameof(InversePairs))]
    public void Inverse_pairs_vanish(string name, IrGate a, IrGate b)
    {
        var c = Circuit(3, 0, [G1(GateKind.RY, 0, C(0.3)), a, b, G(GateKind.X, [1], [2])]);
        var result = Pass.Run(c);
        Assert.True(result.Gates.Count == 2, name);
        Assert.Equal(c.Gates[0], result.Gates[0]);
        Assert.Equal(c.Gates[3], result.Gates[1]);
        Assert.True(InverseCancellationPass.AreInverse(a, b));
        Assert.True(PassAssert.UnitaryDistance(c, result) < 1e-12, name);
    }

    public static TheoryData<string, IrGate[]> NotCancelled() => new()
    {
        { "s s", [G1(GateKind.S, 0), G1(GateKind.S, 0)] },
        { "sx sx", [G1(GateKind.SX, 0), G1(GateKind.SX, 0)] },
        { "inv@sx inv@sx", [G(GateKind.SX, [0], adjoint: true), G(GateKind.SX, [0], adjoint: true)] },
        { "iswap iswap", [G(GateKind.ISwap, [0, 1]), G(GateKind.ISwap, [0, 1])] },
        { "t sdg", [G1(GateKind.T, 0), G1(GateKind.Sdg, 0)] },
        { "cx roles swapped", [G(GateKind.X, [1], [0]), G(GateKind.X, [0], [1])] },
        { "cx vs x", [G(GateKind.X, [1], [0]), G1(GateKind.X, 1)] },
        { "cy roles swapped", [G(GateKind.Y, [1], [0]), G(GateKind.Y, [0], [1])] },
        { "h x h (blocked)", [G1(GateKind.H, 0), G(GateKind.X, [1], [0]), G1(GateKind.H, 0)] },
        { "cx h cx (blocked on control)", [G(GateKind.X, [1], [0]), G1(GateKind.H, 0), G(GateKind.X, [1], [0])] },
        { "x y", [G1(GateKind.X, 0), G1(GateKind.Y, 0)] },
        { "x on different qubits", [G1(GateKind.X, 0), G1(GateKind.X, 1)] },
        { "rx rx (angles are for merging)", [G1(GateKind.RX, 0, C(1)), G1(GateKind.RX, 0, C(-1))] },
    };

    [Theory]
    [MemberData(nameof(NotCancelled))]
    public void Other_pairs_stay(string name, IrGate[] gates)
    {
        var c = Circuit(3, 0, gates);
        Assert.True(ReferenceEquals(c, Pass.Run(c)), name);
    }

    [Fact]
    public void Gates_on_other_qubits_in_between_do_not_block()
    {
        var c = Circuit(3, 0, [G(GateKind.X, [1], [0]), G1(GateKind.H, 2), G1(GateKind.RY, 2, C(0.4)), G(GateKind.X, [1], [0])]);
        var result = Pass.Run(c);
        Assert.Equal([GateKind.H, GateKind.RY], result.Gates.Select(g => g.Kind));
        Assert.True(PassAssert.UnitaryDistance(c, result) < 1e-12);
    }

    [Fact]
    public void Nested_pairs_vanish_completely()
    {
        // h s cx sx inv@sx cx sdg h → nothing, including across a gate on another qubit.
        var c = Circuit(3, 0,
        [
            G1(GateKind.H, 0), G1(GateKind.S, 0), G(GateKind.X, [1], [0]), G1(GateKind.RX, 2, C(0.2)),
            G1(GateKind.SX, 1), G(GateKind.SX, [1], adjoint: true), G(GateKind.X, [1], [0]), G1(GateKind.Sdg, 0), G1(GateKind.H, 0),
        ]);
        var result = Pass.Run(c);
        Assert.Equal(GateKind.RX, Assert.Single(result.Gates).Kind);
        Assert.True(PassAssert.UnitaryDistance(c, result) < 1e-12);
    }

    [Fact]
    public void A_run_of_three_leaves_one()
    {
        var c = Circuit(1, 0, [G1(GateKind.X, 0), G1(GateKind.X, 0), G1(GateKind.X, 0)]);
        Assert.Single(Pass.Run(c).Gates);
    }

    private static readonly GateKind[] FixedKinds =
        [GateKind.X, GateKind.Y, GateKind.Z, GateKind.H, GateKind.S, GateKind.Sdg, GateKind.T, GateKind.Tdg, GateKind.SX, GateKind.Swap, GateKind.ISwap];

    [Fact]
    public void Random_circuits_keep_their_unitary_and_reach_a_fixpoint() =>
        PassAssert.Property(PassAssert.OptimizableCircuits(FixedKinds, 18), inst =>
        {
            var result = Pass.Run(inst.Circuit);
            bool noPairLeft = true;
            for (int i = 0; i < result.Gates.Count; i++)
            {
                int j = Enumerable.Range(i + 1, result.Gates.Count - i - 1)
                    .FirstOrDefault(k => result.Gates[k].Qubits.Intersect(result.Gates[i].Qubits).Any(), -1);
                noPairLeft &= j < 0 || !InverseCancellationPass.AreInverse(result.Gates[i], result.Gates[j]);
            }

            return noPairLeft && (inst.Circuit.Gates.Count - result.Gates.Count) % 2 == 0 &&
                   PassAssert.UnitaryDistance(inst.Circuit, result) < 1e-10;
        }, maxTest: 300);
}
