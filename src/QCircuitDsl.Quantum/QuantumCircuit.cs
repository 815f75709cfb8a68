using System.Buffers;
using System.Numerics;
using QCircuitDsl.Quantum.Engine;

namespace QCircuitDsl.Quantum;

/// <summary>
/// The statevector engine for one <see cref="CircuitProgram"/>. Generated circuit classes derive from it:
/// <c>public sealed partial class Sim14 : QuantumCircuit { public Sim14(int n) : base(BuildProgram(n)) {} }</c>.
/// </summary>
/// <remarks>
/// <para>Work is organised as per-sample sweeps: one sample's 2^n amplitudes stay in cache while every gate is
/// applied to it, and samples are spread over threads in fixed contiguous chunks. Every per-sample computation is
/// independent of the thread that runs it and batch reductions (shared-parameter gradients) are summed over
/// samples in a fixed order, so results are bit-identical for any <see cref="MaxDegreeOfParallelism"/>.</para>
/// <para>Angles and gate matrices are computed in double and converted to T; readout and gradient sums
/// accumulate in double.</para>
/// </remarks>
public class QuantumCircuit
{
    private readonly CompiledOp[] _ops;
    private readonly CompiledReadout[] _readouts;
    private readonly int _maxProbabilityLength;
    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    public QuantumCircuit(CircuitProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        Program = program;
        _ops = program.Gates.Select(g => new CompiledOp(g, program.QubitCount)).ToArray();
        var readouts = new List<CompiledReadout>();
        int offset = 0;
        foreach (var term in program.Readouts)
        {
            readouts.Add(new CompiledReadout(term, offset, program.QubitCount));
            if (term.Kind == ReadoutKind.Probabilities) _maxProbabilityLength = Math.Max(_maxProbabilityLength, term.Length);
            offset += term.Length;
        }
        _readouts = readouts.ToArray();
    }

    public CircuitProgram Program { get; }
    public string Name => Program.Name;
    public int QubitCount => Program.QubitCount;
    public int Dimension => Program.Dimension;
    public int ParameterCount => Program.ParameterCount;
    public int ReadoutLength => Program.ReadoutLength;
    /// <summary>Amplitude-input length per sample, 0 when the circuit has no input.</summary>
    public int InputLength => Program.Input?.Length ?? 0;

