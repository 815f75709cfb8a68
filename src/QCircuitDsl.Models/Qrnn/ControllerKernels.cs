using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using QCircuitDsl.Runtime.LinearAlgebra;
using GeluFormula = QCircuitDsl.Runtime.Ops.Gelu;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The QRNN controller θ = W2·φ(W1·u + b1) + b2 for one step of a batch, forward and backward by hand on
/// buffers that live as long as the sequence, so a step allocates nothing. The fused recurrence
/// (<see cref="QrnnRecurrenceFunction"/>) runs the forward once per step in its forward pass and again, on the same
/// inputs, in its backward pass; both give bit-identical angles (same kernels, same order). The activations
/// use the runtime's own formulas (GELU with the same erf), so the result matches <see cref="QrnnController"/>.
/// Weights are row-major in PyTorch layout: W1 [H1, U], W2 [P, H], where H1 = 2H for GLU.
/// </summary>
internal sealed class ControllerKernels<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double LeakySlope = 0.01; // Functional.LeakyRelu's default, which QrnnController uses

    private readonly ControllerActivation _activation;
    private readonly T[] _w1, _b1, _w2, _b2;

    public ControllerKernels(ControllerActivation activation, int batch, int inputs, int hidden, int angles, T[] w1, T[] b1, T[] w2, T[] b2)
    {
        _activation = activation;
        Batch = batch;
        Inputs = inputs;
        Hidden = hidden;
        FirstWidth = activation == ControllerActivation.Glu ? 2 * hidden : hidden;
        Angles = angles;
        _w1 = w1;
        _b1 = b1;
        _w2 = w2;
        _b2 = b2;
        U = new T[batch * inputs];
        A = new T[batch * FirstWidth];
        V = new T[batch * hidden];
        Theta = new T[batch * angles];
    }

    public int Batch { get; }
    /// <summary>U: width of the controller input (feedback : input).</summary>
    public int Inputs { get; }
    public int Hidden { get; }
    /// <summary>H1: width of W1·u (twice <see cref="Hidden"/> for GLU).</summary>
    public int FirstWidth { get; }
    public int Angles { get; }

    /// <summary>u [B × U]: the caller fills it before <see cref="Forward"/>.</summary>
    public T[] U { get; }
    /// <summary>a = W1·u + b1 [B × H1].</summary>
    public T[] A { get; }
    /// <summary>v = φ(a) [B × H].</summary>
    public T[] V { get; }
    /// <summary>θ = W2·v + b2 [B × P].</summary>
    public T[] Theta { get; }

    /// <summary>Computes a, v and θ from <see cref="U"/>.</summary>
    public void Forward()
    {
        Affine(U, Inputs, _w1, _b1, FirstWidth, A);
        Activate();
        Affine(V, Hidden, _w2, _b2, Angles, Theta);
    }

    /// <summary>Gradient buffers of one backward pass, accumulated over its steps.</summary>
    public sealed class Gradients
    {
        public Gradients(ControllerKernels<T> c)
        {
            W1 = new T[c.FirstWidth * c.Inputs];
            B1 = new T[c.FirstWidth];
            W2 = new T[c.Angles * c.Hidden];
            B2 = new T[c.Angles];
            Dv = new T[c.Batch * c.Hidden];
            Da = new T[c.Batch * c.FirstWidth];
            Du = new T[c.Batch * c.Inputs];
        }

        public T[] W1 { get; }
        public T[] B1 { get; }
        public T[] W2 { get; }
        public T[] B2 { get; }
        /// <summary>∂L/∂v, ∂L/∂a of the current step (scratch).</summary>
        public T[] Dv { get; }
        public T[] Da { get; }
        /// <summary>∂L/∂u of the current step [B × U].</summary>
        public T[] Du { get; }
    }

    /// <summary>
    /// Backward of the step whose <see cref="U"/>, <see cref="A"/>, <see cref="V"/> are current: adds the
    /// weight and bias gradients into <paramref name="g"/> and writes ∂L/∂u into <c>g.Du</c>.
    /// </summary>
    public void Backward(ReadOnlySpan<T> thetaGradient, Gradients g)
    {
        int b = Batch;
        // θ = v·W2ᵀ + b2
        Multiply(transA: true, transB: false, Angles, Hidden, b, thetaGradient, Angles, V, Hidden, T.One, g.W2, Hidden);
        AddColumnSums(thetaGradient, b, Angles, g.B2);
        Multiply(transA: false, transB: false, b, Hidden, Angles, thetaGradient, Angles, _w2, Hidden, T.Zero, g.Dv, Hidden);
        ActivateBackward(g.Dv, g.Da);
        // a = u·W1ᵀ + b1
        Multiply(transA: true, transB: false, FirstWidth, Inputs, b, g.Da, FirstWidth, U, Inputs, T.One, g.W1, Inputs);
        AddColumnSums(g.Da, b, FirstWidth, g.B1);
        Multiply(transA: false, transB: false, b, Inputs, FirstWidth, g.Da, FirstWidth, _w1, Inputs, T.Zero, g.Du, Inputs);
    }

    /// <summary>y [B × n] = x [B × k]·Wᵀ + bias, W being [n × k].</summary>
    private void Affine(T[] x, int k, T[] w, T[] bias, int n, T[] y)
    {
        Multiply(transA: false, transB: true, Batch, n, k, x, k, w, k, T.Zero, y, n);
        for (int r = 0; r < Batch; r++)
        {
            var row = y.AsSpan(r * n, n);
            for (int j = 0; j < n; j++) row[j] += bias[j];
        }
    }

    private void Activate()
    {
        switch (_activation)
        {
            case ControllerActivation.None:
                A.CopyTo(V, 0);
                break;
            case ControllerActivation.Relu:
                for (int i = 0; i < V.Length; i++) V[i] = A[i] > T.Zero ? A[i] : T.Zero;
                break;
            case ControllerActivation.LeakyRelu:
                var slope = T.CreateTruncating(LeakySlope);
                for (int i = 0; i < V.Length; i++) V[i] = A[i] > T.Zero ? A[i] : A[i] * slope;
                break;
            case ControllerActivation.Gelu:
                bool single = typeof(T) == typeof(float);
                for (int i = 0; i < V.Length; i++) V[i] = T.CreateTruncating(GeluFormula.ErfForward(double.CreateTruncating(A[i]), single));
                break;
            default:
                // GLU: v = a_left·σ(a_right), the halves of each row.
                int h = Hidden;
                for (int r = 0; r < Batch; r++)
                {
                    var left = A.AsSpan(r * 2 * h, h);
                    var right = A.AsSpan(r * 2 * h + h, h);
                    var v = V.AsSpan(r * h, h);
                    Sigmoid(right, v);
                    for (int j = 0; j < h; j++) v[j] = left[j] * v[j];
                }

                break;
        }
    }

    private void ActivateBackward(T[] dv, T[] da)
    {
        switch (_activation)
        {
            case ControllerActivation.None:
                dv.CopyTo(da, 0);
                break;
            case ControllerActivation.Relu:
                for (int i = 0; i < da.Length; i++) da[i] = A[i] > T.Zero ? dv[i] : T.Zero;
                break;
            case ControllerActivation.LeakyRelu:
                var slope = T.CreateTruncating(LeakySlope);
                for (int i = 0; i < da.Length; i++) da[i] = A[i] > T.Zero ? dv[i] : dv[i] * slope;
                break;
            case ControllerActivation.Gelu:
                bool single = typeof(T) == typeof(float);
                for (int i = 0; i < da.Length; i++) da[i] = dv[i] * T.CreateTruncating(GeluFormula.ErfDerivative(double.CreateTruncating(A[i]), single));
                break;
            default:
                int h = Hidden;
                for (int r = 0; r < Batch; r++)
                {
                    var left = A.AsSpan(r * 2 * h, h);
                    var right = A.AsSpan(r * 2 * h + h, h);
                    var g = dv.AsSpan(r * h, h);
                    var dLeft = da.AsSpan(r * 2 * h, h);
                    var dRight = da.AsSpan(r * 2 * h + h, h);
                    Sigmoid(right, dRight); // σ(b), overwritten below
                    for (int j = 0; j < h; j++)
                    {
                        var s = dRight[j];
                        dLeft[j] = g[j] * s;
                        // The runtime's product rule: ∂(a·s)/∂s = a, then σ' = s(1 − s) from the output s.
                        dRight[j] = g[j] * left[j] * s * (T.One - s);
                    }
                }

                break;
        }
    }

    private static void Sigmoid(ReadOnlySpan<T> x, Span<T> y)
    {
        if (typeof(T) == typeof(float))
        {
            TensorPrimitives.Sigmoid(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        }
        else
        {
            TensorPrimitives.Sigmoid(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
        }
    }

    private static void AddColumnSums(ReadOnlySpan<T> m, int rows, int cols, T[] sums)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = m.Slice(r * cols, cols);
            for (int j = 0; j < cols; j++) sums[j] += row[j];
        }
    }

    /// <summary>C = op(A)·op(B) + beta·C with the runtime's GEMM (bit-identical for every thread count).</summary>
    private static void Multiply(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
    {
        if (typeof(T) == typeof(float))
        {
            Gemm.Sgemm(transA, transB, m, n, k, 1f, MemoryMarshal.Cast<T, float>(a), lda, MemoryMarshal.Cast<T, float>(b), ldb,
                float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        }
        else
        {
            Gemm.Dgemm(transA, transB, m, n, k, 1.0, MemoryMarshal.Cast<T, double>(a), lda, MemoryMarshal.Cast<T, double>(b), ldb,
                double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        }
    }
}
