using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// One pass of a quantum memory over a sequence: <see cref="Step"/> applies U(θ_t) to the persistent
/// state and returns the readouts, recording an autograd node whose backward uncomputes the step.
/// Steps are chained by a one-element token tensor, so autograd runs their backwards in reverse order
/// while the state itself lives outside the graph — its memory does not grow with the sequence length.
/// A fused recurrence (<see cref="QrnnRecurrenceFunction"/>) drives the same tape without a node per step.
/// </summary>
public sealed class QuantumSequence
{
    private readonly IQuantumMemoryTape _tape;
    private Tensor _token;

    internal QuantumSequence(QuantumCircuit circuit, int batchSize, DType dtype, int checkpointInterval, QuantumSequence? continueFrom = null)
    {
        Circuit = circuit;
        BatchSize = batchSize;
        DType = dtype;
        _tape = dtype switch
        {
            DType.Float32 => new QuantumMemoryTape<float>(circuit, batchSize, checkpointInterval, (continueFrom?._tape as QuantumMemoryTape<float>)?.CopyState()),
            DType.Float64 => new QuantumMemoryTape<double>(circuit, batchSize, checkpointInterval, (continueFrom?._tape as QuantumMemoryTape<double>)?.CopyState()),
            _ => throw new ArgumentException($"quantum memory runs in float32 or float64, not {dtype}.", nameof(dtype)),
        };
        _token = Torch.Zeros(new[] { 1 }, dtype);
        _checkpointInterval = checkpointInterval;
    }

    private readonly int _checkpointInterval;

    public QuantumCircuit Circuit { get; }
    public int BatchSize { get; }
    public DType DType { get; }
    /// <summary>Steps applied so far (by <see cref="Step"/> or by a fused recurrence).</summary>
    public int Steps => _tape.Steps;

    /// <summary>The tape in its element type, for the fused recurrence, which drives it without autograd nodes per step.</summary>
    internal QuantumMemoryTape<T> Tape<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        _tape as QuantumMemoryTape<T> ?? throw new InvalidOperationException($"this sequence runs in {DType}, not {typeof(T).Name}.");

    /// <summary>State checkpoints currently held (for memory accounting and tests).</summary>
    public int CheckpointCount => _tape.CheckpointCount;

    /// <summary>
    /// A new sequence that starts from this one's current state (truncated backpropagation through time:
    /// gradients do not flow back into this sequence). Call it after this sequence's forward steps and
    /// before its backward pass, which uncomputes the state.
    /// </summary>
    public QuantumSequence Continue() => new(Circuit, BatchSize, DType, _checkpointInterval, this);

    /// <summary>Seconds this sequence spent in the quantum engine so far (forward and backward), for profiling.</summary>
    public double QuantumSeconds => _tape.QuantumSeconds;

    /// <summary>
    /// Seconds a fused recurrence over this sequence spent in the classical controller (forward, recomputation
    /// and backward), for profiling; 0 when the sequence is driven step by step, whose controller is ordinary autograd.
    /// </summary>
    public double ControllerSeconds => System.Diagnostics.Stopwatch.GetElapsedTime(0, ControllerTicks).TotalSeconds;

    internal long ControllerTicks { get; set; }

    /// <summary>Mean over the batch of ‖∂L/∂ψ_t‖ per step t (1-based), from the last backward pass.</summary>
    public IReadOnlyDictionary<int, double> StateGradientNorms => _tape.AdjointNorms;

    /// <summary>Keeps the samples <paramref name="rows"/> in that order (beam search); the sequence can no longer run backward.</summary>
    public void Reorder(int[] rows) => _tape.Reorder(rows);

    /// <summary>Applies the circuit with per-sample angles [B, P]; returns the readouts [B, R].</summary>
    public Tensor Step(Tensor angles)
    {
        if (angles.Dim != 2 || angles.Size(0) != BatchSize || angles.Size(1) != Circuit.ParameterCount)
        {
            throw new ArgumentException($"angles have shape [{string.Join(", ", angles.Shape)}]; expected [{BatchSize}, {Circuit.ParameterCount}] (batch × parameters of '{Circuit.Name}').", nameof(angles));
        }

        if (angles.DType != DType)
        {
            throw new ArgumentException($"angles are {angles.DType}; this sequence runs in {DType}.", nameof(angles));
        }

        var outputs = new StepFunction(this, Steps + 1).Apply(angles, _token);
        _token = outputs[1];
        return outputs[0];
    }

    private Tensor ForwardStep(Tensor angles)
    {
        int r = Circuit.ReadoutLength;
        return _tape switch
        {
            QuantumMemoryTape<float> f => Torch.Tensor(f.Forward(angles.ToArray<float>()), BatchSize, r),
            _ => Torch.Tensor(((QuantumMemoryTape<double>)_tape).Forward(angles.ToArray<double>()), BatchSize, r),
        };
    }

    private Tensor BackwardStep(int step, Tensor readoutGradient)
    {
        int p = Circuit.ParameterCount;
        return _tape switch
        {
            QuantumMemoryTape<float> f => Torch.Tensor(f.Backward(step, readoutGradient.Contiguous().ToArray<float>()), BatchSize, p),
            _ => Torch.Tensor(((QuantumMemoryTape<double>)_tape).Backward(step, readoutGradient.Contiguous().ToArray<double>()), BatchSize, p),
        };
    }

    /// <summary>(angles, token) → (readouts, token). Saves nothing but the step number.</summary>
    private sealed class StepFunction : Function
    {
        private readonly QuantumSequence _sequence;
        private readonly int _step;

        public StepFunction(QuantumSequence sequence, int step)
        {
            _sequence = sequence;
            _step = step;
        }

        public override string Name => "QuantumMemoryStepBackward";

        public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs) =>
            new[] { _sequence.ForwardStep(inputs[0]), Torch.Zeros(new[] { 1 }, _sequence.DType) };

        public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs) =>
            new Tensor?[] { _sequence.BackwardStep(_step, gradOutputs[0]), Torch.Zeros(new[] { 1 }, _sequence.DType) };
    }
}
