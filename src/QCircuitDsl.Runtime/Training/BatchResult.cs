using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// What the user's batch function returns: the scalar <see cref="Loss"/> to minimise, as a mean over
/// <see cref="Count"/> units (samples, or tokens for language models — epoch losses are weighted by it), and
/// optionally <see cref="Correct"/> out of <see cref="Predictions"/> for accuracy (which may count other units than
/// the loss, e.g. only the copied symbols of the copying task).
/// </summary>
public sealed record BatchResult(Tensor Loss, long Count = 1, long Correct = 0, long Predictions = 0);
