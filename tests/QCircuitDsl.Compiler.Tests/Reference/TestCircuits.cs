using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Tests.Reference;

/// <summary>Builders for hand-made IR circuits, FsCheck generators of random ones, and numeric assertions.</summary>
public static class TestCircuits
{
    public static readonly GateKind[] AllKinds = Enum.GetValues<GateKind>();

    public static AffineExpression C(double v) => AffineExpression.FromConstant(v);

    public static AffineExpression P(int index, double coefficient = 1.0, double constant = 0.0) =>
        AffineExpression.Create(constant, [new AffineTerm(index, coefficient)]);

    public static IrGate G(GateKind kind, int[] targets, int[]? controls = null, AffineExpression[]? angles = null, bool adjoint = false) =>
        new(kind, controls ?? [], targets, angles ?? [], adjoint, SourceSpan.None);

    /// <summary>1q gate shorthand.</summary>
    public static IrGate G1(GateKind kind, int target, params AffineExpression[] angles) => G(kind, [target], angles: angles);

    public static IrCircuit Circuit(int qubits, int parameterCount, IEnumerable<IrGate> gates, IEnumerable<IrReadout>? readouts = null, int? inputLength = null) =>
        new(
            "test",
            [],
            qubits,
            parameterCount == 0 ? [] : [new IrParameterArray("theta", [parameterCount], 0)],
            inputLength is int l ? new IrAmplitudeInput("x", l) : null,
            gates.ToArray(),
            (readouts ?? [new IrReadout(IrReadoutKind.State, "", [])]).ToArray());

    /// <summary>A readout set that exercises every kind.</summary>
    public static IrReadout[] AllReadouts(int n) =>
    [
        new IrReadout(IrReadoutKind.ExpvalEach, "xyz", Enumerable.Range(0, n).ToArray()),
        new IrReadout(IrReadoutKind.PauliString, n >= 3 ? "xiy" : n == 2 ? "zx" : "y", Enumerable.Range(0, Math.Min(n, 3)).Reverse().ToArray()),
        new IrReadout(IrReadoutKind.Probabilities, "", n >= 2 ? [n - 1, 0] : [0]),
        new IrReadout(IrReadoutKind.State, "", []),
    ];

    /// <summary>Random angles expressions: constants, single parameters, or affine combinations of two.</summary>
    public static Gen<AffineExpression> AngleGen(int parameterCount)
    {
        var constant = Gen.Choose(-6283, 6283).Select(i => C(i / 1000.0));
        if (parameterCount == 0)
        {
            return constant;
        }

        var single = Gen.Choose(0, parameterCount - 1).Select(i => AffineExpression.FromParameter(i));
        var affine =
            from i in Gen.Choose(0, parameterCount - 1)
            from j in Gen.Choose(0, parameterCount - 1)
            from a in Gen.Choose(-30, 30)
            from b in Gen.Choose(-30, 30)
            from k in Gen.Choose(-3000, 3000)
            select AffineExpression.Create(k / 1000.0, [new AffineTerm(i, a / 10.0), new AffineTerm(j, b / 10.0)]);
        return Gen.Frequency((1, constant), (2, single), (2, affine));
    }

    /// <summary>A random gate on <paramref name="n"/> qubits drawn from <paramref name="kinds"/>, with up to <paramref name="maxControls"/> controls.</summary>
    public static Gen<IrGate> GateGen(int n, int parameterCount, GateKind[] kinds, int maxControls, Gen<AffineExpression>? angleGen = null)
    {
        angleGen ??= AngleGen(parameterCount);
        return
            from kind in Gen.Elements(kinds).Where(k => GateFacts.TargetCount(k) <= n)
            from order in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
            from nc in Gen.Choose(0, Math.Min(maxControls, n - GateFacts.TargetCount(kind)))
            from angles in Gen.ArrayOf(angleGen, GateFacts.AngleCount(kind))
            from adjoint in Gen.Elements(false, true)
            let t = GateFacts.TargetCount(kind)
            select G(kind, order.Take(t).ToArray(), order.Skip(t).Take(nc).ToArray(), angles, adjoint);
    }

