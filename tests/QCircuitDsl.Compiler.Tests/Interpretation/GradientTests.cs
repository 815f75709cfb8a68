using FsCheck.Fluent;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Interpretation;

/// <summary>Adjoint gradients of the reference interpreter against central finite differences (h = 1e-6).</summary>
public class GradientTests
{
    private const double H = 1e-6;

    private static double Loss(IrCircuit c, double[] p, double[]? x, double[] u)
    {
        var r = ReferenceInterpreter.Readouts(c, ReferenceInterpreter.Run(c, p, x));
        return r.Zip(u, (a, b) => a * b).Sum();
    }

    private static double[] FdParameters(IrCircuit c, double[] p, double[]? x, double[] u) =>
        Enumerable.Range(0, p.Length).Select(i =>
        {
            var plus = (double[])p.Clone();
            var minus = (double[])p.Clone();
            plus[i] += H;
            minus[i] -= H;
            return (Loss(c, plus, x, u) - Loss(c, minus, x, u)) / (2 * H);
        }).ToArray();

    private static double[] FdInput(IrCircuit c, double[] p, double[] x, double[] u) =>
        Enumerable.Range(0, x.Length).Select(i =>
        {
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[i] += H;
            minus[i] -= H;
            return (Loss(c, p, plus, u) - Loss(c, p, minus, u)) / (2 * H);
        }).ToArray();

