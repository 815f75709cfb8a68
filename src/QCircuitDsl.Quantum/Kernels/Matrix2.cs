using System.Numerics;
using QCircuitDsl.Quantum.Engine;
using QCircuitDsl.Quantum.Engine.Fast;

namespace QCircuitDsl.Quantum.Kernels;

/// <summary>
/// For generated code: which structure a 2×2 matrix is known (at generation time) to have, so a kernel does only the
/// arithmetic it needs. Products keep the structure when all factors share it.
/// </summary>
public enum MatrixForm
{
    /// <summary>Any complex matrix.</summary>
    General,
    /// <summary>Real entries (ry, h and their products).</summary>
    Real,
    /// <summary>a·1 + i·b·X with real a, b (rx and its products).</summary>
    PauliX,
    /// <summary>Diagonal (rz, z, s, t, p).</summary>
    Diagonal,
    /// <summary>Diagonal with a 1 in the |0⟩ entry (z, s, t, p): only the half with the target set is touched.</summary>
    Phase,
    /// <summary>The permutation X (x, cx, ccx).</summary>
    Flip,
}

/// <summary>For generated code: a 2×2 complex matrix (row-major), e.g. the product of a run of gates on one qubit.</summary>
public readonly struct Matrix2
{
    public Matrix2(Complex m00, Complex m01, Complex m10, Complex m11)
    {
        M00 = m00; M01 = m01; M10 = m10; M11 = m11;
    }

    public Complex M00 { get; }
    public Complex M01 { get; }
    public Complex M10 { get; }
    public Complex M11 { get; }

    /// <summary>The matrix of a one-target gate kind (U, or U† when <paramref name="adjoint"/>) at these angles.</summary>
    public static Matrix2 Of(GateKind kind, bool adjoint = false, double a0 = 0, double a1 = 0, double a2 = 0)
    {
        if (GateMatrices.Size(kind) != 2)
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{kind} acts on two targets; expected a one-target gate kind.");
        Span<Complex> m = stackalloc Complex[4];
        Span<double> angles = [a0, a1, a2];
        GateMatrices.Build(kind, angles, adjoint, m);
        return new Matrix2(m[0], m[1], m[2], m[3]);
    }

    /// <summary>Matrix product: <c>b * a</c> applies a first, then b.</summary>
    public static Matrix2 operator *(Matrix2 a, Matrix2 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10, a.M00 * b.M01 + a.M01 * b.M11,
        a.M10 * b.M00 + a.M11 * b.M10, a.M10 * b.M01 + a.M11 * b.M11);

    public Matrix2 Adjoint() => new(Complex.Conjugate(M00), Complex.Conjugate(M10), Complex.Conjugate(M01), Complex.Conjugate(M11));

    internal void CopyTo(Span<Complex> m)
    {
        m[0] = M00; m[1] = M01; m[2] = M10; m[3] = M11;
    }

    internal static FormKind ToFormKind(MatrixForm form) => form switch
    {
        MatrixForm.Real => FormKind.Real,
        MatrixForm.PauliX => FormKind.PauliX,
        MatrixForm.Diagonal or MatrixForm.Phase => FormKind.Diagonal,
        MatrixForm.Flip => FormKind.Swap,
        _ => FormKind.General,
    };

    public override string ToString() => $"[[{M00}, {M01}], [{M10}, {M11}]]";
}
