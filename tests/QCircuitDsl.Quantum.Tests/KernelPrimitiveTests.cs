using System.Numerics;
using QCircuitDsl.Quantum;
using QCircuitDsl.Quantum.Kernels;

namespace QCircuitDsl.Quantum.Tests;

/// <summary>
/// The public primitives generated kernels call (ForwardKernels, BackwardKernels, Matrix2, GateSite) against the
/// dense reference, and finite differences for the gradients they return; the QuantumCircuit hook that runs a kernel.
/// </summary>
public class KernelPrimitiveTests
{
    public static IEnumerable<object[]> Sizes() => new[] { 4, 5, 6 }.Select(n => new object[] { n });

    private static IEnumerable<(int Target, int[] Controls)> Sites(int n, Random rng)
    {
        for (int controls = 0; controls <= 2; controls++)
            for (int target = 0; target < n; target++)
                yield return (target, Enumerable.Range(0, n).Where(q => q != target).OrderBy(_ => rng.Next()).Take(controls).ToArray());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Forward_primitives_match_dense_matrices_in_double_and_float(int n)
    {
        var rng = new Random(40 + n);
        foreach (var (target, controls) in Sites(n, rng))
        {
            var site = new GateSite(n, target, controls);
            double theta = rng.NextDouble() * 6 - 3;
            var cases = new (GateSpec Spec, Action<double[], double[]> Double, Action<float[], float[]> Float)[]
            {
                (Spec(GateKind.RY, controls, target, theta), (r, i) => ForwardKernels.Ry<double>(r, i, site, theta), (r, i) => ForwardKernels.Ry<float>(r, i, site, theta)),
                (Spec(GateKind.RX, controls, target, theta), (r, i) => ForwardKernels.Rx<double>(r, i, site, theta), (r, i) => ForwardKernels.Rx<float>(r, i, site, theta)),
                (Spec(GateKind.RZ, controls, target, theta), (r, i) => ForwardKernels.Rz<double>(r, i, site, theta), (r, i) => ForwardKernels.Rz<float>(r, i, site, theta)),
                (Spec(GateKind.P, controls, target, theta), (r, i) => ForwardKernels.Phase<double>(r, i, site, theta), (r, i) => ForwardKernels.Phase<float>(r, i, site, theta)),
                (Spec(GateKind.X, controls, target), (r, i) => ForwardKernels.Flip<double>(r, i, site), (r, i) => ForwardKernels.Flip<float>(r, i, site)),
            };
            foreach (var (spec, applyDouble, applyFloat) in cases)
            {
                var psi = Dense.RandomState(rng, n);
                var expected = Dense.Apply(Dense.Full(n, spec), psi);
                var (re, im) = Split(psi);
                applyDouble(re, im);
                AssertState(expected, re, im, 1e-12, spec.ToString());
                var (rf, imf) = (re.Select(_ => 0f).ToArray(), im.Select(_ => 0f).ToArray());
                (re, im) = Split(psi);
                for (int k = 0; k < re.Length; k++) { rf[k] = (float)re[k]; imf[k] = (float)im[k]; }
                applyFloat(rf, imf);
                AssertState(expected, rf.Select(v => (double)v).ToArray(), imf.Select(v => (double)v).ToArray(), 1e-5, spec + " (float)");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Apply_with_every_form_and_a_merged_product_matches_dense(int n)
    {
        var rng = new Random(50 + n);
        var forms = new (GateKind Kind, MatrixForm Form)[]
        {
            (GateKind.H, MatrixForm.Real), (GateKind.RY, MatrixForm.Real), (GateKind.RX, MatrixForm.PauliX), (GateKind.RZ, MatrixForm.Diagonal),
            (GateKind.S, MatrixForm.Phase), (GateKind.T, MatrixForm.Phase), (GateKind.P, MatrixForm.Phase), (GateKind.X, MatrixForm.Flip),
            (GateKind.Y, MatrixForm.General), (GateKind.SX, MatrixForm.General), (GateKind.U3, MatrixForm.General), (GateKind.Rot, MatrixForm.General),
        };
        foreach (var (target, controls) in Sites(n, rng))
        {
            var site = new GateSite(n, target, controls);
            foreach (var (kind, form) in forms)
            {
                bool adjoint = rng.Next(2) == 0;
                var angles = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
                var spec = new GateSpec(kind, controls, [target], angles[..GateInfo.AngleCount(kind)], adjoint);
                var psi = Dense.RandomState(rng, n);
                var (re, im) = Split(psi);
                ForwardKernels.Apply<double>(re, im, site, Matrix2.Of(kind, adjoint, angles[0], angles[1], angles[2]), form);
                AssertState(Dense.Apply(Dense.Full(n, spec), psi), re, im, 1e-12, spec + " as " + form);
            }

            // A merged run: rz then ry then p on one site is one general matrix, later factors on the left.
            var (a, b, c) = (rng.NextDouble(), rng.NextDouble(), rng.NextDouble());
            var run = new[] { Spec(GateKind.RZ, controls, target, a), Spec(GateKind.RY, controls, target, b), Spec(GateKind.P, controls, target, c) };
            var product = Matrix2.Of(GateKind.P, false, c) * (Matrix2.Of(GateKind.RY, false, b) * Matrix2.Of(GateKind.RZ, false, a));
            var state = Dense.RandomState(rng, n);
            var (pr, pi) = Split(state);
            ForwardKernels.Apply<double>(pr, pi, site, product, MatrixForm.General);
            AssertState(Dense.Run(n, run, state), pr, pi, 1e-12, "merged rz·ry·p");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Backward_primitives_uncompute_propagate_and_return_the_finite_difference_gradient(int n)
    {
        var rng = new Random(60 + n);
        foreach (var (target, controls) in Sites(n, rng))
        {
            var site = new GateSite(n, target, controls);
            double theta = rng.NextDouble() * 6 - 3;
            var steps = new (GateKind Kind, Func<double[], double[], double[], double[], double> Step)[]
            {
                (GateKind.RY, (r, i, gr, gi) => BackwardKernels.Ry<double>(r, i, gr, gi, site, theta)),
                (GateKind.RX, (r, i, gr, gi) => BackwardKernels.Rx<double>(r, i, gr, gi, site, theta)),
                (GateKind.RZ, (r, i, gr, gi) => BackwardKernels.Rz<double>(r, i, gr, gi, site, theta)),
                (GateKind.P, (r, i, gr, gi) => BackwardKernels.Phase<double>(r, i, gr, gi, site, theta)),
                (GateKind.RY, (r, i, gr, gi) => BackwardKernels.Gate<double>(r, i, gr, gi, site, GateKind.RY, false, theta).D0),
            };
            foreach (var (kind, step) in steps)
            {
                var psiIn = Dense.RandomState(rng, n);
                var g = Dense.RandomState(rng, n);
                var spec = Spec(kind, controls, target, theta);
                var u = Dense.Full(n, spec);
                var (re, im) = Split(Dense.Apply(u, psiIn));
                var (gre, gim) = Split(g);
                double dot = step(re, im, gre, gim);
                AssertState(psiIn, re, im, 1e-12, spec + ": uncomputed ψ");
                AssertState(Dense.Apply(Dense.Dagger(u), g), gre, gim, 1e-12, spec + ": propagated g");
                double fd = FiniteDifference(t => Overlap(g, Dense.Apply(Dense.Full(n, Spec(kind, controls, target, t)), psiIn)), theta);
                Assert.True(Math.Abs(dot - fd) < 1e-7, $"{spec}: dL/dθ {dot} vs finite difference {fd}");
            }

            // Three-angle kinds: every angle's gradient, and the adjoint flag.
            foreach (var kind in new[] { GateKind.U3, GateKind.Rot })
            {
                bool adjoint = rng.Next(2) == 0;
                var angles = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
                var psiIn = Dense.RandomState(rng, n);
                var g = Dense.RandomState(rng, n);
                var u = Dense.Full(n, new GateSpec(kind, controls, [target], angles, adjoint));
                var (re, im) = Split(Dense.Apply(u, psiIn));
                var (gre, gim) = Split(g);
                var (d0, d1, d2) = BackwardKernels.Gate<double>(re, im, gre, gim, site, kind, adjoint, angles[0], angles[1], angles[2]);
                AssertState(psiIn, re, im, 1e-12, kind + ": uncomputed ψ");
                AssertState(Dense.Apply(Dense.Dagger(u), g), gre, gim, 1e-12, kind + ": propagated g");
                var dots = new[] { d0, d1, d2 };
                for (int a = 0; a < 3; a++)
                {
                    double fd = FiniteDifference(t =>
                    {
                        var shifted = (double[])angles.Clone();
                        shifted[a] = t;
                        return Overlap(g, Dense.Apply(Dense.Full(n, new GateSpec(kind, controls, [target], shifted, adjoint)), psiIn));
                    }, angles[a]);
                    Assert.True(Math.Abs(dots[a] - fd) < 1e-7, $"{kind} angle {a}: {dots[a]} vs finite difference {fd}");
                }
            }

            // A fixed gate: uncompute only.
            {
                var psiIn = Dense.RandomState(rng, n);
                var g = Dense.RandomState(rng, n);
                var u = Dense.Full(n, new GateSpec(GateKind.SX, controls, [target], [], false));
                var (re, im) = Split(Dense.Apply(u, psiIn));
                var (gre, gim) = Split(g);
                BackwardKernels.Uncompute<double>(re, im, gre, gim, site, Matrix2.Of(GateKind.SX, adjoint: true), MatrixForm.General);
                AssertState(psiIn, re, im, 1e-12, "sx: uncomputed ψ");
                AssertState(Dense.Apply(Dense.Dagger(u), g), gre, gim, 1e-12, "sx: propagated g");
            }
        }
    }

    [Fact]
    public void Gate_sites_and_matrices_reject_bad_input_with_clear_messages()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => new GateSite(4, 4));
        Assert.Contains("qubit 4 is out of range; expected 0 to 3", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new GateSite(4, 1, 1));
        Assert.Contains("control qubit 1 is also the target", e2.Message);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => new GateSite(0, 0));
        Assert.Contains("qubitCount is 0; expected 1 to 30", e3.Message);
        var e4 = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix2.Of(GateKind.Swap));
        Assert.Contains("acts on two targets; expected a one-target gate kind", e4.Message);
    }

    [Fact]
    public void A_circuit_runs_its_kernel_for_forward_and_backward_only_when_enabled_and_never_for_inverse()
    {
        var (program, parameters) = TestUtil.ParametrizedProgram(4, [new GateSpec(GateKind.RY, [], [0], [0.3], false)]);
        var kernel = new RecordingKernel(4, program.ParameterCount);
        var circuit = new KernelCircuit(program, kernel);
        Assert.True(circuit.HasSpecializedKernel);
        Assert.Same(kernel, circuit.Kernel);
        var states = circuit.CreateStates<double>(3);
        var adjoint = circuit.CreateStates<double>(3);
        var grad = new double[program.ParameterCount];
        circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
        circuit.Backward<double>(states, adjoint, parameters, ParameterLayout.Shared, grad);
        circuit.Inverse<double>(states, parameters, ParameterLayout.Shared);
        // Shared parameters on 16-amplitude samples: one tile of all three samples per call.
        Assert.Equal((1, 1), (kernel.Forwards, kernel.Backwards));
        Assert.Equal(0.25, grad[0]);

        var perSample = Enumerable.Repeat(parameters, 3).SelectMany(p => p).ToArray();
        circuit.Forward<double>(states, perSample, ParameterLayout.PerSample);
        Assert.Equal(4, kernel.Forwards);

        circuit.UseSpecializedKernel = false;
        circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
        circuit.Backward<double>(states, adjoint, parameters, ParameterLayout.Shared, grad);
        Assert.Equal((4, 1), (kernel.Forwards, kernel.Backwards));

        circuit.UseSpecializedKernel = true;
        circuit.UseSimpleKernels = true;
        circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
        Assert.Equal(4, kernel.Forwards);
    }

    [Fact]
    public void A_kernel_for_another_instantiation_is_rejected()
    {
        var (program, _) = TestUtil.ParametrizedProgram(4, [new GateSpec(GateKind.RY, [], [0], [0.3], false)]);
        var e = Assert.Throws<ArgumentException>(() => new KernelCircuit(program, new RecordingKernel(5, program.ParameterCount)));
        Assert.Contains("has 5 qubits and 1 parameters; expected 4 and 1", e.Message);
    }

    private sealed class KernelCircuit(CircuitProgram program, SpecializedKernel kernel) : QuantumCircuit(program, kernel);

    /// <summary>Counts calls; its backward adds 0.25 to the first gradient entry, so the hook's gradient plumbing is visible.</summary>
    private sealed class RecordingKernel(int qubits, int parameters) : SpecializedKernel(qubits, parameters, "test")
    {
        public int Forwards, Backwards;

        public override void Forward<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) => Forwards++;

        public override void Backward<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, Span<double> grad)
        {
            Backwards++;
            grad[0] += 0.25;
        }
    }

    private static GateSpec Spec(GateKind kind, int[] controls, int target, params double[] angles) => new(kind, controls, [target], angles, false);

    /// <summary>Re⟨g|ψ⟩, the loss whose θ-derivative a backward step returns.</summary>
    private static double Overlap(Complex[] g, Complex[] psi)
    {
        double s = 0;
        for (int k = 0; k < g.Length; k++) s += (Complex.Conjugate(g[k]) * psi[k]).Real;
        return s;
    }

    private static double FiniteDifference(Func<double, double> f, double x, double h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

    private static (double[] Re, double[] Im) Split(Complex[] psi) => (psi.Select(c => c.Real).ToArray(), psi.Select(c => c.Imaginary).ToArray());

    private static void AssertState(Complex[] expected, double[] re, double[] im, double tolerance, string what)
    {
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Complex.Abs(expected[k] - new Complex(re[k], im[k])) < tolerance, $"{what}: amplitude {k}: {new Complex(re[k], im[k])} vs {expected[k]}");
    }
}
