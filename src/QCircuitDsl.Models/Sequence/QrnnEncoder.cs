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

    public override Tensor Forward(Tensor x) => Torch.Stack(Cell.Forward(x), dim: 1);
}
