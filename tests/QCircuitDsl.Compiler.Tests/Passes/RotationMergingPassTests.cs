using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

public class RotationMergingPassTests
{
    private static readonly RotationMergingPass Pass = new();

    [Fact]
    public void Adjacent_rotations_merge_and_keep_every_parameter()
    {
        var c = Circuit(2, 3, [G1(GateKind.RX, 0, P(0)), G1(GateKind.RX, 0, P(1, 2.0, 0.5)), G1(GateKind.RX, 0, P(2, -1.0))]);
        var merged = Pass.Run(c);
        var g = Assert.Single(merged.Gates);
        Assert.Equal(GateKind.RX, g.Kind);
        Assert.Equal(AffineExpression.Create(0.5, [new AffineTerm(0, 1), new AffineTerm(1, 2), new AffineTerm(2, -1)]), g.Angles[0]);
        PassAssert.SameFunction(c, merged);
    }

    [Fact]
    public void Same_parameter_twice_doubles_its_coefficient()
    {
        // qulacs #632: after merging, the parameter must still drive the merged gate with the right weight.
        var c = Circuit(1, 1, [G1(GateKind.RY, 0, P(0)), G1(GateKind.RY, 0, P(0))], [new IrReadout(IrReadoutKind.ExpvalEach, "z", [0])]);
        var merged = Pass.Run(c);
        Assert.Equal(P(0, 2.0), Assert.Single(merged.Gates).Angles[0]);
        PassAssert.SameFunction(c, merged);
    }

    [Fact]
    public void Gates_on_other_qubits_in_between_do_not_block()
    {
        var c = Circuit(3, 2, [G1(GateKind.RZ, 1, P(0)), G1(GateKind.H, 0), G(GateKind.X, [2], [0]), G1(GateKind.RZ, 1, P(1))]);
        var merged = Pass.Run(c);
        Assert.Equal(3, merged.Gates.Count);
        Assert.Equal(GateKind.RZ, merged.Gates[0].Kind);
        Assert.Equal(2, merged.Gates[0].Angles[0].Terms.Count);
        PassAssert.SameFunction(c, merged);
    }

    public static TheoryData<string, IrGate, IrGate[], IrGate> Blocked() => new()
    {
        { "gate on the target between", G1(GateKind.RX, 0, P(0)), [G1(GateKind.H, 0)], G1(GateKind.RX, 0, P(1)) },
        { "gate on a control between", G(GateKind.RY, [1], [0], [P(0)]), [G1(GateKind.H, 0)], G(GateKind.RY, [1], [0], [P(1)]) },
        { "different kinds", G1(GateKind.RX, 0, P(0)), [], G1(GateKind.RY, 0, P(1)) },
        { "different targets", G1(GateKind.RX, 0, P(0)), [], G(GateKind.RX, [1], [0], [P(1)]) },
        { "different controls", G(GateKind.RX, [1], [0], [P(0)]), [], G(GateKind.RX, [1], [2], [P(1)]) },
        { "control vs no control", G(GateKind.RX, [1], [0], [P(0)]), [], G1(GateKind.RX, 1, P(1)) },
        { "crz with roles swapped", G(GateKind.RZ, [1], [0], [P(0)]), [], G(GateKind.RZ, [0], [1], [P(1)]) },
        { "u3 is not additive", G(GateKind.U3, [0], angles: [P(0), C(0), C(0)]), [], G(GateKind.U3, [0], angles: [P(1), C(0), C(0)]) },
        { "rxx on overlapping pairs", G(GateKind.RXX, [0, 1], angles: [P(0)]), [], G(GateKind.RXX, [1, 2], angles: [P(1)]) },
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public void Non_mergeable_pairs_stay(string name, IrGate first, IrGate[] between, IrGate second)
    {
        var c = Circuit(3, 2, new[] { first }.Concat(between).Append(second));
        var result = Pass.Run(c);
        Assert.True(result.Gates.Count == c.Gates.Count, name);
        Assert.Same(c, result);
    }

    public static TheoryData<string, IrGate, IrGate> SymmetricPairs() => new()
    {
        { "rzz reversed", G(GateKind.RZZ, [0, 2], angles: [P(0)]), G(GateKind.RZZ, [2, 0], angles: [P(1)]) },
        { "rxx reversed", G(GateKind.RXX, [1, 0], angles: [P(0)]), G(GateKind.RXX, [0, 1], angles: [P(1)]) },
        { "ryy reversed, controlled", G(GateKind.RYY, [1, 0], [2], [P(0)]), G(GateKind.RYY, [0, 1], [2], [P(1)]) },
        { "cp roles swapped", G(GateKind.P, [1], [0], [P(0)]), G(GateKind.P, [0], [1], [P(1)]) },
        { "ccrx controls reordered", G(GateKind.RX, [1], [0, 2], [P(0)]), G(GateKind.RX, [1], [2, 0], [P(1)]) },
    };

    [Theory]
    [MemberData(nameof(SymmetricPairs))]
    public void Symmetric_slots_merge(string name, IrGate first, IrGate second)
    {
        var c = Circuit(3, 2, [first, second]);
        var merged = Pass.Run(c);
        Assert.True(merged.Gates.Count == 1, name);
        PassAssert.SameFunction(c, merged);
    }

    [Fact]
    public void Opposite_angles_merge_to_a_constant_that_folding_then_removes()
    {
        var c = Circuit(1, 1, [G1(GateKind.RX, 0, P(0)), G1(GateKind.RX, 0, -P(0))]);
        var merged = Pass.Run(c);
        var g = Assert.Single(merged.Gates);
        Assert.True(g.Angles[0].IsConstant);
        Assert.Empty(new ConstantFoldingPass().Run(merged).Gates);
    }

    private static readonly GateKind[] RotationKinds =
        [GateKind.RX, GateKind.RY, GateKind.RZ, GateKind.P, GateKind.RXX, GateKind.RYY, GateKind.RZZ, GateKind.H, GateKind.X];

    [Fact]
    public void Random_circuits_keep_unitary_and_gradient() =>
        PassAssert.Property(PassAssert.OptimizableCircuits(RotationKinds, 16), inst =>
        {
            var merged = Pass.Run(inst.Circuit);
            bool fixpoint = Pass.Run(merged).Gates.Count == merged.Gates.Count;
            return fixpoint &&
                   merged.Gates.Count <= inst.Circuit.Gates.Count &&
                   PassAssert.UnitaryDistance(inst.Circuit, merged) < 1e-10 &&
                   PassAssert.GradientDistance(inst.Circuit, merged) < 1e-9;
        });
}
