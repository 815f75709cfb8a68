namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// Where a run stands in its data: the next batch to train is batch <see cref="Batch"/> of epoch
/// <see cref="Epoch"/> (both 0-based), after <see cref="GlobalStep"/> optimizer steps in total. Because each epoch's
/// order is a pure function of (seed, epoch), this is all a resumed run needs to continue with the same batches.
/// <see cref="Batch"/> equal to the epoch's batch count means "batches done, epoch end (evaluation) pending".
/// </summary>
public readonly record struct TrainingPosition(int Epoch, int Batch, long GlobalStep)
{
    public static TrainingPosition Start => new(0, 0, 0);
}
