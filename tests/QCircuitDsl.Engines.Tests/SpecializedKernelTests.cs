using System.Numerics;
using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Engines.Tests;

/// <summary>
/// The generated straight-line kernels against the compiled plan of the same circuit (UseSpecializedKernel = false)
/// and the reference interpreter: states, uncomputed states, adjoint states and gradients, in float and double, with
/// per-sample and shared parameters, on batches that are no multiple of the thread chunk. (EngineAgreementTests runs
/// the generated classes, kernels attached, against the interpreter and finite differences.)
/// </summary>
public sealed class SpecializedKernelTests
{
    /// <summary>Prime, so the two threads' chunks and the shared-parameter tiles end unevenly.</summary>
    private const int Batch = 37;

    [Theory]
    [MemberData(nameof(CircuitCases.Data), MemberType = typeof(CircuitCases))]
    public void Every_instantiation_known_at_build_time_with_four_or_more_qubits_gets_its_kernel(int index, string name)
    {
        var circuit = CircuitCases.All[index].Create();
        // mixed has two-target gates (rzz, iswap), which have no straight-line primitive, so it is not specialized.
        bool expected = circuit.QubitCount >= 4 && CircuitCases.All[index].Circuit != "mixed";
        Assert.True(circuit.HasSpecializedKernel == expected, $"{name}: HasSpecializedKernel = {circuit.HasSpecializedKernel} at {circuit.QubitCount} qubits");
        if (circuit.Kernel is { } kernel)
        {
            Assert.Equal(circuit.QubitCount, kernel.QubitCount);
            Assert.Equal(circuit.ParameterCount, kernel.ParameterCount);
        }
    }

    [Fact]
    public void Arguments_without_a_specialization_get_no_kernel_and_the_selection_is_by_value()
    {
        Assert.False(new Sim14(n: 7).HasSpecializedKernel);
        Assert.False(new Sim14(n: 10, layers: 2).HasSpecializedKernel);
        Assert.Null(Sim14.SpecializedKernelFor(n: 5));
        Assert.Same(Sim14.SpecializedKernelFor(n: 10), new Sim14(n: 10).Kernel);
        Assert.Equal("n = 10, layers = 1", new Sim14(n: 10).Kernel!.Arguments);
        Assert.Equal("n = 6, layers = 2", Sim14.SpecializedKernelFor(6, 2)!.Arguments);
    }

