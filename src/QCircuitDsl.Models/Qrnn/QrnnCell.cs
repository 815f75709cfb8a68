using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The hybrid quantum-classical recurrent cell of Xu (2025): the hidden state is the quantum state
/// |ψ_t⟩ = U(θ_t)|ψ_{t−1}⟩ of a circuit (Sim et al.'s circuit 14 by default), starting at |0…0⟩; a
/// classical controller maps (z_{t−1} : x_t) to θ_t; the readout z_t (⟨X⟩, ⟨Y⟩, ⟨Z⟩ of every qubit)
/// does not disturb the state and is fed back. Backpropagation through time uncomputes the circuit
/// (see <see cref="QuantumMemory"/>), so the quantum part's memory does not grow with T; over a whole
/// sequence (<see cref="ForwardSequence"/>, <see cref="ForwardLast"/>) the controller's activations are
/// recomputed in the backward pass too, so per step only the readouts and the dropout bits are kept.
/// </summary>
// Not sealed: the generator derives .qc layer classes from it.
public class QrnnCell : Module
{
    private readonly Generator? _dropoutGenerator;

    public QrnnCell(QuantumCircuit circuit, int inputSize, int hidden, ControllerActivation activation, double inputDropout = 0.0,
        DType dtype = DType.Float32, Generator? generator = null, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval, int? feedbackSize = null, Generator? dropoutGenerator = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (inputSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "expected at least one input feature per step.");
        }

        if (inputDropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputDropout), inputDropout, "expected a dropout probability in [0, 1).");
        }

        Memory = new QuantumMemory(circuit, checkpointInterval);
        InputSize = inputSize;
        InputDropout = inputDropout;
        DType = dtype;
        _dropoutGenerator = dropoutGenerator ?? generator; // a separate generator keeps dropout masks reproducible on resume
        FeedbackSize = feedbackSize ?? circuit.ReadoutLength;
        Controller = RegisterModule("controller", new QrnnController(FeedbackSize + inputSize, hidden, circuit.ParameterCount, activation, dtype, generator));
    }

    public QuantumMemory Memory { get; }

    /// <summary>Seconds the latest sequence (from <see cref="Forward(Tensor)"/> or <see cref="Step"/>) spent in the quantum engine.</summary>
    public double LastSequenceQuantumSeconds => LastSequence?.QuantumSeconds ?? 0;

    /// <summary>The quantum sequence of the latest <see cref="Forward(Tensor)"/> or <see cref="Step"/>, for analysis and profiling.</summary>
    public QuantumSequence? LastSequence { get; private set; }
    public QrnnController Controller { get; }
    public int InputSize { get; }
    public double InputDropout { get; }
    public DType DType { get; }
    /// <summary>
    /// Width of what is fed back to the controller: the readout itself (the default), or — in the
    /// language model — the readout after a feedforward layer.
    /// </summary>
    public int FeedbackSize { get; }

    /// <summary>Values read out per step (3n for XYZ on n qubits).</summary>
    public int ReadoutSize => Memory.Circuit.ReadoutLength;

    /// <summary>
    /// Runs the cell over x [B, T, F] as one fused operation (<see cref="QrnnRecurrenceFunction"/>); returns
    /// every readout as [B, T, R]. Its backward pass recomputes the controller step by step instead of
    /// keeping a per-step autograd graph: per step it keeps only the readouts (B·R values) and the dropout bits.
    /// </summary>
    public Tensor ForwardSequence(Tensor x) => Recur(x, lastOnly: false);

    /// <summary>Like <see cref="ForwardSequence"/> but returns only the last readout z_T [B, R] (what a classifier needs).</summary>
    public Tensor ForwardLast(Tensor x) => Recur(x, lastOnly: true);

    private Tensor Recur(Tensor x, bool lastOnly)
    {
        CheckSequence(x);
        if (x.Size(1) < 1)
        {
            throw new ArgumentException("input has no time steps; a recurrence needs at least one.", nameof(x));
        }

        if (x.DType != DType)
        {
            throw new ArgumentException($"input is {x.DType}; this cell runs in {DType}.", nameof(x));
        }

        var sequence = Memory.Begin(x.Size(0), DType);
        LastSequence = sequence;
        double dropout = Training ? InputDropout : 0.0;
        var function = new QrnnRecurrenceFunction(sequence, Controller.Activation, Controller.Fc2.InFeatures, lastOnly, dropout, _dropoutGenerator);
        return function.ApplySingle(x, Controller.Fc1.Weight, Controller.Fc1.Bias!, Controller.Fc2.Weight, Controller.Fc2.Bias!);
    }

    private void CheckSequence(Tensor x)
    {
        if (x.Dim != 3 || x.Size(2) != InputSize)
        {
            throw new ArgumentException($"input has shape [{string.Join(", ", x.Shape)}]; expected [batch, time, {InputSize}].", nameof(x));
        }

        if (FeedbackSize != ReadoutSize)
        {
            throw new InvalidOperationException($"this cell feeds back {FeedbackSize} values, not its {ReadoutSize} readouts; drive it step by step with Step().");
        }
    }

    /// <summary>
    /// Runs the cell over x [B, T, F] step by step (<see cref="Step"/>), recording an autograd graph per step
    /// (the controller's activations are kept for every step); returns the readouts z_1 … z_T, each [B, R].
    /// Same numbers as <see cref="ForwardSequence"/>, which needs far less memory for long sequences.
    /// </summary>
    public IReadOnlyList<Tensor> Forward(Tensor x)
    {
        CheckSequence(x);
        int batch = x.Size(0);
        var sequence = Memory.Begin(batch, DType);
        LastSequence = sequence;
        var z = Torch.Zeros(new[] { batch, ReadoutSize }, DType);
        var readouts = new List<Tensor>(x.Size(1));
        var steps = x.Unbind(1);
        for (int t = 0; t < steps.Length; t++)
        {
            z = Step(sequence, z, steps[t]);
            readouts.Add(z);
        }

        return readouts;
    }

    /// <summary>One step: θ_t = controller(f_{t−1} : x_t), z_t = readout(U(θ_t)|ψ_{t−1}⟩), where f is the feedback (by default z).</summary>
    public Tensor Step(QuantumSequence sequence, Tensor previousFeedback, Tensor input)
    {
        LastSequence = sequence;
        if (InputDropout > 0)
        {
            input = Functional.Dropout(input, InputDropout, Training, _dropoutGenerator);
        }

        var angles = Controller.Forward(Torch.Cat(new[] { previousFeedback, input }, dim: 1));
        return sequence.Step(angles);
    }
}
