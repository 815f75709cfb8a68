using System.Numerics;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Reference;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Interpretation;

public class ReferenceInterpreterTests
{
    public static TheoryData<GateKind> Kinds() => new(AllKinds);

    /// <summary>Qubit placements on 4 qubits: (targets, controls), covering adjacent, distant, reversed, and controls on either side.</summary>
    private static IEnumerable<(int[] Targets, int[] Controls)> Placements(int targetCount)
    {
        if (targetCount == 1)
        {
            yield return ([0], []);
            yield return ([3], []);
            yield return ([2], []);
            yield return ([1], [0]);
            yield return ([0], [3]);
            yield return ([2], [3, 0]);
            yield return ([3], [0, 1, 2]);
        }
        else
        {
            yield return ([0, 1], []);
            yield return ([1, 0], []);
            yield return ([3, 1], []);
            yield return ([0, 3], [2]);
            yield return ([2, 1], [3]);
            yield return ([1, 3], [0, 2]);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_gate_kind_matches_the_dense_reference(GateKind kind)
    {
        var rng = new Random(1000 + (int)kind);
        foreach (var (targets, controls) in Placements(GateFacts.TargetCount(kind)))
        {
            foreach (bool adjoint in new[] { false, true })
            {
                var parameters = RandomValues(rng, 3, 7.0);
                var angles = Enumerable.Range(0, GateFacts.AngleCount(kind))
                    .Select(k => k == 0 ? P(k, 1.0) : AffineExpression.Create(0.25, [new AffineTerm(k, -1.5)]))
                    .ToArray();
                var c = Circuit(4, 3, [G(kind, targets, controls, angles, adjoint)]);
                var expected = DenseReference.Unitary(c, parameters);
                AssertClose(expected, InterpreterUnitary.Of(c, parameters), 1e-12, $"{c.Gates[0]} adjoint={adjoint}");
            }
        }
    }

    [Fact]
    public void Qubit_zero_is_the_most_significant_bit()
    {
        // X on q0 of 3 qubits: |000⟩ → |100⟩ = index 4.
        var c = Circuit(3, 0, [G1(GateKind.X, 0)]);
        var s = ReferenceInterpreter.Run(c, []);
        Assert.Equal(Complex.One, s[4]);

        // X on q2: index 1. Then cx q2 → q0: |101⟩ = 5.
        var c2 = Circuit(3, 0, [G1(GateKind.X, 2), G(GateKind.X, [0], [2])]);
        Assert.Equal(Complex.One, ReferenceInterpreter.Run(c2, [])[5]);
    }

    [Fact]
    public void ISwap_and_two_qubit_rotations_use_targets0_as_first_factor()
    {
        // |01⟩ on (q0, q1) → i|10⟩.
        var c = Circuit(2, 0, [G1(GateKind.X, 1), G(GateKind.ISwap, [0, 1])]);
        var s = ReferenceInterpreter.Run(c, []);
        Assert.Equal(Complex.ImaginaryOne, s[2]);
        Assert.Equal(Complex.Zero, s[1]);

        // RZZ(θ) on |01⟩: phase e^{+iθ/2}; RZZ on |00⟩: e^{−iθ/2}.
        double th = 0.7;
        var c2 = Circuit(2, 0, [G1(GateKind.X, 1), G(GateKind.RZZ, [1, 0], angles: [C(th)])]);
        var s2 = ReferenceInterpreter.Run(c2, []);
        Assert.True(Complex.Abs(s2[1] - Complex.FromPolarCoordinates(1, th / 2)) < 1e-15);
    }

    [Fact]
    public void Amplitude_input_is_normalized_and_zero_padded()
    {
        var c = Circuit(2, 0, [], inputLength: 3);
        var s = ReferenceInterpreter.InitialState(c, [3.0, 0.0, -4.0]);
        AssertClose(new Complex[] { 0.6, 0, -0.8, 0 }, s, 1e-15);
        Assert.Equal(s, ReferenceInterpreter.Run(c, [], [3.0, 0.0, -4.0]));

        var noInput = Circuit(2, 0, []);
        AssertClose(new Complex[] { 1, 0, 0, 0 }, ReferenceInterpreter.InitialState(noInput, null), 0);
    }

    [Fact]
    public void Readouts_follow_the_documented_layout()
    {
        // State |ψ⟩ = RY(θ) on q1 of 2 qubits, then X on q0: |1⟩ ⊗ (cos θ/2 |0⟩ + sin θ/2 |1⟩).
        double th = 0.9;
        var readouts = new[]
        {
            new IrReadout(IrReadoutKind.ExpvalEach, "zx", [0, 1]),
            new IrReadout(IrReadoutKind.PauliString, "zx", [0, 1]),
            new IrReadout(IrReadoutKind.Probabilities, "", [1, 0]),
            new IrReadout(IrReadoutKind.Probabilities, "", [0]),
        };
        var c = Circuit(2, 0, [G1(GateKind.RY, 1, C(th)), G1(GateKind.X, 0)], readouts);
        var r = ReferenceInterpreter.Readouts(c, ReferenceInterpreter.Run(c, []));
        Assert.Equal(c.ReadoutLength, r.Length);
        double cc = Math.Cos(th / 2) * Math.Cos(th / 2), ss = Math.Sin(th / 2) * Math.Sin(th / 2);
        var expected = new[]
        {
            -1.0, 0.0, // q0: ⟨Z⟩, ⟨X⟩
            Math.Cos(th), Math.Sin(th), // q1: ⟨Z⟩, ⟨X⟩
            -Math.Sin(th), // ⟨Z0 X1⟩
            0.0, cc, 0.0, ss, // outcomes (q1, q0) = 00, 01, 10, 11
            0.0, 1.0, // q0
        };
        AssertClose(expected, r, 1e-14);
    }

    [Fact]
    public void Readouts_match_dense_reference_on_random_states()
    {
        var rng = new Random(5);
        for (int n = 1; n <= 4; n++)
        {
            var c = Circuit(n, 0, [], AllReadouts(n));
            for (int trial = 0; trial < 5; trial++)
            {
                var psi = RandomState(rng, n);
                AssertClose(DenseReference.Readouts(c, psi), ReferenceInterpreter.Readouts(c, psi), 1e-13);
            }
        }
    }

    [Fact]
    public void Random_circuits_match_the_dense_reference() =>
        CheckProperty(InstanceGen(1, 4, 12).ToArbitrary(), inst =>
        {
            var expected = DenseReference.FinalState(inst.Circuit, inst.Parameters, inst.Input);
            var actual = ReferenceInterpreter.Run(inst.Circuit, inst.Parameters, inst.Input);
            return MaxDiff(expected, actual) < 1e-11 &&
                   MaxDiff(DenseReference.Readouts(inst.Circuit, expected), ReferenceInterpreter.Readouts(inst.Circuit, actual)) < 1e-11;
        });

    [Fact]
    public void Runs_preserve_the_norm() =>
        CheckProperty(InstanceGen(1, 5, 25).ToArbitrary(), inst =>
        {
            var s = ReferenceInterpreter.Run(inst.Circuit, inst.Parameters, inst.Input);
            double norm = s.Sum(a => a.Real * a.Real + a.Imaginary * a.Imaginary);
            return Math.Abs(norm - 1) < 1e-12;
        });

    [Fact]
    public void RunInverse_undoes_Run() =>
        CheckProperty(InstanceGen(1, 5, 25).ToArbitrary(), inst =>
        {
            var c = inst.Circuit;
            var s = ReferenceInterpreter.Run(c, inst.Parameters, inst.Input);
            var back = ReferenceInterpreter.RunInverse(c, inst.Parameters, s);
            return MaxDiff(ReferenceInterpreter.InitialState(c, inst.Input), back) < 1e-12;
        });

    [Fact]
    public void RunInverse_applies_the_dagger_of_the_dense_unitary_to_any_state() =>
        CheckProperty(InstanceGen(1, 4, 10, withInput: false).ToArbitrary(), inst =>
        {
            var c = inst.Circuit;
            var psi = RandomState(new Random(c.Gates.Count * 7 + c.QubitCount), c.QubitCount);
            var expected = DenseReference.Apply(DenseReference.Dagger(DenseReference.Unitary(c, inst.Parameters)), psi);
            var before = (Complex[])psi.Clone();
            var actual = ReferenceInterpreter.RunInverse(c, inst.Parameters, psi);
            return MaxDiff(expected, actual) < 1e-11 && MaxDiff(before, psi) == 0; // input state not modified
        }, maxTest: 80);
}
