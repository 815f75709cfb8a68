using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

/// <summary>
/// The compiled plan and AVX-512 kernels against the dense reference and against the original straightforward
/// kernels (<c>UseSimpleKernels</c>): every one-target kind at every position with 0–2 controls (low strides
/// included), merged runs, readout single passes, the adjoint sweep, both Shared strategies, thread counts 1 and 2.
/// </summary>
public class FastPathTests
{
    private static readonly GateKind[] OneTarget = Enum.GetValues<GateKind>().Where(k => GateInfo.TargetCount(k) == 1).ToArray();

    public static IEnumerable<object[]> Sizes() => Enumerable.Range(1, 7).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryOneTargetGateAtEveryPositionMatchesDense(int n)
    {
        var rng = new Random(n);
        foreach (var kind in OneTarget)
            for (int controls = 0; controls <= Math.Min(2, n - 1); controls++)
                for (int target = 0; target < n; target++)
                {
                    var others = Enumerable.Range(0, n).Where(q => q != target).OrderBy(_ => rng.Next()).Take(controls).ToArray();
                    var spec = new GateSpec(kind, others, [target], TestUtil.RandomVector(rng, GateInfo.AngleCount(kind), 3), rng.Next(2) == 0);
                    var (program, parameters) = TestUtil.ParametrizedProgram(n, [spec]);
                    var psi = Dense.RandomState(rng, n);
                    var expected = Dense.Apply(Dense.Full(n, spec), psi);
                    var circuit = new QuantumCircuit(program);
                    var states = circuit.CreateStates<double>(1);
                    TestUtil.Load(states, 0, psi);
                    circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
                    TestUtil.AssertClose(expected, TestUtil.Get(states, 0), 1e-12, spec.ToString());
                    var statesF = circuit.CreateStates<float>(1);
                    TestUtil.Load(statesF, 0, psi);
                    circuit.Forward<float>(statesF, TestUtil.Cast<float>(parameters), ParameterLayout.Shared);
                    TestUtil.AssertClose(expected, TestUtil.Get(statesF, 0), 2e-6, spec.ToString());
                }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DoubleAgreesWithSimpleKernels(int n) => CompareWithSimple<double>(n, 1e-12);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FloatAgreesWithSimpleKernels(int n) => CompareWithSimple<float>(n, 2e-5);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void UnitaryStrategyAgreesWithPerSample(int n)
    {
        if (n < 2) return;
        var (program, _) = RandomProgram(n, new Random(100 + n));
        var rng = new Random(7);
        var parameters = TestUtil.RandomVector(rng, program.ParameterCount, 3);
        var perSample = Run<double>(program, parameters, ParameterLayout.Shared, ExecutionStrategy.PerSample, 1, batch: 70, rng: new Random(1));
        var unitary = Run<double>(program, parameters, ParameterLayout.Shared, ExecutionStrategy.Unitary, 1, batch: 70, rng: new Random(1));
        perSample.AssertClose(unitary, 1e-11, $"n={n} unitary vs per-sample");
        var perSampleF = Run<float>(program, parameters, ParameterLayout.Shared, ExecutionStrategy.PerSample, 1, batch: 70, rng: new Random(1));
        var unitaryF = Run<float>(program, parameters, ParameterLayout.Shared, ExecutionStrategy.Unitary, 1, batch: 70, rng: new Random(1));
        perSampleF.AssertClose(unitaryF, 2e-4, $"n={n} float unitary vs per-sample");
    }

    [Theory]
    [InlineData(3, ParameterLayout.PerSample, ExecutionStrategy.PerSample)]
    [InlineData(6, ParameterLayout.PerSample, ExecutionStrategy.PerSample)]
    [InlineData(6, ParameterLayout.Shared, ExecutionStrategy.PerSample)]
    [InlineData(6, ParameterLayout.Shared, ExecutionStrategy.Unitary)]
    [InlineData(10, ParameterLayout.Shared, ExecutionStrategy.PerSample)]
    public void FastPathsAreBitIdenticalForOneAndTwoThreads(int n, ParameterLayout layout, ExecutionStrategy strategy)
    {
        var (program, _) = RandomProgram(n, new Random(n));
        var rng = new Random(3);
        int batch = 300;
        var parameters = TestUtil.RandomVector(rng, layout == ParameterLayout.Shared ? program.ParameterCount : batch * program.ParameterCount, 3);
        var one = Run<float>(program, parameters, layout, strategy, 1, batch, new Random(5));
        var two = Run<float>(program, parameters, layout, strategy, 2, batch, new Random(5));
        Assert.Equal(one.States, two.States);
        Assert.Equal(one.Readouts, two.Readouts);
        Assert.Equal(one.Adjoint, two.Adjoint);
        Assert.Equal(one.Gradient, two.Gradient);
    }

    [Fact]
    public void MergedRunsOnOneQubitMatchDense()
    {
        const int n = 5;
        var rng = new Random(11);
        var gates = new List<GateSpec>();
        foreach (int q in new[] { 4, 0, 2 })
        {
            // ry·rz·h·rx·p on one qubit, interleaved with gates on other qubits that commute past them.
            gates.Add(new GateSpec(GateKind.RY, [], [q], [0.3], false));
            gates.Add(new GateSpec(GateKind.RX, [], [(q + 1) % n], [0.9], false));
            gates.Add(new GateSpec(GateKind.RZ, [], [q], [1.1], true));
            gates.Add(new GateSpec(GateKind.H, [], [q], [], false));
            gates.Add(new GateSpec(GateKind.RX, [(q + 3) % n], [q], [0.4], false));
            gates.Add(new GateSpec(GateKind.RX, [(q + 3) % n], [q], [-0.7], false));
            gates.Add(new GateSpec(GateKind.P, [], [q], [2.0], false));
            gates.Add(new GateSpec(GateKind.RY, [], [q], [-0.5], false));
            gates.Add(new GateSpec(GateKind.RY, [], [q], [0.25], false));
        }
        var (program, parameters) = TestUtil.ParametrizedProgram(n, gates, [new ReadoutTerm(ReadoutKind.ExpvalEach, "xyz", TestUtil.Range(n))]);
        var circuit = new QuantumCircuit(program);
        Assert.True(circuit.Engine.Plan.Forward.Length < gates.Count, "runs on one qubit should be merged");
        var psi = Dense.RandomState(rng, n);
        var states = circuit.CreateStates<double>(1);
        TestUtil.Load(states, 0, psi);
        circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
        TestUtil.AssertClose(Dense.Run(n, gates, psi), TestUtil.Get(states, 0), 1e-12);
        circuit.Inverse<double>(states, parameters, ParameterLayout.Shared);
        TestUtil.AssertClose(psi, TestUtil.Get(states, 0), 1e-12);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static void CompareWithSimple<T>(int n, double tol) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (program, _) = RandomProgram(n, new Random(n * 31));
        var rng = new Random(n);
        int batch = 5;
        foreach (var layout in new[] { ParameterLayout.PerSample, ParameterLayout.Shared })
        {
            var parameters = TestUtil.RandomVector(rng, layout == ParameterLayout.Shared ? program.ParameterCount : batch * program.ParameterCount, 3);
            var simple = Run<T>(program, parameters, layout, ExecutionStrategy.PerSample, 2, batch, new Random(9), simpleKernels: true);
            var fast = Run<T>(program, parameters, layout, ExecutionStrategy.PerSample, 2, batch, new Random(9));
            simple.AssertClose(fast, tol, $"n={n} {typeof(T).Name} {layout}");
        }
    }

    /// <summary>Random gates of every kind (controls 0–2, adjoints, runs on one qubit) and readouts the fast path handles.</summary>
    internal static (CircuitProgram Program, double[] Parameters) RandomProgram(int n, Random rng, int count = 60)
    {
        var kinds = Enum.GetValues<GateKind>().Where(k => GateInfo.TargetCount(k) <= n).ToArray();
        var gates = new List<GateSpec>();
        for (int g = 0; g < count; g++)
        {
            var kind = kinds[rng.Next(kinds.Length)];
            int t = GateInfo.TargetCount(kind);
            var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
            int c = rng.Next(0, Math.Min(2, n - t) + 1);
            var spec = new GateSpec(kind, order[t..(t + c)], order[..t], TestUtil.RandomVector(rng, GateInfo.AngleCount(kind), 3), rng.Next(2) == 0);
            gates.Add(spec);
            if (t == 1 && rng.Next(3) == 0)
                gates.Add(spec with { Kind = GateKind.RY, Angles = [rng.NextDouble()] }); // same target and controls: merged
        }
        ReadoutTerm[] readouts = [new(ReadoutKind.ExpvalEach, "xyz", TestUtil.Range(n)), new(ReadoutKind.ExpvalEach, "zx", n > 1 ? [n - 1, 0] : [0]), new(ReadoutKind.Probabilities, "", TestUtil.Range(n))];
        return TestUtil.ParametrizedProgram(n, gates, readouts);
    }

    internal sealed record Results(double[] States, double[] Readouts, double[] Adjoint, double[] Gradient, double[] Restored)
    {
        public void AssertClose(Results other, double tol, string context)
        {
            TestUtil.AssertClose(States, other.States, tol, context + " states");
            TestUtil.AssertClose(Readouts, other.Readouts, tol, context + " readouts");
            TestUtil.AssertClose(Adjoint, other.Adjoint, tol * 10, context + " adjoint");
            TestUtil.AssertClose(Gradient, other.Gradient, tol * 100, context + " gradient");
            TestUtil.AssertClose(Restored, other.Restored, tol * 10, context + " restored states");
        }
    }

    /// <summary>Random normalised (complex) states → Forward → Readout → ReadoutBackward → Backward.</summary>
    internal static Results Run<T>(CircuitProgram program, double[] parameters, ParameterLayout layout, ExecutionStrategy strategy, int threads,
        int batch, Random rng, bool simpleKernels = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var circuit = new QuantumCircuit(program) { MaxDegreeOfParallelism = threads, Strategy = strategy, UseSimpleKernels = simpleKernels };
        var states = circuit.CreateStates<T>(batch);
        for (int b = 0; b < batch; b++) TestUtil.Load(states, b, Dense.RandomState(rng, program.QubitCount));
        var p = TestUtil.Cast<T>(parameters);
        circuit.Forward<T>(states, p, layout);
        var final = states.Real.Concat(states.Imag).Select(v => double.CreateTruncating(v)).ToArray();
        var readouts = new T[batch * circuit.ReadoutLength];
        circuit.Readout<T>(states, readouts);
        var adjoint = circuit.CreateStates<T>(batch);
        circuit.ReadoutBackward<T>(states, TestUtil.Cast<T>(TestUtil.RandomVector(rng, readouts.Length)), adjoint);
        var gradient = new T[p.Length];
        circuit.Backward<T>(states, adjoint, p, layout, gradient);
        // Backward must have uncomputed the states; Forward + Inverse must restore them too.
        circuit.Forward<T>(states, p, layout);
        circuit.Inverse<T>(states, p, layout);
        return new Results(final, D(readouts), adjoint.Real.Concat(adjoint.Imag).Select(v => double.CreateTruncating(v)).ToArray(), D(gradient),
            states.Real.Concat(states.Imag).Select(v => double.CreateTruncating(v)).ToArray());
    }

    private static double[] D<T>(T[] values) where T : unmanaged, IFloatingPointIeee754<T> => values.Select(v => double.CreateTruncating(v)).ToArray();
}
