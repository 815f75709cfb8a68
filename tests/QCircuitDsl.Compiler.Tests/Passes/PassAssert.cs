using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Passes;

/// <summary>Checks that a rewritten circuit is the same function of its parameters as the original.</summary>
internal static class PassAssert
{
    /// <summary>Largest difference over a few parameter vectors between the dense unitaries of the two circuits (exact, not up to phase).</summary>
    public static double UnitaryDistance(IrCircuit original, IrCircuit rewritten, int seed = 1)
    {
        var rng = new Random(seed);
        double worst = 0;
        for (int trial = 0; trial < 3; trial++)
        {
            var p = RandomValues(rng, original.ParameterCount, 7.0);
            worst = Math.Max(worst, MaxDiff(DenseReference.Unitary(original, p), DenseReference.Unitary(rewritten, p)));
        }

        return worst;
    }

    /// <summary>Largest difference between the parameter gradients (state readout, random upstream) of the two circuits.</summary>
    public static double GradientDistance(IrCircuit original, IrCircuit rewritten, int seed = 2)
    {
        var rng = new Random(seed);
        var p = RandomValues(rng, original.ParameterCount, 7.0);
        var u = RandomValues(rng, original.ReadoutLength, 1.0);
        var a = ReferenceInterpreter.Gradients(original, p, null, u);
        var b = ReferenceInterpreter.Gradients(rewritten, p, null, u);
        return MaxDiff(a.Parameters, b.Parameters);
    }

    public static void SameFunction(IrCircuit original, IrCircuit rewritten)
    {
        Assert.Equal(original.ParameterCount, rewritten.ParameterCount);
        Assert.Same(original.Readouts.Count == 0 ? null : original.Readouts[0], rewritten.Readouts.Count == 0 ? null : rewritten.Readouts[0]);
        double du = UnitaryDistance(original, rewritten);
        Assert.True(du < 1e-10, $"unitary changed by {du:E3}");
        double dg = GradientDistance(original, rewritten);
        Assert.True(dg < 1e-9, $"gradient changed by {dg:E3}");
    }

    /// <summary>Random circuits on 2–3 qubits with many chances to merge, cancel and fold.</summary>
    public static Gen<Instance> OptimizableCircuits(GateKind[] kinds, int maxGates = 14)
    {
        const double Tau = 2 * Math.PI;
        Gen<AffineExpression> Angles(int pc) => Gen.Frequency(
            (3, pc == 0 ? Gen.Constant(C(0.5)) : Gen.Choose(0, pc - 1).Select(i => AffineExpression.FromParameter(i))),
            (2, pc == 0 ? Gen.Constant(C(-0.5)) : Gen.Choose(0, pc - 1).Select(i => -AffineExpression.FromParameter(i))),
            (2, Gen.Elements(C(0), C(Tau), C(2 * Tau), C(-2 * Tau), C(Math.PI), C(0.25), C(-0.25))));
        return
            from n in Gen.Choose(2, 3)
            from pc in Gen.Choose(0, 2)
            from count in Gen.Choose(0, maxGates)
            from gates in Gen.ArrayOf(GateGen(n, pc, kinds, 1, Angles(pc)), count)
            select new Instance(Circuit(n, pc, gates), new double[pc], null);
    }

    public static void Property(Gen<Instance> gen, Func<Instance, bool> property, int maxTest = 200) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(gen.ToArbitrary(), property));
}
