namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Spreads items [0, count) over at most MaxDegreeOfParallelism workers in fixed contiguous chunks (static
/// partitioning). A job object is reused across calls (see <see cref="SweepJob{T}"/>), so the steady state
/// allocates only what Parallel.For itself needs: no closures, no per-call delegates.
/// </summary>
internal abstract class ChunkJob
{
    private readonly Action<int> _worker;
    private readonly ParallelOptions _options = new();
    private int _count, _workers;

    protected ChunkJob() => _worker = RunWorker;

    public void Run(int count, int maxDegree)
    {
        _count = count;
        _workers = Math.Min(maxDegree, count);
        if (_workers <= 1)
        {
            Body(0, count);
            return;
        }
        _options.MaxDegreeOfParallelism = _workers;
        Parallel.For(0, _workers, _options, _worker);
    }

    private void RunWorker(int w) => Body((int)((long)_count * w / _workers), (int)((long)_count * (w + 1) / _workers));

    protected abstract void Body(int start, int end);
}
