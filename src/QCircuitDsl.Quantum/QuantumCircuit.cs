using System.Buffers;
using System.Numerics;
using QCircuitDsl.Quantum.Engine;
using QCircuitDsl.Quantum.Engine.Fast;
using QCircuitDsl.Quantum.Kernels;

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
    private readonly BatchEngine _engine;
    private readonly UnitaryExecutor _unitary;
    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    public QuantumCircuit(CircuitProgram program)
        : this(program, null)
    {
    }

    /// <summary>
    /// A circuit with a generated straight-line kernel for exactly this program (generated classes pass the kernel of
    /// the instantiation their arguments match, or null). The kernel must have the program's qubit and parameter counts.
    /// </summary>
    protected QuantumCircuit(CircuitProgram program, SpecializedKernel? kernel)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (kernel is not null && (kernel.QubitCount != program.QubitCount || kernel.ParameterCount != program.ParameterCount))
            throw new ArgumentException(
                $"kernel {kernel} has {kernel.QubitCount} qubits and {kernel.ParameterCount} parameters; expected {program.QubitCount} and {program.ParameterCount} (circuit '{program.Name}').",
                nameof(kernel));
        Program = program;
        Kernel = kernel;
        var ops = program.Gates.Select(g => new CompiledOp(g, program.QubitCount)).ToArray();
        var readouts = new List<CompiledReadout>();
        int offset = 0, maxProbabilityLength = 0;
        foreach (var term in program.Readouts)
        {
            readouts.Add(new CompiledReadout(term, offset, program.QubitCount));
            if (term.Kind == ReadoutKind.Probabilities) maxProbabilityLength = Math.Max(maxProbabilityLength, term.Length);
            offset += term.Length;
        }
        _engine = new BatchEngine(program, new SimpleEngine(ops, readouts.ToArray(), maxProbabilityLength));
        _unitary = new UnitaryExecutor(this);
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

    /// <summary>
    /// How Shared-parameter calls of <see cref="Forward{T}"/>, <see cref="Inverse{T}"/> and <see cref="Backward{T}"/> are
    /// executed (PerSample-layout calls always run gate by gate per sample). See <see cref="ExecutionStrategy"/>.
    /// </summary>
    public ExecutionStrategy Strategy { get; set; } = ExecutionStrategy.Auto;

    /// <summary>The generated straight-line kernel attached at construction, or null (then the compiled plan runs).</summary>
    public SpecializedKernel? Kernel { get; }

    /// <summary>True when a generated kernel is attached (it runs when <see cref="UseSpecializedKernel"/> is set and the vector path applies).</summary>
    public bool HasSpecializedKernel => Kernel is not null;

    /// <summary>
    /// Whether Forward and Backward use the attached <see cref="Kernel"/> (default true). Setting it to false forces the
    /// compiled plan, so tests and benchmarks can compare both paths on the same circuit. Inverse always uses the plan.
    /// </summary>
    public bool UseSpecializedKernel { get; set; } = true;

    /// <summary>Runs the original straightforward kernels instead of the compiled plan (benchmark baseline and tests).</summary>
    internal bool UseSimpleKernels { get; set; }

    internal BatchEngine Engine => _engine;

    public override string ToString() => Program.ToString();

    /// <summary>
    /// The strategy a Shared-parameter call on <paramref name="batchSize"/> samples of type T resolves to.
    /// </summary>
    public ExecutionStrategy ResolveStrategy<T>(ParameterLayout layout, int batchSize) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (layout != ParameterLayout.Shared || UseSimpleKernels || !_engine.CanRunFast<T>()) return ExecutionStrategy.PerSample;
        return Strategy switch
        {
            ExecutionStrategy.PerSample => ExecutionStrategy.PerSample,
            ExecutionStrategy.Unitary => ExecutionStrategy.Unitary,
            _ => UnitaryExecutor.Prefer(QubitCount, _engine.Plan.Forward.Length, batchSize) ? ExecutionStrategy.Unitary : ExecutionStrategy.PerSample,
        };
    }

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
        => Sweep(states, parameters, layout, SweepKind.Forward);

    /// <summary>Applies U† to every sample in place (so Inverse after Forward restores the input).</summary>
    public void Inverse<T>(StateBatch<T> states, ReadOnlySpan<T> parameters, ParameterLayout layout) where T : unmanaged, IFloatingPointIeee754<T>
        => Sweep(states, parameters, layout, SweepKind.Inverse);

    private void Sweep<T>(StateBatch<T> states, ReadOnlySpan<T> parameters, ParameterLayout layout, SweepKind kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        var p = ConvertParameters(parameters, layout, states.BatchSize, nameof(parameters));
        try
        {
            if (ResolveStrategy<T>(layout, states.BatchSize) == ExecutionStrategy.Unitary)
            {
                _unitary.Apply(states, p, inverse: kind == SweepKind.Inverse);
                return;
            }
            RunSweep(states, p, layout, kind);
        }
        finally { ArrayPool<double>.Shared.Return(p); }
    }

    /// <summary>Gate-by-gate sweep on already converted parameters (also used by <see cref="UnitaryExecutor"/> to build U).</summary>
    internal void RunSweep<T>(StateBatch<T> states, double[] p, ParameterLayout layout, SweepKind kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var job = NewJob(states, kind);
        SetParameters(job, p, layout, states.BatchSize);
        RunJob(job, layout == ParameterLayout.Shared ? Tiles(job) : states.BatchSize);
    }

    /// <summary>Writes B×ReadoutLength readout values (overwriting <paramref name="readouts"/>).</summary>
    public void Readout<T>(StateBatch<T> states, Span<T> readouts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckStates(states, nameof(states));
        int batch = states.BatchSize, r = ReadoutLength;
        CheckLength(readouts.Length, batch * r, nameof(readouts), $"batch {batch} × {r} readout values");
        var output = ArrayPool<T>.Shared.Rent(Math.Max(1, batch * r));
        try
        {
            var job = NewJob(states, SweepKind.Readout);
            job.Fast &= _engine.Readout.IsApplicable;
            job.Buffer = output;
            job.ReadoutLength = r;
            RunJob(job, batch);
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
            var job = NewJob(states, SweepKind.ReadoutBackward);
            job.Fast &= _engine.Readout.IsApplicable;
            job.Adjoint = adjoint;
            job.Buffer = u;
            job.ReadoutLength = r;
            RunJob(job, batch);
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
        double[]? grad = null;
        try
        {
            if (layout == ParameterLayout.PerSample)
                CheckLength(parameterGradient.Length, batch * pc, nameof(parameterGradient), $"PerSample: batch {batch} × {pc} parameters");
            else
                CheckLength(parameterGradient.Length, pc, nameof(parameterGradient), $"Shared: {pc} parameters");

            if (ResolveStrategy<T>(layout, batch) == ExecutionStrategy.Unitary)
            {
                grad = ArrayPool<double>.Shared.Rent(Math.Max(1, pc));
                grad.AsSpan(0, pc).Clear();
                _unitary.Backward(states, adjoint, p, grad.AsSpan(0, pc));
                for (int k = 0; k < pc; k++) parameterGradient[k] += T.CreateTruncating(grad[k]);
                return;
            }

            if (layout == ParameterLayout.PerSample)
            {
                grad = ArrayPool<double>.Shared.Rent(Math.Max(1, batch * pc));
                grad.AsSpan(0, batch * pc).Clear();
                RunBackward(states, adjoint, p, layout, grad);
                for (int k = 0; k < batch * pc; k++)
                    parameterGradient[k] += T.CreateTruncating(grad[k]);
            }
            else
            {
                grad = ArrayPool<double>.Shared.Rent(Math.Max(1, pc));
                grad.AsSpan(0, pc).Clear();
                RunBackward(states, adjoint, p, layout, grad);
                for (int k = 0; k < pc; k++) parameterGradient[k] += T.CreateTruncating(grad[k]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(p);
            if (grad is not null) ArrayPool<double>.Shared.Return(grad);
        }
    }

    /// <summary>
    /// Gate-by-gate adjoint sweep on converted parameters. PerSample: <paramref name="gradient"/> (B×P) receives
    /// each sample's row. Shared: per-tile rows are summed in tile order and added to <paramref name="gradient"/> (P).
    /// </summary>
    internal void RunBackward<T>(StateBatch<T> states, StateBatch<T> adjoint, double[] p, ParameterLayout layout, Span<double> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int pc = ParameterCount;
        var job = NewJob(states, SweepKind.Backward);
        job.Adjoint = adjoint;
        SetParameters(job, p, layout, states.BatchSize);
        int items = layout == ParameterLayout.Shared ? Tiles(job) : states.BatchSize;
        var rows = ArrayPool<double>.Shared.Rent(Math.Max(1, items * pc));
        try
        {
            rows.AsSpan(0, items * pc).Clear();
            job.Gradient = rows;
            job.ParameterCount = pc;
            RunJob(job, items);
            if (layout == ParameterLayout.PerSample)
            {
                for (int k = 0; k < items * pc; k++) gradient[k] += rows[k];
                return;
            }
            // Per-tile rows summed in tile order: the same sums whatever the thread count.
            for (int k = 0; k < pc; k++)
            {
                double sum = 0;
                for (int item = 0; item < items; item++) sum += rows[item * pc + k];
                gradient[k] += sum;
            }
        }
        finally { ArrayPool<double>.Shared.Return(rows); }
    }

    // ---- job plumbing -------------------------------------------------------------------------------

    private SweepJob<T> NewJob<T>(StateBatch<T> states, SweepKind kind) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var job = SweepJob<T>.Rent();
        job.Engine = _engine;
        job.Kind = kind;
        job.States = states;
        job.TileSamples = 1;
        job.ParameterStride = 0;
        job.Parameters = [];
        job.Fast = !UseSimpleKernels && _engine.CanRunFast<T>();
        job.Kernel = job.Fast && UseSpecializedKernel ? Kernel : null;
        return job;
    }

    private void SetParameters<T>(SweepJob<T> job, double[] p, ParameterLayout layout, int batch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        job.Parameters = p;
        job.ParameterStride = layout == ParameterLayout.PerSample ? ParameterCount : 0;
        job.TileSamples = layout == ParameterLayout.Shared ? _engine.SharedTileSamples : 1;
    }

    private static int Tiles<T>(SweepJob<T> job) where T : unmanaged, IFloatingPointIeee754<T> =>
        (job.States.BatchSize + job.TileSamples - 1) / job.TileSamples;

    private void RunJob<T>(SweepJob<T> job, int items) where T : unmanaged, IFloatingPointIeee754<T>
    {
        try { job.Run(items, MaxDegreeOfParallelism); }
        finally { job.Return(); }
    }

    // ---- helpers ------------------------------------------------------------------------------------

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
