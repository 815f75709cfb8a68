using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class GradientTests
{
    /// <summary>
    /// A circuit using every angle-carrying kind (plus fixed gates, controls and adjoint flags) whose angles are
    /// affine combinations of a small shared parameter vector, so parameters are reused across gates.
    /// </summary>
    private static CircuitProgram GradientProgram(int n, int parameterCount, int seed, AmplitudeInputInfo? input, ReadoutTerm[] readouts, int gateCount = 24)
    {
        var rng = new Random(seed);
        var ops = new List<GateOp>();
        var kinds = Enum.GetValues<GateKind>();
        for (int g = 0; g < gateCount; g++)
        {
            var kind = g < kinds.Length ? kinds[g] : kinds[rng.Next(kinds.Length)];
            int targets = GateInfo.TargetCount(kind);
            var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
            int controls = rng.Next(0, Math.Min(2, n - targets) + 1);
            var angles = new ParamExpr[GateInfo.AngleCount(kind)];
            for (int a = 0; a < angles.Length; a++)
            {
                ParamExpr e = rng.NextDouble() - 0.5;
                int terms = rng.Next(1, 3);
                for (int t = 0; t < terms; t++) e += (rng.NextDouble() * 3 - 1.5) * ParamExpr.Param(rng.Next(parameterCount));
                angles[a] = e;
            }
            ops.Add(new GateOp(kind, order[..controls], order[controls..(controls + targets)], angles, rng.Next(2) == 0));
        }
        return new CircuitProgram("grad", n, [new ParameterArrayInfo("w", [parameterCount], 0)], input, ops, readouts);
    }

    private static readonly ReadoutTerm[] Readouts3 =
    [
        new ReadoutTerm(ReadoutKind.ExpvalEach, "xz", [0, 2]),
        new ReadoutTerm(ReadoutKind.PauliString, "yzx", [1, 0, 2]),
        new ReadoutTerm(ReadoutKind.Probabilities, "", [1, 2]),
        new ReadoutTerm(ReadoutKind.State, "", [0, 1, 2]),
    ];

    /// <summary>L = Σ_b Σ_r u·readout after encoding (if any) and forward.</summary>
    private static double Loss(QuantumCircuit c, int batch, double[] inputs, double[] parameters, ParameterLayout layout, double[] upstream, Complex[][]? initial = null)
    {
        var states = c.CreateStates<double>(batch);
        if (initial is not null) for (int b = 0; b < batch; b++) TestUtil.Load(states, b, initial[b]);
        if (c.InputLength > 0) c.EncodeInputs<double>(states, inputs);
        c.Forward<double>(states, parameters, layout);
        var output = new double[batch * c.ReadoutLength];
        c.Readout<double>(states, output);
        return output.Zip(upstream, (a, u) => a * u).Sum();
    }

    [Theory]
    [InlineData(ParameterLayout.PerSample, 11)]
    [InlineData(ParameterLayout.Shared, 12)]
    [InlineData(ParameterLayout.PerSample, 13)]
    [InlineData(ParameterLayout.Shared, 14)]
    public void ParameterGradientsMatchFiniteDifferences(ParameterLayout layout, int seed)
    {
        const int n = 3, pc = 6, batch = 3;
        var circuit = new QuantumCircuit(GradientProgram(n, pc, seed, null, Readouts3));
        var rng = new Random(seed);
        var parameters = TestUtil.RandomVector(rng, layout == ParameterLayout.PerSample ? batch * pc : pc, 3);
        var upstream = TestUtil.RandomVector(rng, batch * circuit.ReadoutLength);
        var initial = Enumerable.Range(0, batch).Select(_ => Dense.RandomState(rng, n)).ToArray();

        var states = circuit.CreateStates<double>(batch);
        for (int b = 0; b < batch; b++) TestUtil.Load(states, b, initial[b]);
        circuit.Forward<double>(states, parameters, layout);
        var adjoint = circuit.CreateStates<double>(batch);
        circuit.ReadoutBackward<double>(states, upstream, adjoint);
        var gradient = Enumerable.Repeat(1.0, parameters.Length).ToArray(); // Backward accumulates
        circuit.Backward<double>(states, adjoint, parameters, layout, gradient);

        const double h = 1e-6;
        for (int k = 0; k < parameters.Length; k++)
        {
            var plus = (double[])parameters.Clone(); plus[k] += h;
            var minus = (double[])parameters.Clone(); minus[k] -= h;
            double fd = (Loss(circuit, batch, [], plus, layout, upstream, initial) - Loss(circuit, batch, [], minus, layout, upstream, initial)) / (2 * h);
            Assert.True(Math.Abs(fd - (gradient[k] - 1)) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"parameter {k}: finite difference {fd}, adjoint {gradient[k] - 1}");
        }

        // States were uncomputed back to the inputs.
        for (int b = 0; b < batch; b++) TestUtil.AssertClose(initial[b], TestUtil.Get(states, b), 1e-11, $"sample {b}");

        // The adjoint now holds ∂L/∂ψ_in: check against finite differences on the initial amplitudes.
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < circuit.Dimension; i++)
                foreach (bool imag in new[] { false, true })
                {
                    Complex delta = imag ? new Complex(0, h) : new Complex(h, 0);
                    var plus = initial.Select(a => (Complex[])a.Clone()).ToArray(); plus[b][i] += delta;
                    var minus = initial.Select(a => (Complex[])a.Clone()).ToArray(); minus[b][i] -= delta;
                    double fd = (Loss(circuit, batch, [], parameters, layout, upstream, plus) - Loss(circuit, batch, [], parameters, layout, upstream, minus)) / (2 * h);
                    double analytic = (imag ? adjoint.ImagOf(b) : adjoint.RealOf(b))[i];
                    Assert.True(Math.Abs(fd - analytic) < 1e-6, $"sample {b}, input amplitude {i} ({(imag ? "im" : "re")}): finite difference {fd}, adjoint {analytic}");
                }
    }

    [Theory]
    [InlineData(ParameterLayout.PerSample, 5)]
    [InlineData(ParameterLayout.Shared, 8)]
    [InlineData(ParameterLayout.Shared, 3)]
    public void AmplitudeInputAndParameterGradientsMatchFiniteDifferences(ParameterLayout layout, int inputLength)
    {
        const int n = 3, pc = 5, batch = 2;
        var circuit = new QuantumCircuit(GradientProgram(n, pc, inputLength, new AmplitudeInputInfo("x", inputLength), Readouts3));
        var rng = new Random(inputLength * 31);
        var inputs = TestUtil.RandomVector(rng, batch * inputLength, 2);
        var parameters = TestUtil.RandomVector(rng, layout == ParameterLayout.PerSample ? batch * pc : pc, 3);
        var upstream = TestUtil.RandomVector(rng, batch * circuit.ReadoutLength);

        var states = circuit.CreateStates<double>(batch);
        circuit.EncodeInputs<double>(states, inputs);
        circuit.Forward<double>(states, parameters, layout);
        var adjoint = circuit.CreateStates<double>(batch);
        circuit.ReadoutBackward<double>(states, upstream, adjoint);
        var parameterGradient = new double[parameters.Length];
        circuit.Backward<double>(states, adjoint, parameters, layout, parameterGradient);
        var inputGradient = Enumerable.Repeat(99.0, inputs.Length).ToArray(); // overwritten
        circuit.EncodeInputsBackward<double>(inputs, adjoint, inputGradient);

        const double h = 1e-6;
        for (int k = 0; k < inputs.Length; k++)
        {
            var plus = (double[])inputs.Clone(); plus[k] += h;
            var minus = (double[])inputs.Clone(); minus[k] -= h;
            double fd = (Loss(circuit, batch, plus, parameters, layout, upstream) - Loss(circuit, batch, minus, parameters, layout, upstream)) / (2 * h);
            Assert.True(Math.Abs(fd - inputGradient[k]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"input {k}: finite difference {fd}, adjoint {inputGradient[k]}");
        }
        for (int k = 0; k < parameters.Length; k++)
        {
            var plus = (double[])parameters.Clone(); plus[k] += h;
            var minus = (double[])parameters.Clone(); minus[k] -= h;
            double fd = (Loss(circuit, batch, inputs, plus, layout, upstream) - Loss(circuit, batch, inputs, minus, layout, upstream)) / (2 * h);
            Assert.True(Math.Abs(fd - parameterGradient[k]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"parameter {k}: finite difference {fd}, adjoint {parameterGradient[k]}");
        }
    }

    [Fact]
    public void EncodingWritesNormalisedAmplitudesAndZerosBeyondTheInput()
    {
        var circuit = new QuantumCircuit(new CircuitProgram("e", 2, [], new AmplitudeInputInfo("x", 3), [], []));
        var states = circuit.CreateStates<double>(2);
        states.Imag.AsSpan().Fill(1);
        circuit.EncodeInputs<double>(states, [3, 0, 4, 0, -2, 0]);
        Assert.Equal([0.6, 0, 0.8, 0], states.RealOf(0).ToArray());
        Assert.Equal([0.0, -1, 0, 0], states.RealOf(1).ToArray());
        Assert.All(states.Imag, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void FloatGradientsAgreeWithDouble()
    {
        const int n = 3, pc = 6, batch = 2;
        var circuit = new QuantumCircuit(GradientProgram(n, pc, 42, null, Readouts3));
        var rng = new Random(42);
        var parameters = TestUtil.RandomVector(rng, pc, 3);
        var upstream = TestUtil.RandomVector(rng, batch * circuit.ReadoutLength);

        double[] RunDouble()
        {
            var s = circuit.CreateStates<double>(batch);
            circuit.Forward<double>(s, parameters, ParameterLayout.Shared);
            var g = circuit.CreateStates<double>(batch);
            circuit.ReadoutBackward<double>(s, upstream, g);
            var grad = new double[pc];
            circuit.Backward<double>(s, g, parameters, ParameterLayout.Shared, grad);
            return grad;
        }
        float[] RunFloat()
        {
            var s = circuit.CreateStates<float>(batch);
            circuit.Forward<float>(s, TestUtil.Cast<float>(parameters), ParameterLayout.Shared);
            var g = circuit.CreateStates<float>(batch);
            circuit.ReadoutBackward<float>(s, TestUtil.Cast<float>(upstream), g);
            var grad = new float[pc];
            circuit.Backward<float>(s, g, TestUtil.Cast<float>(parameters), ParameterLayout.Shared, grad);
            return grad;
        }
        var d = RunDouble();
        var f = RunFloat();
        for (int k = 0; k < pc; k++) Assert.True(Math.Abs(d[k] - f[k]) < 1e-4 * Math.Max(1, Math.Abs(d[k])), $"parameter {k}: double {d[k]}, float {f[k]}");
    }

    [Fact]
    public void ConstantOnlyCircuitLeavesGradientUntouched()
    {
        var ops = new[] { new GateOp(GateKind.H, [], [0], []), new GateOp(GateKind.RX, [0], [1], [0.4]) };
        var circuit = new QuantumCircuit(new CircuitProgram("c", 2, [new ParameterArrayInfo("w", [2], 0)], null, ops, [new ReadoutTerm(ReadoutKind.ExpvalEach, "z", [1])]));
        var s = circuit.CreateStates<double>(1);
        circuit.Forward<double>(s, [0.1, 0.2], ParameterLayout.Shared);
        var g = circuit.CreateStates<double>(1);
        circuit.ReadoutBackward<double>(s, [1.0], g);
        var grad = new[] { 2.0, 3.0 };
        circuit.Backward<double>(s, g, [0.1, 0.2], ParameterLayout.Shared, grad);
        Assert.Equal([2.0, 3.0], grad);
    }
}
