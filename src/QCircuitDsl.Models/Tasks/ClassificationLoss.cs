using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Cross-entropy of logits [B, C] against class targets [B], with the batch's correct-prediction count.</summary>
internal static class ClassificationLoss
{
    public static BatchResult Of(Tensor logits, Tensor targets)
    {
        var predicted = logits.Argmax(1).ToArray<long>();
        var expected = targets.ToArray<long>();
        long correct = predicted.Zip(expected).LongCount(p => p.First == p.Second);
        return new BatchResult(Functional.CrossEntropy(logits, targets), expected.Length, correct, predicted.Length);
    }
}
