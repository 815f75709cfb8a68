using System.Buffers;
using System.Numerics;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// The <see cref="ExecutionStrategy.Unitary"/> strategy for Shared parameters: U is built once per call by running
/// the gate plan on the D = 2^n basis states (column k of U is U e_k, stored as "sample" k, i.e. Uᵀ row-major),
/// then all samples are multiplied by it (Ψ_out = Ψ·Uᵀ as a complex GEMM).
/// </summary>
/// <remarks>
/// Backward: ψ_in = U†ψ_out and g_in = U†g are two more GEMMs with conj(U). The parameter gradient is
/// Σ_b Re⟨g_b|∂U ψ_in,b⟩ = Σ_k Re⟨γ_k|∂U e_k⟩ with γ_k[j] = Σ_b conj(ψ_in,b[k])·g_b[j], i.e. Γ = Ψ_inᴴ·G (a GEMM over
/// the batch), followed by one ordinary adjoint sweep over the D "samples" U e_k with adjoints γ_k. Every reduction
/// runs in a fixed order (rows of Γ are split across threads, never the batch), so results do not depend on threads.
/// </remarks>
internal sealed class UnitaryExecutor
{
    private readonly QuantumCircuit _circuit;
    private object? _cachedFloat, _cachedDouble;

    public UnitaryExecutor(QuantumCircuit circuit) => _circuit = circuit;

    /// <summary>
    /// Auto rule (measured by <c>bench/QCircuitDsl.Benchmarks -- circuits</c>, see docs/benchmarks.md). Per amplitude,
    /// a training step costs the unitary path ~(2 + 4 + 4 + 4)·D FMAs of GEMM (forward with real input, uncompute,
    /// Γ, adjoint) at high efficiency, and the gate sweep ~12–24 FMAs per gate (forward + fused backward) at lower
    /// efficiency. On the projection (strongly entangling, 4n steps) the unitary was 0.77× the per-sample time at
    /// D = 32 (steps 20), 1.0× at D = 64 (24 steps) and 1.3× at D = 128 (28 steps): it pays while D ≤ 2·steps.
    /// It also needs a batch large enough to amortise building U (a sweep over D samples): batch ≥ 4·D.
    /// </summary>
    public static bool Prefer(int qubits, int forwardSteps, int batch)
    {
        int d = 1 << qubits;
        return d <= 2 * forwardSteps && batch >= 4 * d;
    }

    public void Apply<T>(StateBatch<T> states, double[] p, bool inverse) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ws = Take<T>();
        try
        {
            Build(ws, p);
            if (inverse)
            {
                ConjugateTranspose(ws);
                RowProduct(states, ws.UhRe, ws.UhIm);
            }
            else RowProduct(states, ws.U.Real, ws.U.Imag);
        }
        finally { Give(ws); }
    }

    public void Backward<T>(StateBatch<T> states, StateBatch<T> adjoint, double[] p, Span<double> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ws = Take<T>();
        try
        {
            Build(ws, p);
            ConjugateTranspose(ws);
            RowProduct(states, ws.UhRe, ws.UhIm);               // ψ_in = U†ψ_out
            var job = UnitaryJob<T>.Rent();
            job.Mode = UnitaryJob<T>.Kind.Gamma;
            job.A = states; job.B = adjoint; job.Out = ws.Gamma;
            job.Dimension = ws.D;
            Run(job, ws.D / 4);                                   // Γ = Ψ_inᴴ G, split by rows of Γ
            RowProduct(adjoint, ws.UhRe, ws.UhIm);               // g_in = U†g
            _circuit.RunBackward(ws.U, ws.Gamma, p, ParameterLayout.Shared, gradient);
        }
        finally { Give(ws); }
    }

    private void Build<T>(Workspace<T> ws, double[] p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ws.U.Clear();
        for (int k = 0; k < ws.D; k++) ws.U.Real[k * ws.D + k] = T.One;
        _circuit.RunSweep(ws.U, p, ParameterLayout.Shared, SweepKind.Forward);
    }

    /// <summary>Uh[j,k] = conj(Uᵀ[k,j]) = conj(U[j,k]), the right factor of Ψ_in = Ψ_out·conj(U).</summary>
    private static void ConjugateTranspose<T>(Workspace<T> ws) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = ws.D;
        for (int k = 0; k < d; k++)
            for (int j = 0; j < d; j++)
            {
                ws.UhRe[j * d + k] = ws.U.Real[k * d + j];
                ws.UhIm[j * d + k] = -ws.U.Imag[k * d + j];
            }
    }

    private void RowProduct<T>(StateBatch<T> states, T[] re, T[] im) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var job = UnitaryJob<T>.Rent();
        job.Mode = UnitaryJob<T>.Kind.Rows;
        job.A = states; job.MatrixRe = re; job.MatrixIm = im;
        job.Dimension = states.Dimension;
        Run(job, (states.BatchSize + UnitaryJob<T>.RowBlock - 1) / UnitaryJob<T>.RowBlock);
    }

    private void Run<T>(UnitaryJob<T> job, int items) where T : unmanaged, IFloatingPointIeee754<T>
    {
        try { job.Run(items, _circuit.MaxDegreeOfParallelism); }
        finally { job.Return(); }
    }

    private Workspace<T> Take<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref object? slot = ref typeof(T) == typeof(float) ? ref _cachedFloat : ref _cachedDouble;
        return Interlocked.Exchange(ref slot, null) as Workspace<T> ?? new Workspace<T>(_circuit.QubitCount);
    }

    private void Give<T>(Workspace<T> ws) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) _cachedFloat = ws; else _cachedDouble = ws;
    }

    /// <summary>U (as D samples), Γ and conj(U) for one precision; reused across calls.</summary>
    private sealed class Workspace<T>(int qubits) where T : unmanaged, IFloatingPointIeee754<T>
    {
        public readonly int D = 1 << qubits;
        public readonly StateBatch<T> U = new(qubits, 1 << qubits);
        public readonly StateBatch<T> Gamma = new(qubits, 1 << qubits);
        public readonly T[] UhRe = new T[1 << (2 * qubits)];
        public readonly T[] UhIm = new T[1 << (2 * qubits)];
    }
}

