using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

public class ConstantFoldingPassTests
{
    private const double Tau = 2 * Math.PI;
    private static readonly ConstantFoldingPass Pass = new();

    public static TheoryData<string, IrGate> IdentityGates() => new()
    {
        { "i", G1(GateKind.I, 1) },
        { "ctrl i", G(GateKind.I, [0], [2]) },
        { "rx(0)", G1(GateKind.RX, 0, C(0)) },
        { "rx(4π)", G1(GateKind.RX, 0, C(2 * Tau)) },
        { "ry(−4π)", G1(GateKind.RY, 2, C(-2 * Tau)) },
        { "crz(8π)", G(GateKind.RZ, [1], [0], [C(4 * Tau)]) },
        { "p(0)", G1(GateKind.P, 1, C(0)) },
        { "cp(2π)", G(GateKind.P, [1], [2], [C(Tau)]) },
        { "p(−6π)", G1(GateKind.P, 1, C(-3 * Tau)) },
        { "rxx(0)", G(GateKind.RXX, [0, 2], angles: [C(0)]) },
        { "ryy(4π)", G(GateKind.RYY, [2, 1], angles: [C(2 * Tau)]) },
        { "crzz(0)", G(GateKind.RZZ, [0, 1], [2], [C(0)]) },
        { "u3(0, a, −a)", G(GateKind.U3, [0], angles: [C(0), C(0.7), C(-0.7)]) },
        { "u3(0,0,0)", G(GateKind.U3, [0], angles: [C(0), C(0), C(0)]) },
        { "rot(a, 0, −a)", G(GateKind.Rot, [1], [0], [C(1.3), C(0), C(-1.3)]) },
        { "rot(0, 4π, 0)", G(GateKind.Rot, [1], angles: [C(0), C(2 * Tau), C(0)]) },
        { "p(0) p-expression folded to 0", G1(GateKind.P, 0, AffineExpression.FromParameter(0) - AffineExpression.FromParameter(0)) },
    };

    public static TheoryData<string, IrGate> NonIdentityGates() => new()
    {
        { "rx(2π) = −I", G1(GateKind.RX, 0, C(Tau)) },
        { "crx(2π)", G(GateKind.RX, [1], [0], [C(Tau)]) },
        { "rz(2π)", G1(GateKind.RZ, 2, C(Tau)) },
        { "rzz(2π)", G(GateKind.RZZ, [0, 1], angles: [C(Tau)]) },
        { "p(π)", G1(GateKind.P, 0, C(Math.PI)) },
        { "rx(1e-9)", G1(GateKind.RX, 0, C(1e-9)) },
        { "rx(p)", G1(GateKind.RX, 0, P(0)) },
        { "rx(0·… + p) affine", G1(GateKind.RX, 0, P(0, 1.0, 2 * Tau)) },
        { "u3(0, a, b)", G(GateKind.U3, [0], angles: [C(0), C(0.7), C(0.2)]) },
        { "rot(a, 0, a)", G(GateKind.Rot, [1], angles: [C(1.3), C(0), C(1.3)]) },
        { "u3(2π, 0, 0) = −I", G(GateKind.U3, [0], angles: [C(Tau), C(0), C(0)]) },
        { "x", G1(GateKind.X, 0) },
        { "z", G1(GateKind.Z, 0) },
    };

    [Theory]
    [MemberData(nameof(IdentityGates))]
    public void Identity_gates_are_dropped(string name, IrGate gate)
    {
        var c = Circuit(3, 1, [G1(GateKind.H, 0), gate, G(GateKind.X, [2], [0])]);
        var folded = Pass.Run(c);
        Assert.Equal(2, folded.Gates.Count);
        Assert.DoesNotContain(gate, folded.Gates);
        Assert.True(PassAssert.UnitaryDistance(c, folded) < 1e-12, name);
    }

    [Theory]
    [MemberData(nameof(NonIdentityGates))]
    public void Other_gates_are_kept(string name, IrGate gate)
    {
        var c = Circuit(3, 1, [G1(GateKind.H, 0), gate]);
        var folded = Pass.Run(c);
        Assert.Same(c, folded);
        Assert.False(ConstantFoldingPass.IsIdentity(gate), name);

        // And dropping it would indeed change the circuit's unitary (the kept gate is not secretly the identity).
        var without = c.WithGates([c.Gates[0]]);
        Assert.True(PassAssert.UnitaryDistance(c, without) > 1e-10, name);
    }

    [Fact]
    public void Controlled_rx_2pi_is_a_physical_phase_and_must_stay()
    {
        // H on the control, crx(2π): the relative sign between |0⟩|0⟩ and |1⟩|0⟩ flips.
        var c = Circuit(2, 0, [G1(GateKind.H, 0), G(GateKind.RX, [1], [0], [C(Tau)])]);
        var folded = Pass.Run(c);
        Assert.Equal(2, folded.Gates.Count);
        var state = DenseReference.FinalState(folded, [], null);
        Assert.Equal(-1 / Math.Sqrt(2), state[2].Real, 12);
    }

    [Fact]
    public void Non_finite_constant_angles_are_not_mistaken_for_identity()
    {
        Assert.False(ConstantFoldingPass.IsIdentity(G1(GateKind.RX, 0, C(double.NaN))));
        Assert.False(ConstantFoldingPass.IsIdentity(G(GateKind.U3, [0], angles: [C(0), C(double.PositiveInfinity), C(0)])));
    }

    [Fact]
    public void Circuit_metadata_is_kept_and_unchanged_circuits_are_returned_as_is()
    {
        var c = Circuit(2, 2, [G1(GateKind.RX, 0, C(0)), G1(GateKind.RY, 1, P(1))], AllReadouts(2), inputLength: 3);
        var folded = Pass.Run(c);
        Assert.Single(folded.Gates);
        Assert.Equal(c.ParameterArrays, folded.ParameterArrays);
        Assert.Equal(c.Readouts, folded.Readouts);
        Assert.Same(c.Input, folded.Input);
        Assert.Equal(c.QubitCount, folded.QubitCount);
        Assert.Same(folded, Pass.Run(folded));
        Assert.Equal("constant-folding", Pass.Name);
    }

    [Fact]
    public void Random_circuits_keep_their_unitary_and_lose_all_identity_gates() =>
        PassAssert.Property(PassAssert.OptimizableCircuits(AllKinds), inst =>
        {
            var folded = Pass.Run(inst.Circuit);
            return folded.Gates.All(g => !ConstantFoldingPass.IsIdentity(g)) &&
                   folded.Gates.Count <= inst.Circuit.Gates.Count &&
                   PassAssert.UnitaryDistance(inst.Circuit, folded) < 1e-10;
        });
}
