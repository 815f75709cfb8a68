using System.Numerics;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using static QCircuitDsl.Compiler.Tests.Reference.TestCircuits;

namespace QCircuitDsl.Compiler.Tests.Interpretation;

public class ValidationTests
{
    private static readonly IrCircuit TwoParams = Circuit(2, 2, [G1(GateKind.RX, 0, P(0)), G1(GateKind.RY, 1, P(1))], [new IrReadout(IrReadoutKind.ExpvalEach, "z", [0, 1])]);
    private static readonly IrCircuit WithInput = Circuit(2, 0, [G1(GateKind.H, 0)], [new IrReadout(IrReadoutKind.Probabilities, "", [0])], inputLength: 3);

    [Fact]
    public void Wrong_parameter_count_is_rejected_everywhere()
    {
        var e = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(TwoParams, [0.1]));
        Assert.Contains("has 2 parameter(s), but 1 value(s) were given", e.Message);
        Assert.Equal("parameters", e.ParamName);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.RunInverse(TwoParams, [0.1, 0.2, 0.3], new Complex[4]));
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Gradients(TwoParams, [], null, [1.0, 1.0]));
        Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Run(TwoParams, null!));
    }

    [Fact]
    public void Input_mismatches_are_rejected()
    {
        var missing = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(WithInput, []));
        Assert.Contains("takes an amplitude input 'x' of length 3, but none was given", missing.Message);

        var length = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(WithInput, [], [1.0, 2.0]));
        Assert.Contains("must have length 3, got 2", length.Message);
        Assert.Equal("input", length.ParamName);

        var unexpected = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(TwoParams, [0.1, 0.2], [1.0]));
        Assert.Contains("has no amplitude input", unexpected.Message);

        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.InitialState(WithInput, [1.0, 2.0, 3.0, 4.0]));
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Gradients(WithInput, [], [1.0], [1.0, 1.0]));
    }

    [Fact]
    public void Zero_norm_and_non_finite_inputs_are_rejected()
    {
        var zero = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(WithInput, [], [0.0, 0.0, 0.0]));
        Assert.Contains("zero norm", zero.Message);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.InitialState(WithInput, [0.0, -0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Gradients(WithInput, [], [0.0, 0.0, 0.0], [1.0, 1.0]));

        var nan = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(WithInput, [], [1.0, double.NaN, 0.0]));
        Assert.Contains("non-finite", nan.Message);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(WithInput, [], [double.PositiveInfinity, 0.0, 0.0]));
    }

    [Fact]
    public void Wrong_upstream_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Gradients(TwoParams, [0.1, 0.2], null, [1.0]));
        Assert.Contains("has 2 readout value(s), but the upstream gradient has 1", e.Message);
        Assert.Equal("upstream", e.ParamName);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Gradients(TwoParams, [0.1, 0.2], null, [1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Gradients(TwoParams, [0.1, 0.2], null, null!));
    }

    [Fact]
    public void Wrong_state_length_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Readouts(TwoParams, new Complex[8]));
        Assert.Contains("needs 4 amplitudes; got 8", e.Message);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.RunInverse(TwoParams, [0.1, 0.2], new Complex[2]));
        Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.RunInverse(TwoParams, [0.1, 0.2], null!));
    }

    [Fact]
    public void Malformed_circuits_are_rejected_with_the_offending_gate()
    {
        var outOfRange = Circuit(2, 0, [G1(GateKind.H, 0), G1(GateKind.X, 2)]);
        var e1 = Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(outOfRange, []));
        Assert.Contains("Gate 1", e1.Message);
        Assert.Contains("outside 0..1", e1.Message);

        var duplicate = Circuit(2, 0, [G(GateKind.X, [1], [1])]);
        Assert.Contains("same qubit twice", Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(duplicate, [])).Message);

        var badParam = Circuit(1, 1, [G1(GateKind.RX, 0, P(1))]);
        Assert.Contains("refers to a parameter outside 0..0", Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(badParam, [0.0])).Message);

        var badReadout = Circuit(2, 0, [], [new IrReadout(IrReadoutKind.PauliString, "zz", [0])]);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Readouts(badReadout, new Complex[4]));

        var badAxis = Circuit(2, 0, [], [new IrReadout(IrReadoutKind.ExpvalEach, "w", [0])]);
        Assert.Contains("allowed are xyz", Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Readouts(badAxis, new Complex[4])).Message);

        var badReadoutQubit = Circuit(2, 0, [], [new IrReadout(IrReadoutKind.Probabilities, "", [0, 5])]);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Readouts(badReadoutQubit, new Complex[4]));

        var tooLongInput = Circuit(2, 0, [], inputLength: 5);
        Assert.Contains("between 1 and 2^2 = 4", Assert.Throws<ArgumentException>(() => ReferenceInterpreter.InitialState(tooLongInput, new double[5])).Message);

        var noQubits = Circuit(0, 0, []);
        Assert.Throws<ArgumentException>(() => ReferenceInterpreter.Run(noQubits, []));
        Assert.Throws<ArgumentNullException>(() => ReferenceInterpreter.Run(null!, []));
    }
}