    public static Gen<double[]> ValuesGen(int count, double range = 3.2) =>
        Gen.ArrayOf(Gen.Choose(-100000, 100000).Select(i => i / 100000.0 * range), count);

    /// <summary>A random circuit instance: the circuit, a parameter vector and (maybe) an amplitude input.</summary>
    public sealed record Instance(IrCircuit Circuit, double[] Parameters, double[]? Input)
    {
        public override string ToString() =>
            $"n={Circuit.QubitCount} p=[{string.Join(", ", Parameters)}] x={(Input == null ? "none" : "[" + string.Join(", ", Input) + "]")}\n  " +
            string.Join("\n  ", Circuit.Gates.Select(g => g.ToString()));
    }

    public static Gen<Instance> InstanceGen(int minQubits, int maxQubits, int maxGates, GateKind[]? kinds = null, int maxControls = 2, bool withInput = true, bool allReadouts = true) =>
        from n in Gen.Choose(minQubits, maxQubits)
        from pc in Gen.Choose(0, 4)
        from count in Gen.Choose(0, maxGates)
        from gates in Gen.ArrayOf(GateGen(n, pc, kinds ?? AllKinds, maxControls), count)
        from parameters in ValuesGen(pc)
        from inputLength in withInput ? Gen.Choose(0, 1 << n) : Gen.Constant(0)
        from input in ValuesGen(inputLength, 1.0).Where(x => x.Length == 0 || x.Any(v => v != 0))
        select new Instance(
            Circuit(n, pc, gates, allReadouts ? AllReadouts(n) : null, inputLength == 0 ? null : inputLength),
            parameters,
            inputLength == 0 ? null : input);

    public static void CheckProperty(Arbitrary<Instance> arb, Func<Instance, bool> property, int maxTest = 150) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(arb, property));

    // ---------------------------------------------------------------- numeric comparisons

    public static double MaxDiff(Complex[] a, Complex[] b)
    {
        if (a.Length != b.Length)
        {
            return double.PositiveInfinity;
        }

        double m = 0;
        for (int i = 0; i < a.Length; i++)
        {
            m = Math.Max(m, Complex.Abs(a[i] - b[i]));
        }

        return m;
    }

    public static double MaxDiff(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            return double.PositiveInfinity;
        }

        double m = 0;
        for (int i = 0; i < a.Count; i++)
        {
            m = Math.Max(m, Math.Abs(a[i] - b[i]));
        }

        return m;
    }

    public static double MaxDiff(Complex[,] a, Complex[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
        {
            return double.PositiveInfinity;
        }

        double m = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                m = Math.Max(m, Complex.Abs(a[i, j] - b[i, j]));
            }
        }

        return m;
    }

    public static void AssertClose(Complex[] expected, Complex[] actual, double tol = 1e-10, string? what = null)
    {
        Assert.Equal(expected.Length, actual.Length);
        double d = MaxDiff(expected, actual);
        Assert.True(d <= tol, $"{what} differs by {d:E3} (tolerance {tol:E1})");
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol = 1e-10, string? what = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        double d = MaxDiff(expected, actual);
        Assert.True(d <= tol, $"{what} differs by {d:E3} (tolerance {tol:E1})");
    }

    public static void AssertClose(Complex[,] expected, Complex[,] actual, double tol = 1e-10, string? what = null)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        double d = MaxDiff(expected, actual);
        Assert.True(d <= tol, $"{what} differs by {d:E3} (tolerance {tol:E1})");
    }

    public static Complex[] RandomState(Random rng, int n)
    {
        var s = new Complex[1 << n];
        double norm = 0;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = new Complex(rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1);
            norm += s[i].Real * s[i].Real + s[i].Imaginary * s[i].Imaginary;
        }

        for (int i = 0; i < s.Length; i++)
        {
            s[i] /= Math.Sqrt(norm);
        }

        return s;
    }

    public static double[] RandomValues(Random rng, int count, double range = 3.2) =>
        Enumerable.Range(0, count).Select(_ => (rng.NextDouble() * 2 - 1) * range).ToArray();
}