/// <summary>The GEMM work of the unitary strategy, split over threads without closures.</summary>
internal sealed class UnitaryJob<T> : ChunkJob where T : unmanaged, IFloatingPointIeee754<T>
{
    public enum Kind { Rows, Gamma }

    /// <summary>Samples per work item of the row product (copied to scratch so the product can overwrite them).</summary>
    public const int RowBlock = 64;
    /// <summary>Samples per pass of the Γ accumulation (keeps both batch panels in L2); fixed, so sums are reproducible.</summary>
    public const int GammaChunk = 256;

    [ThreadStatic] private static UnitaryJob<T>? t_cached;

    public static UnitaryJob<T> Rent()
    {
        var job = t_cached ?? new UnitaryJob<T>();
        t_cached = null;
        return job;
    }

    public void Return()
    {
        A = null!; B = null; Out = null; MatrixRe = null; MatrixIm = null;
        t_cached = this;
    }

    public Kind Mode;
    public StateBatch<T> A = null!;
    public StateBatch<T>? B, Out;
    public T[]? MatrixRe, MatrixIm;
    public int Dimension;

    protected override void Body(int start, int end)
    {
        int d = Dimension;
        if (Mode == Kind.Gamma)
        {
            // Rows [4·start, 4·end) of Γ[k,j] = Σ_b conj(Ψ[b,k])·G[b,j], batch in fixed chunks.
            int rows = 4 * (end - start), batch = A.BatchSize;
            for (int b0 = 0; b0 < batch; b0 += GammaChunk)
            {
                int kc = Math.Min(GammaChunk, batch - b0);
                var a = new ComplexGemm.Operand<T>(A.Real, A.Imag, b0 * d + 4 * start, 1, d);
                ComplexGemm.Multiply(rows, d, kc, a, conjugateA: true, realA: false, B!.Real, B.Imag, b0 * d, d,
                    Out!.Real, Out.Imag, 4 * start * d, d, accumulate: b0 > 0);
            }
            return;
        }
        var re = ArrayPool<T>.Shared.Rent(RowBlock * d);
        var im = ArrayPool<T>.Shared.Rent(RowBlock * d);
        try
        {
            for (int item = start; item < end; item++)
            {
                int first = item * RowBlock, count = Math.Min(RowBlock, A.BatchSize - first);
                A.Real.AsSpan(first * d, count * d).CopyTo(re);
                A.Imag.AsSpan(first * d, count * d).CopyTo(im);
                // Amplitude-encoded inputs are real: half the multiplications can be skipped.
                bool real = !im.AsSpan(0, count * d).ContainsAnyExcept(T.Zero);
                ComplexGemm.Multiply(count, d, d, new ComplexGemm.Operand<T>(re, im, 0, d, 1), conjugateA: false, realA: real,
                    MatrixRe!, MatrixIm!, 0, d, A.Real, A.Imag, first * d, d, accumulate: false);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(re);
            ArrayPool<T>.Shared.Return(im);
        }
    }
}
