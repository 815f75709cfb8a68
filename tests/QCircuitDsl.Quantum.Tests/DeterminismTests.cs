using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class DeterminismTests
{
    private sealed record Results(double[] States, double[] Readouts, double[] Adjoint, double[] Gradient, double[] InputGradient);

    private static Results Run(int maxDegree, ParameterLayout layout)
    {
        const int n = 4, batch = 9, inputLength = 11;
        var rng = new Random(2024);
        var gates = new List<GateSpec>();
        var kinds = Enum.GetValues<GateKind>();
        for (int g = 0; g < 30; g++)
        {
            var kind = kinds[rng.Next(kinds.Length)];
            int t = GateInfo.TargetCount(kind);
            var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
            int c = rng.Next(0, n - t + 1);
            gates.Add(new GateSpec(kind, order[..c], order[c..(c + t)], TestUtil.RandomVector(rng, GateInfo.AngleCount(kind), 3), rng.Next(2) == 0));
        }
        ReadoutTerm[] readouts = [new(ReadoutKind.ExpvalEach, "xyz", [0, 1, 2, 3]), new(ReadoutKind.Probabilities, "", [3, 1]), new(ReadoutKind.PauliString, "zz", [0, 3])];
        var (program, shared) = TestUtil.ParametrizedProgram(n, gates, readouts, new AmplitudeInputInfo("x", inputLength));
        var circuit = new QuantumCircuit(program) { MaxDegreeOfParallelism = maxDegree };
        int pc = shared.Length;
        var parameters = layout == ParameterLayout.Shared ? shared : TestUtil.RandomVector(rng, batch * pc, 3);
        var inputs = TestUtil.RandomVector(rng, batch * inputLength);
        var states = circuit.CreateStates<double>(batch);
        circuit.EncodeInputs<double>(states, inputs);
        circuit.Forward<double>(states, parameters, layout);
        var finalStates = states.Real.Concat(states.Imag).ToArray();
        var output = new double[batch * circuit.ReadoutLength];
        circuit.Readout<double>(states, output);
        var adjoint = circuit.CreateStates<double>(batch);
        circuit.ReadoutBackward<double>(states, TestUtil.RandomVector(rng, output.Length), adjoint);
        var gradient = new double[parameters.Length];
        circuit.Backward<double>(states, adjoint, parameters, layout, gradient);
        var inputGradient = new double[inputs.Length];
        circuit.EncodeInputsBackward<double>(inputs, adjoint, inputGradient);
        return new Results(finalStates, output, adjoint.Real.Concat(adjoint.Imag).ToArray(), gradient, inputGradient);
    }

    [Theory]
    [InlineData(ParameterLayout.Shared)]
    [InlineData(ParameterLayout.PerSample)]
    public void ResultsAreBitIdenticalForAnyThreadCount(ParameterLayout layout)
    {
        var one = Run(1, layout);
        foreach (int degree in new[] { 2, 3, 16 })
        {
            var other = Run(degree, layout);
            Assert.Equal(one.States, other.States);
            Assert.Equal(one.Readouts, other.Readouts);
            Assert.Equal(one.Adjoint, other.Adjoint);
            Assert.Equal(one.Gradient, other.Gradient);
            Assert.Equal(one.InputGradient, other.InputGradient);
        }
        Assert.Contains(one.Gradient, g => g != 0);
    }

    [Fact]
    public void DefaultDegreeIsProcessorCount()
    {
        var circuit = new QuantumCircuit(new CircuitProgram("c", 1, [], null, [], []));
        Assert.Equal(Environment.ProcessorCount, circuit.MaxDegreeOfParallelism);
    }
}
