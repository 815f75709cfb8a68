using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>Sequence classifier: a QRNN cell, then an affine map of the last readout to logits (<c>cell.*</c>, <c>head.*</c>).</summary>
public sealed class QrnnClassifier : Module<Tensor, Tensor>
{
    public QrnnClassifier(QuantumCircuit circuit, int inputSize, int hidden, int classes, ControllerActivation activation,
        double inputDropout = 0.0, DType dtype = DType.Float32, Generator? generator = null, int checkpointInterval = QuantumMemory.DefaultCheckpointInterval)
    {
        Cell = RegisterModule("cell", new QrnnCell(circuit, inputSize, hidden, activation, inputDropout, dtype, generator, checkpointInterval));
        Head = RegisterModule("head", new Linear(Cell.ReadoutSize, classes, dtype: dtype, generator: generator));
    }

    public QrnnCell Cell { get; }
    public Linear Head { get; }

    /// <summary>x [B, T, F] → logits [B, classes].</summary>
    public override Tensor Forward(Tensor x) => Head.Forward(Cell.Forward(x)[^1]);
}
