using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

internal static class TestUtil
{
    /// <summary>
    /// A program whose gates take their angles from a flat parameter vector (angle a of gate g is p[offset + a]),
    /// so the forward pass exercises ParamExpr evaluation. Returns the matching parameter values.
    /// </summary>
    public static (CircuitProgram Program, double[] Parameters) ParametrizedProgram(
        int n, IReadOnlyList<GateSpec> gates, IReadOnlyList<ReadoutTerm>? readouts = null, AmplitudeInputInfo? input = null)
    {
        var ops = new List<GateOp>();
        var values = new List<double>();
        foreach (var g in gates)
        {
            var angles = new ParamExpr[g.Angles.Length];
            for (int a = 0; a < g.Angles.Length; a++)
            {
                angles[a] = ParamExpr.Param(values.Count);
                values.Add(g.Angles[a]);
            }
            ops.Add(new GateOp(g.Kind, g.Controls, g.Targets, angles, g.Adjoint, "test.qc(1,1)"));
        }
        var arrays = values.Count == 0 ? Array.Empty<ParameterArrayInfo>() : [new ParameterArrayInfo("theta", [values.Count], 0)];
        return (new CircuitProgram("test", n, arrays, input, ops, readouts ?? []), values.ToArray());
    }

    public static void Load<T>(StateBatch<T> states, int b, Complex[] psi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var re = states.RealOf(b);
        var im = states.ImagOf(b);
        for (int k = 0; k < psi.Length; k++)
        {
            re[k] = T.CreateTruncating(psi[k].Real);
            im[k] = T.CreateTruncating(psi[k].Imaginary);
        }
    }

    public static Complex[] Get<T>(StateBatch<T> states, int b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var re = states.RealOf(b);
        var im = states.ImagOf(b);
        var psi = new Complex[re.Length];
        for (int k = 0; k < psi.Length; k++) psi[k] = new Complex(double.CreateTruncating(re[k]), double.CreateTruncating(im[k]));
        return psi;
    }

    public static void AssertClose(Complex[] expected, Complex[] actual, double tol, string context = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double err = (expected[k] - actual[k]).Magnitude;
            Assert.True(err <= tol, $"{context} amplitude {k}: expected {expected[k]}, got {actual[k]} (error {err:E3} > {tol:E1})");
        }
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tol, string context = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double err = Math.Abs(expected[k] - actual[k]);
            double scale = Math.Max(1, Math.Abs(expected[k]));
            Assert.True(err <= tol * scale, $"{context} element {k}: expected {expected[k]:R}, got {actual[k]:R} (error {err:E3} > {tol:E1})");
        }
    }

    public static T[] Cast<T>(double[] values) where T : unmanaged, IFloatingPointIeee754<T> =>
        values.Select(v => T.CreateTruncating(v)).ToArray();

    public static double[] RandomVector(Random rng, int length, double scale = 1) =>
        Enumerable.Range(0, length).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray();

    public static int[] Range(int n) => Enumerable.Range(0, n).ToArray();
}
