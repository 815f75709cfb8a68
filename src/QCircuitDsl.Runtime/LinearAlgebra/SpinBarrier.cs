namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// A reusable barrier for the few threads of one GEMM call, which meet every k block: a blocking
/// System.Threading.Barrier would cost microseconds per phase. It spins (yielding under contention) and
/// can be aborted, so a failing participant cannot leave the others waiting forever.
/// </summary>
internal sealed class SpinBarrier(int participants)
{
    private readonly int _participants = participants;
    private int _remaining = participants;
    private int _generation;
    private volatile bool _aborted;

    /// <summary>Waits for all participants; the last to arrive runs <paramref name="whenAllArrived"/> before releasing the rest.</summary>
    public void SignalAndWait(Action? whenAllArrived = null)
    {
        int generation = Volatile.Read(ref _generation);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            whenAllArrived?.Invoke();
            _remaining = _participants;
            Volatile.Write(ref _generation, generation + 1);
            return;
        }
        var spin = new SpinWait();
        while (Volatile.Read(ref _generation) == generation)
        {
            if (_aborted) throw new OperationCanceledException("Another GEMM thread failed.");
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    public void Abort() => _aborted = true;
}
