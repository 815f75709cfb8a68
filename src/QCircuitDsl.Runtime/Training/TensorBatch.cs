using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>One mini-batch: rows of the dataset's inputs and targets, and which dataset rows they are.</summary>
public sealed record TensorBatch(Tensor Inputs, Tensor Targets, int[] Indices)
{
    public int Size => Indices.Length;
}
