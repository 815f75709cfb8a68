using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Sequence;

/// <summary>The QRNN as a sequence encoder: its per-step readouts z_t, stacked to [B, T, 3n]. Parameters: <c>cell.*</c>.</summary>
public sealed class QrnnEncoder : SequenceEncoder
{
    public QrnnEncoder(QuantumCircuit circuit, int inputSize, int hidden, ControllerActivation activation, double inputDropout = 0.0,
        DType dtype = DType.Float32, Generator? generator = null, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval, Generator? dropoutGenerator = null)
    {
        Cell = RegisterModule("cell", new QrnnCell(circuit, inputSize, hidden, activation, inputDropout, dtype, generator, checkpointInterval, dropoutGenerator: dropoutGenerator));
    }

    public QrnnCell Cell { get; }
    public override int InputSize => Cell.InputSize;
    public override int OutputSize => Cell.ReadoutSize;

    /// <summary>
    /// Runs the cell step by step with an autograd graph per step (<see cref="QrnnCell.Forward(Tensor)"/>)
    /// instead of the fused recurrence. Same numbers, memory growing with T; the reference for tests and
    /// the "before" of the memory benchmark.
    /// </summary>
    public bool StepByStep { get; set; }

    public override Tensor Forward(Tensor x) => StepByStep ? Torch.Stack(Cell.Forward(x), dim: 1) : Cell.ForwardSequence(x);

    public override Tensor ForwardLast(Tensor x) => StepByStep ? Cell.Forward(x)[^1] : Cell.ForwardLast(x);
}
