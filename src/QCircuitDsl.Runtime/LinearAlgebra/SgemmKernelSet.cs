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
internal sealed unsafe class SgemmKernelSet
{
    /// <summary>kernel(kc, packedA, packedB, c, ldc, alpha, beta): one Mr × (Nr or Lanes) tile of C.</summary>
    public readonly delegate*<int, float*, float*, float*, nint, float, float, void> Wide;
    public readonly delegate*<int, float*, float*, float*, nint, float, float, void> Narrow;
    public readonly SgemmKernelKind Kind;
    public readonly int Mr;
    public readonly int Nr;
    /// <summary>Width of the narrow kernel; a last B panel with at most this many columns is packed this wide.</summary>
    public readonly int Lanes;
    /// <summary>Depth of a k block: the Nr-wide B micro-panel (Kc·Nr floats) should sit in half of L1.</summary>
    public readonly int Kc;
    /// <summary>Rows of A packed at a time: the Mc × Kc block should sit in L2 and is swept once per B micro-panel.</summary>
    public readonly int Mc;
    /// <summary>Columns of B packed at a time (Kc × Nc, meant for L2/L3).</summary>
    public readonly int Nc;

    private SgemmKernelSet(
        SgemmKernelKind kind, int mr, int nr, int lanes, int kc, int mc, int nc,
        delegate*<int, float*, float*, float*, nint, float, float, void> wide,
        delegate*<int, float*, float*, float*, nint, float, float, void> narrow)
    {
        Kind = kind; Mr = mr; Nr = nr; Lanes = lanes; Kc = kc; Mc = mc; Nc = nc; Wide = wide; Narrow = narrow;
    }

    public static readonly SgemmKernelSet Avx512 = new(
        SgemmKernelKind.Vector512, SgemmKernel512.Mr, SgemmKernel512.Nr, SgemmKernel512.Lanes,
        kc: 256, mc: 144, nc: 4096, &SgemmKernel512.Kernel12x32, &SgemmKernel512.Kernel12x16);

    public static readonly SgemmKernelSet Avx2 = new(
        SgemmKernelKind.Vector256, SgemmKernel256.Mr, SgemmKernel256.Nr, SgemmKernel256.Lanes,
        kc: 256, mc: 96, nc: 4096, &SgemmKernel256.Kernel6x16, &SgemmKernel256.Kernel6x8);

    public static readonly SgemmKernelSet Portable = new(
        SgemmKernelKind.Scalar, SgemmKernelScalar.Mr, SgemmKernelScalar.Nr, SgemmKernelScalar.Nr,
        kc: 256, mc: 64, nc: 1024, &SgemmKernelScalar.Kernel4x4, &SgemmKernelScalar.Kernel4x4);

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
