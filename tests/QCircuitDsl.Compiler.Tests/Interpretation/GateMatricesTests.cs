using System.Numerics;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Interpretation;

public class GateMatricesTests
{
    public static TheoryData<GateKind> Kinds() => new(AllKinds);

    private static double[] SomeAngles(GateKind kind, int seed) =>
        RandomValues(new Random(seed * 31 + (int)kind), GateFacts.AngleCount(kind), 7.0);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Matrix_matches_textbook_definition(GateKind kind)
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var a = SomeAngles(kind, seed);
            var expected = DenseReference.BaseGate(kind, a);
            AssertClose(expected, GateMatrices.Matrix(kind, a, false), 1e-14, $"{kind}");
            AssertClose(DenseReference.Dagger(expected), GateMatrices.Matrix(kind, a, true), 1e-14, $"{kind}†");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Matrix_is_unitary_and_has_expected_size(GateKind kind)
    {
        var a = SomeAngles(kind, 7);
        var m = GateMatrices.Matrix(kind, a, false);
        int dim = 1 << GateFacts.TargetCount(kind);
        Assert.Equal(dim, m.GetLength(0));
        Assert.Equal(dim, m.GetLength(1));
        AssertClose(DenseReference.Identity(dim), GateMatrices.Multiply(GateMatrices.Matrix(kind, a, true), m), 1e-14);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Derivative_matches_central_difference(GateKind kind)
    {
        int count = GateFacts.AngleCount(kind);
        for (int seed = 0; seed < 4; seed++)
        {
            var a = SomeAngles(kind, seed);
            for (int k = 0; k < count; k++)
            {
                foreach (bool adjoint in new[] { false, true })
                {
                    const double h = 1e-6;
                    var plus = (double[])a.Clone();
                    var minus = (double[])a.Clone();
                    plus[k] += h;
                    minus[k] -= h;
                    var fd = DenseReference.Add(GateMatrices.Matrix(kind, plus, adjoint), GateMatrices.Matrix(kind, minus, adjoint), -1);
                    var scaled = DenseReference.Add(new Complex[fd.GetLength(0), fd.GetLength(1)], fd, 1 / (2 * h));
                    AssertClose(scaled, GateMatrices.Derivative(kind, a, k, adjoint), 1e-8, $"d{kind}/da{k} adjoint={adjoint}");
                }
            }
        }
    }

    [Fact]
    public void Known_identities_hold()
    {
        // ISwap: |01⟩ → i|10⟩ (basis order |t0 t1⟩, t0 most significant).
        var iswap = GateMatrices.Matrix(GateKind.ISwap, [], false);
        Assert.Equal(Complex.ImaginaryOne, iswap[2, 1]);
        Assert.Equal(Complex.ImaginaryOne, iswap[1, 2]);

        // SX·SX = X, S·S = Z, T·T = S.
        var sx = GateMatrices.Matrix(GateKind.SX, [], false);
        AssertClose(GateMatrices.Matrix(GateKind.X, [], false), GateMatrices.Multiply(sx, sx), 1e-15);
        var s = GateMatrices.Matrix(GateKind.S, [], false);
        AssertClose(GateMatrices.Matrix(GateKind.Z, [], false), GateMatrices.Multiply(s, s), 1e-15);
        var t = GateMatrices.Matrix(GateKind.T, [], false);
        AssertClose(s, GateMatrices.Multiply(t, t), 1e-15);

        // RX(2π) = −I, not I.
        var rx2pi = GateMatrices.Matrix(GateKind.RX, [2 * Math.PI], false);
        Assert.False(GateMatrices.IsIdentity(rx2pi, 1e-12));
        AssertClose(new Complex[,] { { -1, 0 }, { 0, -1 } }, rx2pi, 1e-15);

        // Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ) and U3(θ, φ, λ) = RZ(φ) RY(θ) RZ(λ) · e^{i(φ+λ)/2}.
        double ph = 0.3, th = -1.1, om = 2.5;
        var rz = (double x) => GateMatrices.Matrix(GateKind.RZ, [x], false);
        var ry = GateMatrices.Matrix(GateKind.RY, [th], false);
        AssertClose(GateMatrices.Multiply(rz(om), GateMatrices.Multiply(ry, rz(ph))), GateMatrices.Matrix(GateKind.Rot, [ph, th, om], false), 1e-15);
        var u3 = GateMatrices.Matrix(GateKind.U3, [th, ph, om], false);
        var zyz = GateMatrices.Multiply(rz(ph), GateMatrices.Multiply(ry, rz(om)));
        var phase = Complex.FromPolarCoordinates(1, (ph + om) / 2);
        AssertClose(DenseReference.Add(new Complex[2, 2], zyz, phase), u3, 1e-15);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var e1 = Assert.Throws<ArgumentException>(() => GateMatrices.Matrix(GateKind.RX, [], false));
        Assert.Contains("RX takes 1 angle(s), got 0", e1.Message);
        Assert.Throws<ArgumentException>(() => GateMatrices.Matrix(GateKind.H, [0.1], false));
        Assert.Throws<ArgumentException>(() => GateMatrices.Derivative(GateKind.U3, [0.1, 0.2], 0, false));
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => GateMatrices.Derivative(GateKind.U3, [0.1, 0.2, 0.3], 3, false));
        Assert.Contains("out of range", e2.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GateMatrices.Derivative(GateKind.RX, [0.1], -1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => GateMatrices.Derivative(GateKind.H, [], 0, false));
        Assert.Throws<ArgumentNullException>(() => GateMatrices.Matrix(GateKind.H, null!, false));
    }
}
