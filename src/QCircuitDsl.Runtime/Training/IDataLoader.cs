namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// A source of mini-batches for <see cref="Trainer{TBatch}"/>. The batches of an epoch must be a pure function of the
/// epoch number (e.g. a shuffle seeded by seed and epoch, see <see cref="Data.DeterministicShuffle"/>), so that a
/// resumed run can jump straight to batch <c>start</c> of any epoch and see exactly what an uninterrupted run saw.
/// </summary>
public interface IDataLoader<out TBatch>
{
    /// <summary>Batches per epoch (the same for every epoch).</summary>
    int BatchCount { get; }

    /// <summary>The batches of <paramref name="epoch"/> (0-based) from index <paramref name="start"/> on.</summary>
    IEnumerable<TBatch> GetBatches(int epoch, int start = 0);
}
