namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// How the threads of one call share C. Threads only ever own whole micro-tiles of C; the k-reduction is
/// never split, so each element is summed identically by any thread count and either mode.
/// </summary>
/// <remarks>
/// <b>Shared</b> (tall C): per k block the threads pack B together, then take Mc-or-smaller row chunks of
/// C from a shared counter, so a thread that falls behind (say, preempted) does not hold the others up
/// and B is packed once. <b>Static</b> (short C, or when the worker pool is busy): each thread gets a
/// fixed strip of rows or columns and runs the whole loop nest on it independently.
/// </remarks>
internal readonly record struct GemmPartition(int Threads, bool SplitRows, int Tile, int TileCount, int Extent)
{
    /// <summary>
    /// Below this much work per thread, handing work to another thread costs more than it saves; the
    /// models' small shapes (e.g. 200×58·58×64, about 1.5 MFLOP, ~10 µs on one core) stay on the caller.
    /// </summary>
    public const long MinFlopsPerThread = 2_000_000;

    /// <summary>Row chunks per thread in shared mode: enough to even out, few enough to keep chunks tall.</summary>
    public const int ChunksPerThread = 4;

    /// <summary>Shared mode: at least this many row slivers per thread.</summary>
    public bool Shared => SplitRows && TileCount >= 2 * Threads;

    public static GemmPartition Choose(int m, int n, int k, int mr, int nr, int maxThreads)
    {
        long flops = 2L * m * n * k;
        int threads = (int)Math.Clamp(flops / MinFlopsPerThread, 1, Math.Max(1, maxThreads));
        int rowTiles = (m + mr - 1) / mr;
        int colTiles = (n + nr - 1) / nr;
        // Statically, each thread packs all of the operand it does not split: splitting rows duplicates
        // B's packing (k·n), splitting columns duplicates A's (m·k). Duplicate the smaller unless that
        // leaves threads idle.
        bool splitRows = rowTiles >= threads && (m >= n || colTiles < threads || rowTiles >= 2 * threads);
        if (!splitRows && colTiles < threads) splitRows = rowTiles >= colTiles;
        int tiles = splitRows ? rowTiles : colTiles;
        threads = Math.Min(threads, tiles);
        return new GemmPartition(threads, splitRows, splitRows ? mr : nr, tiles, splitRows ? m : n);
    }

    /// <summary>Static mode: the [start, end) range of rows (or columns) given to thread <paramref name="t"/>.</summary>
    public (int Start, int End) Range(int t)
    {
        int first = (int)((long)t * TileCount / Threads);
        int last = (int)((long)(t + 1) * TileCount / Threads);
        return (first * Tile, Math.Min(Extent, last * Tile));
    }

    /// <summary>Shared mode: rows per chunk, a multiple of the micro-tile height and at most <paramref name="mc"/>.</summary>
    public int ChunkRows(int mc)
    {
        // Round up, so the chunks come out about equal (9 chunks for 2 threads would idle one for a ninth).
        int chunks = Threads * ChunksPerThread;
        int tilesPerChunk = Math.Max(1, (TileCount + chunks - 1) / chunks);
        return Math.Min(mc / Tile * Tile, tilesPerChunk * Tile);
    }
}
