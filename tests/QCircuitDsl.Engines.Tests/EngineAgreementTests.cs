using System.Numerics;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Quantum;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Engines.Tests;

/// <summary>
/// Every example circuit's generated class against the compiler: the same gate table, and the same
/// states, readouts and gradients as the reference interpreter (which its own tests check against
/// dense matrices), plus central finite differences of the generated engine itself.
/// </summary>
public sealed class EngineAgreementTests
{
    private static (QuantumCircuit Engine, IrCircuit Ir, double[] Parameters, double[]? Input) Setup(int index, int seed = 7)
    {
        var c = CircuitCases.All[index];
        var engine = c.Create();
        var ir = c.Lower();
        var rng = new Random(seed + index);
        var parameters = Enumerable.Range(0, engine.ParameterCount).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        double[]? input = engine.InputLength > 0 ? Enumerable.Range(0, engine.InputLength).Select(_ => rng.NextDouble() - 0.3).ToArray() : null;
        return (engine, ir, parameters, input);
    }

    private static StateBatch<double> Prepare(QuantumCircuit engine, double[]? input, int batch = 1)
    {
        var states = engine.CreateStates<double>(batch);
        if (input != null)
        {
            engine.EncodeInputs<double>(states, Enumerable.Repeat(input, batch).SelectMany(x => x).ToArray());
        }

        return states;
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Generated_gate_table_equals_the_compiled_IR(int index, string name)
    {
        var (engine, ir, _, _) = Setup(index);
        var expected = IrProgramConverter.ToProgram(ir);
        var actual = engine.Program;
        Assert.Equal(expected.QubitCount, actual.QubitCount);
        Assert.Equal(expected.ParameterArrays.Select(a => (a.Name, a.Offset, string.Join("x", a.Shape))), actual.ParameterArrays.Select(a => (a.Name, a.Offset, string.Join("x", a.Shape))));
        Assert.Equal(expected.Input, actual.Input);
        Assert.Equal(expected.Gates.Count, actual.Gates.Count);
        for (int g = 0; g < expected.Gates.Count; g++)
        {
            var e = expected.Gates[g];
            var a = actual.Gates[g];
            Assert.True(e.Kind == a.Kind && e.Adjoint == a.Adjoint && e.Controls.SequenceEqual(a.Controls) && e.Targets.SequenceEqual(a.Targets) && e.Angles.SequenceEqual(a.Angles),
                $"{name}: gate {g} differs: compiled {e}, generated {a}");
        }

        Assert.Equal(expected.Readouts.Select(r => r.ToString()), actual.Readouts.Select(r => r.ToString()));
        Assert.True(ir.Gates.Count > 0, $"{name}: the compiled circuit has no gates, so the comparison above proved nothing");
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Forward_and_readouts_match_the_interpreter(int index, string name)
    {
        var (engine, ir, parameters, input) = Setup(index);
        var states = Prepare(engine, input);
        engine.Forward<double>(states, parameters, ParameterLayout.Shared);
        var expected = ReferenceInterpreter.Run(ir, parameters, input);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Complex.Abs(expected[i] - new Complex(states.Real[i], states.Imag[i])) < 1e-12, $"{name}: amplitude {i}");
        }

        var readouts = new double[engine.ReadoutLength];
        engine.Readout<double>(states, readouts);
        var expectedReadouts = ReferenceInterpreter.Readouts(ir, expected);
        Assert.Equal(expectedReadouts.Length, readouts.Length);
        for (int r = 0; r < readouts.Length; r++)
        {
            Assert.True(Math.Abs(expectedReadouts[r] - readouts[r]) < 1e-12, $"{name}: readout {r}: {readouts[r]} vs {expectedReadouts[r]}");
        }
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Single_precision_forward_stays_close_to_double(int index, string name)
    {
        var (engine, ir, parameters, input) = Setup(index);
        var states = engine.CreateStates<float>(1);
        if (input != null)
        {
            engine.EncodeInputs<float>(states, input.Select(x => (float)x).ToArray());
        }

        engine.Forward<float>(states, parameters.Select(p => (float)p).ToArray(), ParameterLayout.Shared);
        var readouts = new float[engine.ReadoutLength];
        engine.Readout<float>(states, readouts);
        var expected = ReferenceInterpreter.Readouts(ir, ReferenceInterpreter.Run(ir, parameters.Select(p => (double)(float)p).ToArray(), input?.Select(x => (double)(float)x).ToArray()));
        for (int r = 0; r < readouts.Length; r++)
        {
            Assert.True(Math.Abs(expected[r] - readouts[r]) < 2e-5, $"{name}: readout {r}: {readouts[r]} vs {expected[r]}");
        }
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Adjoint_gradients_match_the_interpreter_and_finite_differences(int index, string name)
    {
        var (engine, ir, parameters, input) = Setup(index);
        var rng = new Random(100 + index);
        var upstream = Enumerable.Range(0, engine.ReadoutLength).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var (gradient, inputGradient) = EngineGradient(engine, parameters, input, upstream);

        var reference = ReferenceInterpreter.Gradients(ir, parameters, input, upstream);
        for (int p = 0; p < gradient.Length; p++)
        {
            Assert.True(Math.Abs(reference.Parameters[p] - gradient[p]) < 1e-10, $"{name}: d/d{ir.ParameterName(p)}: {gradient[p]} vs interpreter {reference.Parameters[p]}");
        }

        const double h = 1e-6;
        for (int p = 0; p < gradient.Length; p++)
        {
            var plus = (double[])parameters.Clone();
            var minus = (double[])parameters.Clone();
            plus[p] += h;
            minus[p] -= h;
            double fd = (Loss(engine, plus, input, upstream) - Loss(engine, minus, input, upstream)) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[p]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name}: d/d{ir.ParameterName(p)}: adjoint {gradient[p]} vs finite difference {fd}");
        }

        if (input != null)
        {
            for (int j = 0; j < input.Length; j++)
            {
                Assert.True(Math.Abs(reference.Input![j] - inputGradient![j]) < 1e-10, $"{name}: d/dx[{j}]");
                var plus = (double[])input.Clone();
                var minus = (double[])input.Clone();
                plus[j] += h;
                minus[j] -= h;
                double fd = (Loss(engine, parameters, plus, upstream) - Loss(engine, parameters, minus, upstream)) / (2 * h);
                Assert.True(Math.Abs(fd - inputGradient![j]) < 1e-6 * Math.Max(1, Math.Abs(fd)), $"{name}: d/dx[{j}]: adjoint {inputGradient[j]} vs finite difference {fd}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Per_sample_parameters_match_one_interpreter_run_per_sample(int index, string name)
    {
        var (engine, ir, _, input) = Setup(index);
        const int batch = 3;
        var rng = new Random(31 + index);
        var parameters = Enumerable.Range(0, batch * engine.ParameterCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var states = Prepare(engine, input, batch);
        engine.Forward<double>(states, parameters, ParameterLayout.PerSample);
        for (int b = 0; b < batch; b++)
        {
            var expected = ReferenceInterpreter.Run(ir, parameters.Skip(b * engine.ParameterCount).Take(engine.ParameterCount).ToArray(), input);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Complex.Abs(expected[i] - new Complex(states.RealOf(b)[i], states.ImagOf(b)[i])) < 1e-12, $"{name}: sample {b} amplitude {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Inverse_after_forward_restores_the_input_and_norm_is_kept(int index, string name)
    {
        var (engine, _, parameters, input) = Setup(index);
        var states = Prepare(engine, input);
        var initial = states.Clone();
        engine.Forward<double>(states, parameters, ParameterLayout.Shared);
        double norm = 0;
        for (int i = 0; i < engine.Dimension; i++)
        {
            norm += states.Real[i] * states.Real[i] + states.Imag[i] * states.Imag[i];
        }

        Assert.True(Math.Abs(norm - 1) < 1e-12, $"{name}: norm {norm}");
        engine.Inverse<double>(states, parameters, ParameterLayout.Shared);
        for (int i = 0; i < engine.Dimension; i++)
        {
            Assert.True(Math.Abs(states.Real[i] - initial.Real[i]) < 1e-12 && Math.Abs(states.Imag[i] - initial.Imag[i]) < 1e-12, $"{name}: amplitude {i}");
        }
    }

    private static (double[] Parameters, double[]? Input) EngineGradient(QuantumCircuit engine, double[] parameters, double[]? input, double[] upstream)
    {
        var states = Prepare(engine, input);
        engine.Forward<double>(states, parameters, ParameterLayout.Shared);
        var adjoint = engine.CreateStates<double>(1);
        engine.ReadoutBackward<double>(states, upstream, adjoint);
        var gradient = new double[engine.ParameterCount];
        engine.Backward<double>(states, adjoint, parameters, ParameterLayout.Shared, gradient);
        double[]? inputGradient = null;
        if (input != null)
        {
            inputGradient = new double[input.Length];
            engine.EncodeInputsBackward<double>(input, adjoint, inputGradient);
        }

        return (gradient, inputGradient);
    }

    private static double Loss(QuantumCircuit engine, double[] parameters, double[]? input, double[] upstream)
    {
        var states = Prepare(engine, input);
        engine.Forward<double>(states, parameters, ParameterLayout.Shared);
        var readouts = new double[engine.ReadoutLength];
        engine.Readout<double>(states, readouts);
        return readouts.Zip(upstream, (r, u) => r * u).Sum();
    }
}