    /// <summary>|a − b| ≤ tol·(1 + |b|) entry-wise.</summary>
    private static bool Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double tol = 1e-6) =>
        actual.Count == expected.Count && actual.Zip(expected, (a, b) => Math.Abs(a - b) <= tol * (1 + Math.Abs(b))).All(ok => ok);

    private static void CheckAgainstFiniteDifferences(IrCircuit c, double[] p, double[]? x, double[] u)
    {
        var g = ReferenceInterpreter.Gradients(c, p, x, u);
        AssertClose(ReferenceInterpreter.Readouts(c, ReferenceInterpreter.Run(c, p, x)), g.Readouts, 0, "readouts");
        var fd = FdParameters(c, p, x, u);
        Assert.True(Close(g.Parameters, fd), $"parameter gradient {string.Join(", ", g.Parameters)} vs FD {string.Join(", ", fd)}");
        if (x == null)
        {
            Assert.Null(g.Input);
        }
        else
        {
            Assert.NotNull(g.Input);
            var fdx = FdInput(c, p, x, u);
            Assert.True(Close(g.Input!, fdx), $"input gradient {string.Join(", ", g.Input!)} vs FD {string.Join(", ", fdx)}");
        }
    }

    /// <summary>A circuit using every angle gate (with controls, reversed targets and affine angles) and shared parameters.</summary>
    private static IrGate[] RichGates() =>
    [
        G1(GateKind.H, 0),
        G1(GateKind.RX, 1, P(0)),
        G1(GateKind.RY, 2, P(1, -2.0, 0.3)),
        G(GateKind.RZ, [0], [1], [P(2)]),
        G(GateKind.P, [2], [0], [AffineExpression.Create(0.1, [new AffineTerm(0, 0.5), new AffineTerm(3, 1.5)])]),
        G(GateKind.U3, [1], [], [P(3), P(0, -1.0), P(4, 2.0)]),
        G(GateKind.Rot, [2], [0, 1], [P(4), P(2, 0.5), P(1)]),
        G(GateKind.RXX, [2, 0], [], [P(1)]),
        G(GateKind.RYY, [0, 1], [2], [P(3, -0.7)]),
        G(GateKind.RZZ, [1, 2], [], [P(0, 3.0, -1.0)]),
        G(GateKind.SX, [0], [], [], true),
        G(GateKind.ISwap, [1, 2]),
        G(GateKind.RX, [0], [], [C(0.4)]),
        G1(GateKind.T, 2),
        G(GateKind.RY, [1], [2], [P(4)]),
    ];

    public static TheoryData<IrReadoutKind> ReadoutKinds() =>
        new(IrReadoutKind.ExpvalEach, IrReadoutKind.PauliString, IrReadoutKind.Probabilities, IrReadoutKind.State);

    [Theory]
    [MemberData(nameof(ReadoutKinds))]
    public void Parameter_gradients_match_finite_differences_for_each_readout_kind(IrReadoutKind kind)
    {
        var readout = AllReadouts(3).Single(r => r.Kind == kind);
        var c = Circuit(3, 5, RichGates(), [readout]);
        var rng = new Random(17 + (int)kind);
        for (int trial = 0; trial < 3; trial++)
        {
            CheckAgainstFiniteDifferences(c, RandomValues(rng, 5), null, RandomValues(rng, c.ReadoutLength, 1.0));
        }
    }

    [Theory]
    [MemberData(nameof(ReadoutKinds))]
    public void Input_gradients_match_finite_differences_for_each_readout_kind(IrReadoutKind kind)
    {
        var readout = AllReadouts(3).Single(r => r.Kind == kind);
        var rng = new Random(23 + (int)kind);
        foreach (int length in new[] { 8, 5, 1 })
        {
            var c = Circuit(3, 5, RichGates(), [readout], inputLength: length);
            var x = RandomValues(rng, length, 2.0);
            x[0] += 0.5; // keep away from zero norm
            CheckAgainstFiniteDifferences(c, RandomValues(rng, 5), x, RandomValues(rng, c.ReadoutLength, 1.0));
        }
    }

    [Fact]
    public void Gradient_of_single_rotation_has_the_closed_form()
    {
        // ⟨Z⟩ after RX(2p + 0.5) on |0⟩ is cos(2p + 0.5); d/dp = −2 sin(2p + 0.5).
        var c = Circuit(1, 1, [G1(GateKind.RX, 0, P(0, 2.0, 0.5))], [new IrReadout(IrReadoutKind.ExpvalEach, "z", [0])]);
        double p = 0.3;
        var g = ReferenceInterpreter.Gradients(c, [p], null, [1.0]);
        Assert.Equal(Math.Cos(2 * p + 0.5), g.Readouts[0], 14);
        Assert.Equal(-2 * Math.Sin(2 * p + 0.5), g.Parameters[0], 14);
    }

    [Fact]
    public void Unused_parameters_and_zero_upstream_give_zero_gradient()
    {
        var c = Circuit(2, 3, [G1(GateKind.RY, 0, P(0)), G1(GateKind.RX, 1, C(0.3)), G(GateKind.X, [0], [1])], AllReadouts(2));
        var u = new double[c.ReadoutLength];
        u[0] = 1.0; // ⟨X0⟩, unaffected by the cx whose target is q0
        var g = ReferenceInterpreter.Gradients(c, [0.4, 1.0, 2.0], null, u);
        Assert.Equal(Math.Cos(0.4), g.Parameters[0], 12); // ⟨X⟩ = sin p
        Assert.Equal(0.0, g.Parameters[1]);
        Assert.Equal(0.0, g.Parameters[2]);

        var zero = ReferenceInterpreter.Gradients(c, [0.4, 1.0, 2.0], null, new double[c.ReadoutLength]);
        Assert.All(zero.Parameters, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Random_circuits_match_finite_differences()
    {
        var gen =
            from inst in InstanceGen(1, 3, 10).Where(i => i.Input == null || Math.Sqrt(i.Input.Sum(v => v * v)) > 0.2)
            from u in ValuesGen(inst.Circuit.ReadoutLength, 1.0)
            select (inst, u);
        FsCheck.Check.One(
            FsCheck.Config.QuickThrowOnFailure.WithMaxTest(120),
            FsCheck.Fluent.Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var (inst, u) = t;
                var g = ReferenceInterpreter.Gradients(inst.Circuit, inst.Parameters, inst.Input, u);
                bool ok = Close(g.Parameters, FdParameters(inst.Circuit, inst.Parameters, inst.Input, u), 1e-5);
                if (inst.Input != null)
                {
                    ok &= Close(g.Input!, FdInput(inst.Circuit, inst.Parameters, inst.Input, u), 1e-5);
                }

                return ok;
            }));
    }
}