    /// <summary>Upper bound on worker threads (default <see cref="Environment.ProcessorCount"/>). Results do not depend on it.</summary>
    public virtual int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value < 1)
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxDegreeOfParallelism is {value}; expected at least 1.");
            _maxDegreeOfParallelism = value;
        }
    }

    public override string ToString() => Program.ToString();

    // ---- public operations --------------------------------------------------------------------------

    /// <summary>A batch of <paramref name="batchSize"/> states, all |0…0⟩.</summary>
    public StateBatch<T> CreateStates<T>(int batchSize) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize is {batchSize}; expected at least 1.");
        return new StateBatch<T>(QubitCount, batchSize);
    }

    /// <summary>Amplitude-encodes B×InputLength inputs into <paramref name="states"/> (overwriting them).</summary>
    public void EncodeInputs<T>(StateBatch<T> states, ReadOnlySpan<T> inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = RequireInput();
        CheckStates(states, nameof(states));
        int batch = states.BatchSize;
        CheckLength(inputs.Length, batch * length, nameof(inputs), $"batch {batch} × input length {length}");
        var norms = InputNorms(inputs, batch, length, nameof(inputs));
        for (int b = 0; b < batch; b++)
            AmplitudeEncoding.Encode(inputs.Slice(b * length, length), norms[b], states.RealOf(b), states.ImagOf(b));
    }

    /// <summary>
    /// Overwrites <paramref name="inputGradient"/> (B×InputLength) with ∂L/∂x given the adjoint g of the encoded states.
    /// </summary>
    public void EncodeInputsBackward<T>(ReadOnlySpan<T> inputs, StateBatch<T> adjoint, Span<T> inputGradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = RequireInput();
        CheckStates(adjoint, nameof(adjoint));
        int batch = adjoint.BatchSize;
        CheckLength(inputs.Length, batch * length, nameof(inputs), $"batch {batch} × input length {length}");
        CheckLength(inputGradient.Length, batch * length, nameof(inputGradient), $"batch {batch} × input length {length}");
        var norms = InputNorms(inputs, batch, length, nameof(inputs));
        for (int b = 0; b < batch; b++)
            AmplitudeEncoding.Backward(inputs.Slice(b * length, length), norms[b], adjoint.RealOf(b), inputGradient.Slice(b * length, length));
    }

    /// <summary>Applies the circuit's gates U to every sample in place.</summary>
    public void Forward<T>(StateBatch<T> states, ReadOnlySpan<T> parameters, ParameterLayout layout) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        var p = ConvertParameters(parameters, layout, states.BatchSize, nameof(parameters));
        try
        {
            int stride = layout == ParameterLayout.PerSample ? ParameterCount : 0;
            ForEachChunk(states.BatchSize, (start, end) =>
            {
                for (int b = start; b < end; b++)
                    ForwardSample(states.RealOf(b), states.ImagOf(b), p.AsSpan(b * stride, ParameterCount));
            });
        }
        finally { ArrayPool<double>.Shared.Return(p); }
    }

    /// <summary>Applies U† to every sample in place (so Inverse after Forward restores the input).</summary>
    public void Inverse<T>(StateBatch<T> states, ReadOnlySpan<T> parameters, ParameterLayout layout) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        var p = ConvertParameters(parameters, layout, states.BatchSize, nameof(parameters));
        try
        {
            int stride = layout == ParameterLayout.PerSample ? ParameterCount : 0;
            ForEachChunk(states.BatchSize, (start, end) =>
            {
                for (int b = start; b < end; b++)
                    InverseSample(states.RealOf(b), states.ImagOf(b), p.AsSpan(b * stride, ParameterCount));
            });
        }
        finally { ArrayPool<double>.Shared.Return(p); }
    }

    /// <summary>Writes B×ReadoutLength readout values (overwriting <paramref name="readouts"/>).</summary>
    public void Readout<T>(StateBatch<T> states, Span<T> readouts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        int batch = states.BatchSize, r = ReadoutLength;
        CheckLength(readouts.Length, batch * r, nameof(readouts), $"batch {batch} × {r} readout values");
        var output = ArrayPool<T>.Shared.Rent(batch * r);
        try
        {
            ForEachChunk(batch, (start, end) =>
            {
                var probs = new double[_maxProbabilityLength];
                for (int b = start; b < end; b++)
                    ReadoutSample(states.RealOf(b), states.ImagOf(b), output.AsSpan(b * r, r), probs);
            });
            output.AsSpan(0, batch * r).CopyTo(readouts);
        }
        finally { ArrayPool<T>.Shared.Return(output); }
    }

    /// <summary>Overwrites <paramref name="adjoint"/> with g = Σ_r upstream_r·∂r/∂ψ for every sample.</summary>
    public void ReadoutBackward<T>(StateBatch<T> states, ReadOnlySpan<T> upstream, StateBatch<T> adjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        CheckAdjoint(states, adjoint);
        int batch = states.BatchSize, r = ReadoutLength;
        CheckLength(upstream.Length, batch * r, nameof(upstream), $"batch {batch} × {r} readout values");
        var u = ArrayPool<T>.Shared.Rent(Math.Max(1, batch * r));
        try
        {
            upstream.CopyTo(u);
            ForEachChunk(batch, (start, end) =>
            {
                for (int b = start; b < end; b++)
                    ReadoutBackwardSample(states.RealOf(b), states.ImagOf(b), u.AsSpan(b * r, r), adjoint.RealOf(b), adjoint.ImagOf(b));
            });
        }
        finally { ArrayPool<T>.Shared.Return(u); }
    }

    /// <summary>
    /// Adjoint-method backward pass. <paramref name="states"/> holds the output states and is uncomputed to the input
    /// states; <paramref name="adjoint"/> holds g for the output and is replaced by g for the input; parameter
    /// gradients are accumulated (+=) into <paramref name="parameterGradient"/> (B×P for PerSample, P summed over the
    /// batch for Shared). No intermediate states are stored.
    /// </summary>
    public void Backward<T>(StateBatch<T> states, StateBatch<T> adjoint, ReadOnlySpan<T> parameters, ParameterLayout layout, Span<T> parameterGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        CheckAdjoint(states, adjoint);
        int batch = states.BatchSize, pc = ParameterCount;
        var p = ConvertParameters(parameters, layout, batch, nameof(parameters));
        try
        {
            if (layout == ParameterLayout.PerSample)
                CheckLength(parameterGradient.Length, batch * pc, nameof(parameterGradient), $"PerSample: batch {batch} × {pc} parameters");
            else
                CheckLength(parameterGradient.Length, pc, nameof(parameterGradient), $"Shared: {pc} parameters");

            // Per-sample gradients go to their own row so the Shared reduction below can sum in sample order.
            var grad = new double[batch * pc];
            int stride = layout == ParameterLayout.PerSample ? pc : 0;
            ForEachChunk(batch, (start, end) =>
            {
                for (int b = start; b < end; b++)
                    BackwardSample(states.RealOf(b), states.ImagOf(b), adjoint.RealOf(b), adjoint.ImagOf(b),
                        p.AsSpan(b * stride, pc), grad.AsSpan(b * pc, pc));
            });

            if (layout == ParameterLayout.PerSample)
            {
                for (int k = 0; k < batch * pc; k++)
                    parameterGradient[k] += T.CreateTruncating(grad[k]);
            }
            else
            {
                for (int k = 0; k < pc; k++)
                {
                    double sum = 0;
                    for (int b = 0; b < batch; b++) sum += grad[b * pc + k];
                    parameterGradient[k] += T.CreateTruncating(sum);
                }
            }
        }
        finally { ArrayPool<double>.Shared.Return(p); }
    }

    // ---- per-sample sweeps --------------------------------------------------------------------------

    private void ForwardSample<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[16];
        foreach (var op in _ops)
        {
            op.Matrix(p, inverse: false, m);
            op.Apply(re, im, m);
        }
    }

    private void InverseSample<T>(Span<T> re, Span<T> im, ReadOnlySpan<double> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> m = stackalloc Complex[16];
        for (int k = _ops.Length - 1; k >= 0; k--)
        {
            _ops[k].Matrix(p, inverse: true, m);
            _ops[k].Apply(re, im, m);
        }
    }

    /// <summary>
    /// Walks the ops backwards. For op k with ψ_k = U_k ψ_{k−1}: uncompute ψ_{k−1} = U_k†ψ_k, accumulate
    /// ∂L/∂θ = Re⟨g_k|∂U_k/∂θ|ψ_{k−1}⟩ through each angle's affine coefficients, then g_{k−1} = U_k† g_k.
    /// </summary>
    private void BackwardSample<T>(Span<T> re, Span<T> im, Span<T> gre, Span<T> gim, ReadOnlySpan<double> p, Span<double> grad)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<Complex> inv = stackalloc Complex[16];
        Span<Complex> dm = stackalloc Complex[16];
        Span<double> angles = stackalloc double[3];
        for (int k = _ops.Length - 1; k >= 0; k--)
        {
            var op = _ops[k];
            op.Matrix(p, inverse: true, inv);
            op.Apply(re, im, inv);
            if (op.HasParameters)
            {
                op.EvaluateAngles(p, angles);
                for (int a = 0; a < op.Angles.Length; a++)
                {
                    var expr = op.Angles[a];
                    if (expr.IsConstant) continue;
                    GateMatrices.BuildDerivative(op.Kind, angles, a, op.Adjoint, dm);
                    double dTheta = op.Inner<T>(gre, gim, re, im, dm);
                    foreach (var (index, coefficient) in expr.TermSpan)
                        grad[index] += coefficient * dTheta;
                }
            }
            op.Apply(gre, gim, inv);
        }
    }

    private void ReadoutSample<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, Span<T> output, double[] probs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var term in _readouts)
        {
            var dst = output.Slice(term.Offset, term.Length);
            switch (term.Kind)
            {
                case ReadoutKind.ExpvalEach:
                case ReadoutKind.PauliString:
                    for (int v = 0; v < term.Paulis.Length; v++)
                        dst[v] = T.CreateTruncating(ReadoutKernels.PauliExpectation(re, im, term.Paulis[v]));
                    break;
                case ReadoutKind.Probabilities:
                    {
                        var pr = probs.AsSpan(0, term.Length);
                        ReadoutKernels.Probabilities(re, im, term.ProbabilityMasks, pr);
                        for (int j = 0; j < pr.Length; j++) dst[j] = T.CreateTruncating(pr[j]);
                        break;
                    }
                case ReadoutKind.State:
                    for (int i = 0; i < re.Length; i++)
                    {
                        dst[2 * i] = re[i];
                        dst[2 * i + 1] = im[i];
                    }
                    break;
            }
        }
    }

    private void ReadoutBackwardSample<T>(ReadOnlySpan<T> re, ReadOnlySpan<T> im, ReadOnlySpan<T> upstream, Span<T> gre, Span<T> gim)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        gre.Clear();
        gim.Clear();
        foreach (var term in _readouts)
        {
            var u = upstream.Slice(term.Offset, term.Length);
            switch (term.Kind)
            {
                case ReadoutKind.ExpvalEach:
                case ReadoutKind.PauliString:
                    // r = ⟨ψ|P|ψ⟩ ⇒ g += 2·u·Pψ
                    for (int v = 0; v < term.Paulis.Length; v++)
                        ReadoutKernels.PauliAccumulate(re, im, term.Paulis[v], 2 * double.CreateTruncating(u[v]), gre, gim);
                    break;
                case ReadoutKind.Probabilities:
                    ReadoutKernels.ProbabilitiesAccumulate(re, im, term.ProbabilityMasks, u, gre, gim);
                    break;
                case ReadoutKind.State:
                    for (int i = 0; i < gre.Length; i++)
                    {
                        gre[i] += u[2 * i];
                        gim[i] += u[2 * i + 1];
                    }
                    break;
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /// <summary>Splits the batch into at most MaxDegreeOfParallelism contiguous chunks (static partitioning).</summary>
    private void ForEachChunk(int batch, Action<int, int> body)
    {
        int workers = Math.Min(MaxDegreeOfParallelism, batch);
        if (workers <= 1)
        {
            body(0, batch);
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers },
            w => body((int)((long)batch * w / workers), (int)((long)batch * (w + 1) / workers)));
    }

    private int RequireInput()
    {
        if (InputLength == 0)
            throw new InvalidOperationException($"circuit '{Name}' has no amplitude input; expected EncodeInputs only for circuits that declare one.");
        return InputLength;
    }

    private void CheckStates<T>(StateBatch<T> states, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (states is null) throw new ArgumentNullException(name, $"{name} is null; expected a StateBatch of {QubitCount} qubits.");
        if (states.QubitCount != QubitCount)
            throw new ArgumentException($"{name} has {states.QubitCount} qubits; expected {QubitCount} (circuit '{Name}').", name);
    }

    private void CheckAdjoint<T>(StateBatch<T> states, StateBatch<T> adjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(adjoint, nameof(adjoint));
        if (ReferenceEquals(states, adjoint))
            throw new ArgumentException("adjoint is the same StateBatch as states; expected a separate batch for the adjoint vectors.", nameof(adjoint));
        if (adjoint.BatchSize != states.BatchSize)
            throw new ArgumentException($"adjoint has batch {adjoint.BatchSize}; expected {states.BatchSize} (the batch size of states).", nameof(adjoint));
    }

    private static void CheckLength(int actual, int expected, string name, string detail)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has length {actual}; expected {expected} ({detail}).", name);
    }

    /// <summary>Validates length and finiteness and converts to a pooled double buffer (caller returns it).</summary>
    private double[] ConvertParameters<T>(ReadOnlySpan<T> parameters, ParameterLayout layout, int batch, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int pc = ParameterCount;
        int expected = layout switch
        {
            ParameterLayout.Shared => pc,
            ParameterLayout.PerSample => batch * pc,
            _ => throw new ArgumentOutOfRangeException("layout", layout, "unknown parameter layout; expected Shared or PerSample."),
        };
        CheckLength(parameters.Length, expected, name,
            layout == ParameterLayout.Shared ? $"Shared: {pc} parameters" : $"PerSample: batch {batch} × {pc} parameters");
        var p = ArrayPool<double>.Shared.Rent(Math.Max(1, expected));
        for (int k = 0; k < expected; k++)
        {
            T v = parameters[k];
            if (!T.IsFinite(v))
            {
                ArrayPool<double>.Shared.Return(p);
                string where = layout == ParameterLayout.Shared || pc == 0 ? $"parameter {k}" : $"sample {k / pc}, parameter {k % pc}";
                throw new ArgumentException($"{name}[{k}] is {Describe(v)} ({where}); expected finite values.", name);
            }
            p[k] = double.CreateTruncating(v);
        }
        return p;
    }

    private static string Describe<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(value) ? "NaN" : T.IsPositiveInfinity(value) ? "+Infinity" : T.IsNegativeInfinity(value) ? "-Infinity" : value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    private static double[] InputNorms<T>(ReadOnlySpan<T> inputs, int batch, int length, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var norms = new double[batch];
        for (int b = 0; b < batch; b++)
        {
            var x = inputs.Slice(b * length, length);
            for (int j = 0; j < length; j++)
                if (!T.IsFinite(x[j]))
                    throw new ArgumentException($"{name}[{b * length + j}] is {Describe(x[j])} (sample {b}, element {j}); expected finite values.", name);
            double norm = AmplitudeEncoding.Norm(x);
            if (!(norm > 0) || !double.IsFinite(norm))
                throw new ArgumentException($"{name} of sample {b} has norm {norm}; amplitude encoding expected a nonzero, finite norm.", name);
            norms[b] = norm;
        }
        return norms;
    }
}
