namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// Argument checks shared by Sgemm and Dgemm. The kernels use raw pointers, so every size, leading
/// dimension and span length is checked up front; messages name the argument and the length expected.
/// </summary>
internal static class GemmArguments
{
    public static void Validate(bool transA, bool transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, "m (rows of op(A) and C) must be non-negative.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n (columns of op(B) and C) must be non-negative.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, "k (columns of op(A), rows of op(B)) must be non-negative.");

        // Stored shapes: A is m×k (k×m when transposed), B is k×n (n×k when transposed), C is m×n.
        CheckMatrix("a", "lda", transA ? k : m, transA ? m : k, aLength, lda, transA ? "Aᵀ stored k×m" : "A stored m×k");
        CheckMatrix("b", "ldb", transB ? n : k, transB ? k : n, bLength, ldb, transB ? "Bᵀ stored n×k" : "B stored k×n");
        CheckMatrix("c", "ldc", m, n, cLength, ldc, "C stored m×n");
    }

    /// <summary>Elements a row-major rows×cols matrix with leading dimension ld spans.</summary>
    public static long RequiredLength(int rows, int cols, int ld) =>
        rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;

    /// <summary>C is written while A and B are read (by several threads), so they must not share memory.</summary>
    public static void CheckNoOverlap<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c)
    {
        if (c.IsEmpty) return;
        if (!a.IsEmpty && c.Overlaps(a)) throw new ArgumentException("c must not overlap a: C is written while A is read.", "c");
        if (!b.IsEmpty && c.Overlaps(b)) throw new ArgumentException("c must not overlap b: C is written while B is read.", "c");
    }

    private static void CheckMatrix(string name, string ldName, int rows, int cols, int length, int ld, string shape)
    {
        if (ld < cols)
        {
            throw new ArgumentOutOfRangeException(ldName, ld,
                $"{ldName} must be at least {cols}, the row length of {shape} ({rows}×{cols}).");
        }
        long required = RequiredLength(rows, cols, ld);
        if (length < required)
        {
            throw new ArgumentException(
                $"{name} must hold at least {required} elements for {shape} ({rows}×{cols}, {ldName}={ld}), but has {length}.",
                name);
        }
    }
}