    [Theory]
    [MemberData(nameof(CasesWithKernels))]
    public void Forward_matches_the_plan_and_the_interpreter_per_sample(int index, string name)
    {
        var (kernel, plan) = Pair(index);
        var p = Parameters(kernel, Batch, seed: 11 + index);
        var ir = CircuitCases.All[index].Lower();
        var input = Input(kernel, seed: 5 + index);

        var sk = Prepare<double>(kernel, input);
        var sp = Prepare<double>(plan, input);
        kernel.Forward<double>(sk, p, ParameterLayout.PerSample);
        plan.Forward<double>(sp, p, ParameterLayout.PerSample);
        AssertClose(sp, sk, 1e-12, $"{name} double: kernel vs plan");
        foreach (int b in new[] { 0, Batch / 2, Batch - 1 })
        {
            var expected = ReferenceInterpreter.Run(ir, p.Skip(b * kernel.ParameterCount).Take(kernel.ParameterCount).ToArray(), input);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Complex.Abs(expected[i] - new Complex(sk.RealOf(b)[i], sk.ImagOf(b)[i])) < 1e-12, $"{name}: sample {b} amplitude {i} vs interpreter");
            }
        }

        var pf = p.Select(v => (float)v).ToArray();
        var fk = Prepare<float>(kernel, input);
        var fp = Prepare<float>(plan, input);
        kernel.Forward<float>(fk, pf, ParameterLayout.PerSample);
        plan.Forward<float>(fp, pf, ParameterLayout.PerSample);
        AssertClose(fp, fk, 2e-6, $"{name} float: kernel vs plan");
        AssertClose(sk, fk, 2e-5, $"{name} float kernel vs double kernel");
    }

    [Theory]
    [MemberData(nameof(CasesWithKernels))]
    public void Backward_matches_the_plan_per_sample_in_double_and_float(int index, string name)
    {
        Backward<double>(index, name, ParameterLayout.PerSample, tolerance: 1e-11);
        Backward<float>(index, name, ParameterLayout.PerSample, tolerance: 2e-4);
    }

    [Theory]
    [MemberData(nameof(CasesWithKernels))]
    public void Shared_parameters_on_tiles_match_the_plan(int index, string name)
    {
        var (kernel, plan) = Pair(index);
        kernel.Strategy = plan.Strategy = ExecutionStrategy.PerSample;
        Backward<double>(index, name, ParameterLayout.Shared, tolerance: 1e-10, kernel, plan);
    }

    [Fact]
    public void The_option_forces_the_plan_and_both_paths_give_the_same_gradient_for_a_shared_parameter()
    {
        // kernel_mix feeds b[1] into rx, ry (merged into one forward block), crx (merged with another parameter) and u3:
        // the backward must keep every one of those links (the failure of qulacs issue #632).
        var circuit = new KernelMix();
        Assert.True(circuit.HasSpecializedKernel);
        var parameters = Parameters(circuit, 1, seed: 3);
        int b1 = circuit.Program.ParameterCount - 4 + 1;
        var upstream = Enumerable.Range(0, circuit.ReadoutLength).Select(k => Math.Cos(k)).ToArray();
        double Loss(double[] q)
        {
            var s = circuit.CreateStates<double>(1);
            circuit.Forward<double>(s, q, ParameterLayout.PerSample);
            var r = new double[circuit.ReadoutLength];
            circuit.Readout<double>(s, r);
            return r.Zip(upstream, (x, u) => x * u).Sum();
        }

        double Gradient(bool useKernel)
        {
            circuit.UseSpecializedKernel = useKernel;
            var s = circuit.CreateStates<double>(1);
            circuit.Forward<double>(s, parameters, ParameterLayout.PerSample);
            var g = circuit.CreateStates<double>(1);
            circuit.ReadoutBackward<double>(s, upstream, g);
            var grad = new double[circuit.ParameterCount];
            circuit.Backward<double>(s, g, parameters, ParameterLayout.PerSample, grad);
            return grad[b1];
        }

        double viaKernel = Gradient(true), viaPlan = Gradient(false);
        circuit.UseSpecializedKernel = true;
        const double h = 1e-6;
        var plus = (double[])parameters.Clone();
        var minus = (double[])parameters.Clone();
        plus[b1] += h;
        minus[b1] -= h;
        double fd = (Loss(plus) - Loss(minus)) / (2 * h);
        Assert.True(Math.Abs(viaKernel - viaPlan) < 1e-12, $"kernel {viaKernel} vs plan {viaPlan}");
        Assert.True(Math.Abs(viaKernel - fd) < 1e-7, $"kernel {viaKernel} vs finite difference {fd}");
        Assert.True(Math.Abs(fd) > 1e-3, $"the check needs a nonzero gradient, got {fd}");
    }

    private static void Backward<T>(int index, string name, ParameterLayout layout, double tolerance, QuantumCircuit? kernel = null, QuantumCircuit? plan = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kernel is null || plan is null)
        {
            (kernel, plan) = Pair(index);
        }

        int rows = layout == ParameterLayout.PerSample ? Batch : 1;
        var p = Parameters(kernel, rows, seed: 17 + index).Select(T.CreateTruncating).ToArray();
        var input = Input(kernel, seed: 23 + index);
        var rng = new Random(29 + index);
        var upstream = Enumerable.Range(0, Batch * kernel.ReadoutLength).Select(_ => T.CreateTruncating(rng.NextDouble() - 0.5)).ToArray();

        (StateBatch<T> States, StateBatch<T> Adjoint, T[] Gradient) Run(QuantumCircuit c)
        {
            var s = Prepare<T>(c, input);
            c.Forward<T>(s, p, layout);
            var g = c.CreateStates<T>(Batch);
            c.ReadoutBackward<T>(s, upstream, g);
            var grad = new T[p.Length];
            c.Backward<T>(s, g, p, layout, grad);
            return (s, g, grad);
        }

        var k = Run(kernel);
        var q = Run(plan);
        string what = $"{name} {typeof(T).Name} {layout}";
        AssertClose(q.States, k.States, tolerance, what + ": uncomputed states");
        AssertClose(q.Adjoint, k.Adjoint, tolerance * 10, what + ": adjoint states");
        double scale = Math.Max(1, q.Gradient.Select(v => Math.Abs(double.CreateTruncating(v))).DefaultIfEmpty(0).Max());
        for (int j = 0; j < p.Length; j++)
        {
            double a = double.CreateTruncating(k.Gradient[j]), e = double.CreateTruncating(q.Gradient[j]);
            Assert.True(Math.Abs(a - e) <= tolerance * 10 * scale, $"{what}: gradient {j}: kernel {a} vs plan {e}");
        }

        var initial = Prepare<T>(kernel, input);
        AssertClose(initial, k.States, tolerance * 10, what + ": uncomputed to the input");
    }

    /// <summary>
    /// The cases that get a kernel: for the others a kernel-vs-plan comparison would compare the plan with itself
    /// (which kernels exist is pinned by the first test; the interpreter and finite-difference tests cover the rest).
    /// </summary>
    public static IEnumerable<object[]> CasesWithKernels() =>
        CircuitCases.Data().Where(row => CircuitCases.All[(int)row[0]].Create().HasSpecializedKernel);

    /// <summary>The same circuit twice: with its kernel, and forced onto the plan.</summary>
    private static (QuantumCircuit Kernel, QuantumCircuit Plan) Pair(int index)
    {
        var c = CircuitCases.All[index];
        var kernel = c.Create();
        Assert.True(kernel.HasSpecializedKernel, $"{c}: no kernel to compare with the plan");
        var plan = c.Create();
        plan.UseSpecializedKernel = false;
        return (kernel, plan);
    }

    private static double[] Parameters(QuantumCircuit c, int rows, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * c.ParameterCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
    }

    private static double[]? Input(QuantumCircuit c, int seed)
    {
        var rng = new Random(seed);
        return c.InputLength > 0 ? Enumerable.Range(0, c.InputLength).Select(_ => rng.NextDouble() - 0.3).ToArray() : null;
    }

    private static StateBatch<T> Prepare<T>(QuantumCircuit c, double[]? input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var states = c.CreateStates<T>(Batch);
        if (input != null)
        {
            c.EncodeInputs<T>(states, Enumerable.Repeat(input, Batch).SelectMany(x => x).Select(T.CreateTruncating).ToArray());
        }

        return states;
    }

    private static void AssertClose<T, U>(StateBatch<T> expected, StateBatch<U> actual, double tolerance, string what)
        where T : unmanaged, IFloatingPointIeee754<T> where U : unmanaged, IFloatingPointIeee754<U>
    {
        for (int i = 0; i < expected.Real.Length; i++)
        {
            double dr = double.CreateTruncating(expected.Real[i]) - double.CreateTruncating(actual.Real[i]);
            double di = double.CreateTruncating(expected.Imag[i]) - double.CreateTruncating(actual.Imag[i]);
            Assert.True(Math.Abs(dr) <= tolerance && Math.Abs(di) <= tolerance, $"{what}: amplitude {i}: {dr}, {di}");
        }
    }
}
