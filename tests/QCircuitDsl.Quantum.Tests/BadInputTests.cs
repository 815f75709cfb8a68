using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class BadInputTests
{
    // 3 qubits, 4 parameters (w[2][2]), input of length 5, readouts <Z0>, <Z1>.
    private static QuantumCircuit Circuit(bool withInput = true)
    {
        var ops = new[]
        {
            new GateOp(GateKind.RY, [], [0], [ParamExpr.Param(0)]),
            new GateOp(GateKind.RX, [0], [1], [ParamExpr.Param(3)]),
        };
        return new QuantumCircuit(new CircuitProgram("bad", 3, [new ParameterArrayInfo("w", [2, 2], 0)],
            withInput ? new AmplitudeInputInfo("x", 5) : null, ops, [new ReadoutTerm(ReadoutKind.ExpvalEach, "z", [0, 1])]));
    }

    private static T Throws<T>(Action action, string param, params string[] words) where T : ArgumentException
    {
        var ex = Assert.Throws<T>(action);
        Assert.Equal(param, ex.ParamName);
        foreach (var w in words) Assert.Contains(w, ex.Message);
        return ex;
    }

    [Fact]
    public void CreateStatesRejectsEmptyBatch() =>
        Throws<ArgumentOutOfRangeException>(() => Circuit().CreateStates<double>(0), "batchSize", "batchSize is 0", "at least 1");

    [Fact]
    public void StatesOfWrongQubitCountAreRejectedEverywhere()
    {
        var c = Circuit();
        var wrong = new StateBatch<double>(2, 1);
        var right = c.CreateStates<double>(1);
        Throws<ArgumentException>(() => c.Forward<double>(wrong, new double[4], ParameterLayout.Shared), "states", "2 qubits", "expected 3");
        Throws<ArgumentException>(() => c.Inverse<double>(wrong, new double[4], ParameterLayout.Shared), "states", "expected 3");
        Throws<ArgumentException>(() => c.Readout<double>(wrong, new double[2]), "states", "expected 3");
        Throws<ArgumentException>(() => c.ReadoutBackward<double>(right, new double[2], wrong), "adjoint", "expected 3");
        Throws<ArgumentException>(() => c.Backward<double>(wrong, right, new double[4], ParameterLayout.Shared, new double[4]), "states", "expected 3");
        Throws<ArgumentException>(() => c.EncodeInputs<double>(wrong, new double[5]), "states", "expected 3");
        Throws<ArgumentException>(() => c.EncodeInputsBackward<double>(new double[5], wrong, new double[5]), "adjoint", "expected 3");
        Assert.Throws<ArgumentNullException>("states", () => c.Forward<double>(null!, new double[4], ParameterLayout.Shared));
    }

    [Fact]
    public void ParameterLengthMessagesSayWhatWasExpected()
    {
        var c = Circuit();
        var states = c.CreateStates<double>(2);
        var ex = Throws<ArgumentException>(() => c.Forward<double>(states, new double[6], ParameterLayout.PerSample), "parameters");
        Assert.StartsWith("parameters has length 6; expected 8 (PerSample: batch 2 × 4 parameters)", ex.Message);
        ex = Throws<ArgumentException>(() => c.Forward<double>(states, new double[8], ParameterLayout.Shared), "parameters");
        Assert.StartsWith("parameters has length 8; expected 4 (Shared: 4 parameters)", ex.Message);
        Throws<ArgumentException>(() => c.Inverse<double>(states, new double[3], ParameterLayout.Shared), "parameters", "expected 4");
        Throws<ArgumentOutOfRangeException>(() => c.Forward<double>(states, new double[4], (ParameterLayout)7), "layout", "Shared or PerSample");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NonFiniteParametersAreRejectedWithoutTouchingTheStates(double bad, string word)
    {
        var c = Circuit();
        var states = c.CreateStates<double>(2);
        var p = new double[8];
        p[6] = bad;
        Throws<ArgumentException>(() => c.Forward<double>(states, p, ParameterLayout.PerSample), "parameters", word, "sample 1, parameter 2", "finite");
        Assert.Equal(1.0, states.RealOf(1)[0]);
        var grad = new double[8];
        Throws<ArgumentException>(() => c.Backward<double>(states, c.CreateStates<double>(2), p, ParameterLayout.PerSample, grad), "parameters", word);
        Throws<ArgumentException>(() => c.Inverse<float>(c.CreateStates<float>(1), [0f, (float)bad, 0f, 0f], ParameterLayout.Shared), "parameters", word, "parameter 1");
    }

    [Fact]
    public void ReadoutBufferLengthsAreChecked()
    {
        var c = Circuit();
        var states = c.CreateStates<double>(3);
        Throws<ArgumentException>(() => c.Readout<double>(states, new double[5]), "readouts", "length 5", "expected 6", "batch 3 × 2 readout values");
        Throws<ArgumentException>(() => c.ReadoutBackward<double>(states, new double[7], c.CreateStates<double>(3)), "upstream", "length 7", "expected 6");
    }

    [Fact]
    public void AdjointBatchesMustMatchAndBeSeparate()
    {
        var c = Circuit();
        var states = c.CreateStates<double>(2);
        Throws<ArgumentException>(() => c.ReadoutBackward<double>(states, new double[4], c.CreateStates<double>(3)), "adjoint", "batch 3", "expected 2");
        Throws<ArgumentException>(() => c.ReadoutBackward<double>(states, new double[4], states), "adjoint", "same StateBatch");
        Throws<ArgumentException>(() => c.Backward<double>(states, states, new double[4], ParameterLayout.Shared, new double[4]), "adjoint", "same StateBatch");
        Throws<ArgumentException>(() => c.Backward<double>(states, c.CreateStates<double>(1), new double[4], ParameterLayout.Shared, new double[4]), "adjoint", "batch 1", "expected 2");
    }

    [Fact]
    public void GradientBufferLengthIsChecked()
    {
        var c = Circuit();
        var states = c.CreateStates<double>(2);
        var adjoint = c.CreateStates<double>(2);
        Throws<ArgumentException>(() => c.Backward<double>(states, adjoint, new double[8], ParameterLayout.PerSample, new double[4]), "parameterGradient", "length 4", "expected 8", "PerSample: batch 2 × 4 parameters");
        Throws<ArgumentException>(() => c.Backward<double>(states, adjoint, new double[4], ParameterLayout.Shared, new double[8]), "parameterGradient", "length 8", "expected 4", "Shared");
    }

    [Fact]
    public void InputErrors()
    {
        var c = Circuit();
        var states = c.CreateStates<double>(2);
        Throws<ArgumentException>(() => c.EncodeInputs<double>(states, new double[9]), "inputs", "length 9", "expected 10", "batch 2 × input length 5");
        var inputs = new double[10];
        inputs[0] = 1; // sample 0 fine, sample 1 all zeros
        Throws<ArgumentException>(() => c.EncodeInputs<double>(states, inputs), "inputs", "sample 1", "norm", "nonzero");
        Assert.Equal(1.0, states.RealOf(0)[0]); // not modified
        inputs[7] = double.NaN;
        Throws<ArgumentException>(() => c.EncodeInputs<double>(states, inputs), "inputs", "NaN", "sample 1");
        inputs[7] = 1;
        var adjoint = c.CreateStates<double>(2);
        Throws<ArgumentException>(() => c.EncodeInputsBackward<double>(inputs, adjoint, new double[4]), "inputGradient", "length 4", "expected 10");
        Throws<ArgumentException>(() => c.EncodeInputsBackward<double>(new double[3], adjoint, new double[10]), "inputs", "length 3", "expected 10");
        var zero = new double[10];
        zero[2] = 5;
        Throws<ArgumentException>(() => c.EncodeInputsBackward<double>(zero, adjoint, new double[10]), "inputs", "sample 1", "norm");

        var noInput = Circuit(withInput: false);
        Assert.Equal(0, noInput.InputLength);
        var ex = Assert.Throws<InvalidOperationException>(() => noInput.EncodeInputs<double>(noInput.CreateStates<double>(1), [1.0]));
        Assert.Contains("no amplitude input", ex.Message);
        Assert.Throws<InvalidOperationException>(() => noInput.EncodeInputsBackward<double>([1.0], noInput.CreateStates<double>(1), new double[1]));
    }

    [Fact]
    public void MaxDegreeOfParallelismMustBePositive()
    {
        var c = Circuit();
        Throws<ArgumentOutOfRangeException>(() => c.MaxDegreeOfParallelism = 0, "value", "at least 1");
        c.MaxDegreeOfParallelism = 3;
        Assert.Equal(3, c.MaxDegreeOfParallelism);
    }

    [Fact]
    public void StateBatchValidation()
    {
        Throws<ArgumentOutOfRangeException>(() => new StateBatch<double>(0, 1), "qubitCount", "expected 1 to 30");
        Throws<ArgumentOutOfRangeException>(() => new StateBatch<double>(31, 1), "qubitCount");
        Throws<ArgumentOutOfRangeException>(() => new StateBatch<float>(2, 0), "batchSize", "at least 1");
        Throws<ArgumentOutOfRangeException>(() => new StateBatch<double>(28, 1000), "batchSize", "amplitudes");
        var s = new StateBatch<double>(2, 3);
        Throws<ArgumentOutOfRangeException>(() => s.SetBasisState(4), "index", "expected 0 to 3");
        Throws<ArgumentOutOfRangeException>(() => s.RealOf(3), "b", "expected 0 to 2");
        Throws<ArgumentOutOfRangeException>(() => s.ImagOf(-1), "b");
        Throws<ArgumentException>(() => s.CopyFrom(new StateBatch<double>(2, 2)), "source", "batch 2", "expected 2 qubits × batch 3");
    }

    [Fact]
    public void StateBatchBasics()
    {
        var s = new StateBatch<float>(2, 3);
        Assert.Equal(4, s.Dimension);
        Assert.Equal(12, s.Real.Length);
        for (int b = 0; b < 3; b++) Assert.Equal([1f, 0, 0, 0], s.RealOf(b).ToArray());
        s.SetBasisState(2);
        Assert.Equal([0f, 0, 1, 0], s.RealOf(1).ToArray());
        s.ImagOf(2)[3] = 0.5f;
        var copy = s.Clone();
        Assert.Equal(s.Real, copy.Real);
        Assert.Equal(0.5f, copy.ImagOf(2)[3]);
        copy.ImagOf(2)[3] = 0;
        Assert.Equal(0.5f, s.ImagOf(2)[3]); // deep copy
        s.CopyFrom(copy);
        Assert.Equal(0f, s.ImagOf(2)[3]);
        s.Clear();
        Assert.All(s.Real, v => Assert.Equal(0f, v));
    }
}
