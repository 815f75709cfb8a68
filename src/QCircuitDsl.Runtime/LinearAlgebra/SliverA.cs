using System.Runtime.CompilerServices;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// How a micro-kernel reads its Mr × kc sliver of op(A). The kernels are generic over this so the JIT
/// compiles one specialised copy per layout, with the element offsets folded into addressing modes.
/// </summary>
internal interface ISliverA
{
    /// <summary>Element (i, p) at the current p; i is a constant in each kernel, so the switch folds away.</summary>
    float At(int i);

    /// <summary>Moves to p + 1.</summary>
    void Next();
}

/// <summary>
/// A sliver whose rows are adjacent for a fixed p: a packed sliver (step Mr), or transposed A read in
/// place (stored k × m, step lda).
/// </summary>
internal unsafe struct ColumnSliver(float* start, nint step) : ISliverA
{
    private float* _p = start;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float At(int i) => _p[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Next() => _p += step;
}

/// <summary>
/// Untransposed A read in place (stored m × k, rows lda apart), so small problems skip packing A. Four
/// row pointers three rows apart plus offsets lda and 2·lda reach 12 rows with base + index·scale
/// addressing, using few general registers.
/// </summary>
internal unsafe struct RowSliver(float* start, nint lda) : ISliverA
{
    private float* _r0 = start, _r3 = start + 3 * lda, _r6 = start + 6 * lda, _r9 = start + 9 * lda;
    private readonly nint _ld = lda, _ld2 = 2 * lda;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float At(int i) => i switch
    {
        0 => _r0[0], 1 => _r0[_ld], 2 => _r0[_ld2],
        3 => _r3[0], 4 => _r3[_ld], 5 => _r3[_ld2],
        6 => _r6[0], 7 => _r6[_ld], 8 => _r6[_ld2],
        9 => _r9[0], 10 => _r9[_ld], _ => _r9[_ld2],
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Next()
    {
        _r0++; _r3++; _r6++; _r9++;
    }
}
