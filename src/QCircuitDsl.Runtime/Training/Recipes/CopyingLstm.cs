using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training.Recipes;

/// <summary>
/// The classic copying-task baseline model: one-hot symbols [B, T+20, 10] → LSTM (batch first) → Linear → logits
/// [B, T+20, 10]. State dict names are PyTorch's: lstm.weight_ih_l0 [4H, 10], …, head.weight [10, H], head.bias [10].
/// </summary>
public sealed class CopyingLstm : Module<Tensor, Tensor>
{
    public CopyingLstm(int hiddenSize, Generator? generator = null)
    {
        Lstm = RegisterModule("lstm", new LSTM(CopyingMemoryTask.VocabularySize, hiddenSize, batchFirst: true, generator: generator));
        Head = RegisterModule("head", new Linear(hiddenSize, CopyingMemoryTask.VocabularySize, generator: generator));
    }

    public LSTM Lstm { get; }
    public Linear Head { get; }

    public override Tensor Forward(Tensor input) => Head.Forward(Lstm.Forward(input).Output);

    /// <summary>
    /// Cross-entropy over every position (the usual objective, whose memoryless baseline is
    /// <see cref="CopyingMemoryTask.BaselineCrossEntropy"/>); accuracy over the 10 copied symbols only, where a
    /// memoryless model scores 1/8.
    /// </summary>
    public BatchResult Loss(TensorBatch batch)
    {
        var logits = Forward(batch.Inputs);
        var loss = Functional.CrossEntropy(logits, batch.Targets, classDim: -1);
        int length = logits.Size(1), copy = CopyingMemoryTask.CopyLength;
        var predicted = logits.Narrow(1, length - copy, copy).Argmax(-1).ToArray<long>();
        var expected = batch.Targets.Narrow(1, length - copy, copy).ToArray<long>();
        long correct = 0;
        for (int i = 0; i < predicted.Length; i++)
            if (predicted[i] == expected[i]) correct++;
        return new BatchResult(loss, batch.Targets.Numel, correct, predicted.Length);
    }
}
