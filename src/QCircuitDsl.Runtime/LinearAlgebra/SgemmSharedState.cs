namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>What the threads of one shared-mode Sgemm call share: the packed-B buffer, a barrier and the row-chunk counter.</summary>
internal sealed unsafe class SgemmSharedState(int threads, int chunkRows, float* packB)
{
    private int _nextChunk;

    public int Threads { get; } = threads;
    public int ChunkRows { get; } = chunkRows;
    /// <summary>Owned by the calling thread's scratch, which is not used for anything else until the call returns.</summary>
    public float* PackB { get; } = packB;
    public SpinBarrier Barrier { get; } = new(threads);

    /// <summary>Run by the last thread to finish packing B, while all others wait: no chunk is being taken.</summary>
    public Action ResetChunks => () => Volatile.Write(ref _nextChunk, 0);

    public int TakeChunk() => Interlocked.Increment(ref _nextChunk) - 1;
}
