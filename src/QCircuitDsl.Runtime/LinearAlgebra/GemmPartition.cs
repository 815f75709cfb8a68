namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// How C is cut into per-thread rectangles. Threads only ever split C along whole micro-tiles of rows
/// or columns; the k-reduction is never split, so each element is summed identically by any thread count.
/// </summary>
internal readonly record struct GemmPartition(int Threads, bool SplitRows, int Tile, int TileCount, int Extent)
{
    /// <summary>
    /// Below this much work per thread, waking a pool thread (a few microseconds) costs more than it saves;
    /// the models' small shapes (e.g. 200×58·58×64, about 1.5 MFLOP) stay on the calling thread.
    /// </summary>
    public const long MinFlopsPerThread = 2_000_000;

    public static GemmPartition Choose(int m, int n, int k, int mr, int nr, int maxThreads)
    {
        long flops = 2L * m * n * k;
        int threads = (int)Math.Clamp(flops / MinFlopsPerThread, 1, Math.Max(1, maxThreads));
        int rowTiles = (m + mr - 1) / mr;
        int colTiles = (n + nr - 1) / nr;
        // Each thread packs all of the operand it does not split: splitting rows duplicates B's packing
        // (k·n), splitting columns duplicates A's (m·k). Duplicate the smaller unless it leaves threads idle.
        bool splitRows = rowTiles >= threads && (m >= n || colTiles < threads);
        if (!splitRows && colTiles < threads) splitRows = rowTiles >= colTiles;
        int tiles = splitRows ? rowTiles : colTiles;
        threads = Math.Min(threads, tiles);
        return new GemmPartition(threads, splitRows, splitRows ? mr : nr, tiles, splitRows ? m : n);
    }

    /// <summary>The [start, end) range of rows (or columns) given to thread <paramref name="t"/>.</summary>
    public (int Start, int End) Range(int t)
    {
        int first = (int)((long)t * TileCount / Threads);
        int last = (int)((long)(t + 1) * TileCount / Threads);
        return (first * Tile, Math.Min(Extent, last * Tile));
    }
}
