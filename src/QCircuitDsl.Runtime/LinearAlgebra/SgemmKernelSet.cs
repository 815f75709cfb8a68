using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>Which micro-kernel family Sgemm uses; chosen once from the hardware, overridable by tests.</summary>
internal enum SgemmKernelKind
{
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>
/// A micro-kernel family with its register tile (Mr × Nr) and cache-block sizes. The block sizes only
/// depend on the family, never on the thread count, so the k-reduction order of every element is fixed.
/// </summary>
/// <remarks>
/// Each kernel computes one Mr × width tile of C as kernel(kc, sliverOfA, packedB, c, ldc, alpha, beta),
/// width being Nr (wide) or Lanes (narrow), in two instantiations: A packed or transposed (column sliver)
/// and A read in place row by row.
/// </remarks>
internal sealed unsafe class SgemmKernelSet
{
    public readonly delegate*<int, ColumnSliver, float*, float*, nint, float, float, void> WideColumns;
    public readonly delegate*<int, ColumnSliver, float*, float*, nint, float, float, void> NarrowColumns;
    public readonly delegate*<int, RowSliver, float*, float*, nint, float, float, void> WideRows;
    public readonly delegate*<int, RowSliver, float*, float*, nint, float, float, void> NarrowRows;
    public readonly SgemmKernelKind Kind;
    public readonly int Mr;
    public readonly int Nr;
    /// <summary>Width of the narrow kernel; a last B panel with at most this many columns is packed this wide.</summary>
    public readonly int Lanes;
    /// <summary>Depth of a k block: the Nr-wide B micro-panel (Kc·Nr floats) should sit in half of L1.</summary>
    public readonly int Kc;
    /// <summary>Rows of A per block: the Mc × Kc block should sit in L2 and is swept once per B micro-panel.</summary>
    public readonly int Mc;
    /// <summary>Columns of B packed at a time (Kc × Nc, meant for L2/L3).</summary>
    public readonly int Nc;

    private SgemmKernelSet(SgemmKernelKind kind, int mr, int nr, int lanes, int kc, int mc, int nc,
        delegate*<int, ColumnSliver, float*, float*, nint, float, float, void> wideColumns,
        delegate*<int, ColumnSliver, float*, float*, nint, float, float, void> narrowColumns,
        delegate*<int, RowSliver, float*, float*, nint, float, float, void> wideRows,
        delegate*<int, RowSliver, float*, float*, nint, float, float, void> narrowRows)
    {
        Kind = kind; Mr = mr; Nr = nr; Lanes = lanes; Kc = kc; Mc = mc; Nc = nc;
        WideColumns = wideColumns; NarrowColumns = narrowColumns; WideRows = wideRows; NarrowRows = narrowRows;
    }

    public static readonly SgemmKernelSet Avx512 = new(
        SgemmKernelKind.Vector512, SgemmKernel512.Mr, SgemmKernel512.Nr, SgemmKernel512.Lanes, kc: 256, mc: 144, nc: 4096,
        &SgemmKernel512.Kernel12x32<ColumnSliver>, &SgemmKernel512.Kernel12x16<ColumnSliver>,
        &SgemmKernel512.Kernel12x32<RowSliver>, &SgemmKernel512.Kernel12x16<RowSliver>);

    public static readonly SgemmKernelSet Avx2 = new(
        SgemmKernelKind.Vector256, SgemmKernel256.Mr, SgemmKernel256.Nr, SgemmKernel256.Lanes, kc: 256, mc: 96, nc: 4096,
        &SgemmKernel256.Kernel6x16<ColumnSliver>, &SgemmKernel256.Kernel6x8<ColumnSliver>,
        &SgemmKernel256.Kernel6x16<RowSliver>, &SgemmKernel256.Kernel6x8<RowSliver>);

    public static readonly SgemmKernelSet Portable = new(
        SgemmKernelKind.Scalar, SgemmKernelScalar.Mr, SgemmKernelScalar.Nr, SgemmKernelScalar.Nr, kc: 256, mc: 64, nc: 1024,
        &SgemmKernelScalar.Kernel4x4<ColumnSliver>, &SgemmKernelScalar.Kernel4x4<ColumnSliver>,
        &SgemmKernelScalar.Kernel4x4<RowSliver>, &SgemmKernelScalar.Kernel4x4<RowSliver>);

    /// <summary>The best family this machine runs natively.</summary>
    public static SgemmKernelSet Best { get; } =
        Vector512.IsHardwareAccelerated ? Avx512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? Avx2
        : Portable;

    public static SgemmKernelSet For(SgemmKernelKind kind) => kind switch
    {
        SgemmKernelKind.Vector512 => Avx512,
        SgemmKernelKind.Vector256 => Avx2,
        _ => Portable,
    };
}
