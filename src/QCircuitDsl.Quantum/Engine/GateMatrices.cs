using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// Builds the small dense matrix of each gate kind (2×2 for one target, 4×4 for two) and its derivative
/// with respect to each angle, in double precision. Row-major; for two-target gates the local basis index
/// is 2·bit(targets[0]) + bit(targets[1]), i.e. the first target is the more significant bit, matching the
/// global convention that qubit 0 is the most significant bit.
/// </summary>
/// <remarks>
/// Kept deliberately generic (always a dense matrix) so that every kind goes through the same apply/inner
/// product kernels; a later pass can specialise diagonal and permutation gates.
/// </remarks>
internal static class GateMatrices
{
    private static readonly Complex I = Complex.ImaginaryOne;

    /// <summary>2 for single-target kinds, 4 for two-target kinds.</summary>
    public static int Size(GateKind kind) => kind >= GateKind.Swap ? 4 : 2;

    /// <summary>Writes U (or U† when <paramref name="adjoint"/>) into <paramref name="m"/> (Size² entries).</summary>
    public static void Build(GateKind kind, ReadOnlySpan<double> angles, bool adjoint, Span<Complex> m)
    {
        int size = Size(kind);
        m = m[..(size * size)];
        m.Clear();
        switch (kind)
        {
            case GateKind.I: Set2(m, 1, 0, 0, 1); break;
            case GateKind.X: Set2(m, 0, 1, 1, 0); break;
            case GateKind.Y: Set2(m, 0, -I, I, 0); break;
            case GateKind.Z: Set2(m, 1, 0, 0, -1); break;
            case GateKind.H:
                {
                    double r = 1 / Math.Sqrt(2);
                    Set2(m, r, r, r, -r);
                    break;
                }
            case GateKind.S: Set2(m, 1, 0, 0, I); break;
            case GateKind.Sdg: Set2(m, 1, 0, 0, -I); break;
            case GateKind.T: Set2(m, 1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4)); break;
            case GateKind.Tdg: Set2(m, 1, 0, 0, Complex.FromPolarCoordinates(1, -Math.PI / 4)); break;
            case GateKind.SX:
                {
                    var a = new Complex(0.5, 0.5);
                    var b = new Complex(0.5, -0.5);
                    Set2(m, a, b, b, a);
                    break;
                }
            case GateKind.RX:
            case GateKind.RY:
            case GateKind.RZ:
            case GateKind.RXX:
            case GateKind.RYY:
            case GateKind.RZZ:
                // exp(-iθG/2) = cos(θ/2)·1 − i·sin(θ/2)·G for a Pauli (string) G with G² = 1.
                {
                    var (sin, cos) = Math.SinCos(angles[0] / 2);
                    PauliRotation(kind, cos, sin, m);
                }
                break;
            case GateKind.P: Set2(m, 1, 0, 0, Complex.FromPolarCoordinates(1, angles[0])); break;
            case GateKind.U3:
                {
                    double c = Math.Cos(angles[0] / 2), s = Math.Sin(angles[0] / 2);
                    double phi = angles[1], lambda = angles[2];
                    Set2(m, c,
                        -Complex.FromPolarCoordinates(s, lambda),
                        Complex.FromPolarCoordinates(s, phi),
                        Complex.FromPolarCoordinates(c, phi + lambda));
                    break;
                }
            case GateKind.Rot:
                {
                    // Rot(φ,θ,ω)[r,k] = RZ(ω)[r]·RY(θ)[r,k]·RZ(φ)[k] since both RZ factors are diagonal.
                    double c = Math.Cos(angles[1] / 2), s = Math.Sin(angles[1] / 2);
                    Span<Complex> ry = [c, -s, s, c];
                    RotFromRy(angles[0], angles[2], ry, m);
                    break;
                }
            case GateKind.Swap:
                m[0 * 4 + 0] = 1; m[1 * 4 + 2] = 1; m[2 * 4 + 1] = 1; m[3 * 4 + 3] = 1;
                break;
            case GateKind.ISwap:
                m[0 * 4 + 0] = 1; m[1 * 4 + 2] = I; m[2 * 4 + 1] = I; m[3 * 4 + 3] = 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown gate kind.");
        }
        if (adjoint) ConjugateTranspose(m, size);
    }

    /// <summary>
    /// Writes ∂U/∂angles[<paramref name="angleIndex"/>] (or its adjoint, which is ∂U†/∂θ) into <paramref name="dm"/>.
    /// Only valid for kinds with angles.
    /// </summary>
    public static void BuildDerivative(GateKind kind, ReadOnlySpan<double> angles, int angleIndex, bool adjoint, Span<Complex> dm)
    {
        int size = Size(kind);
        dm = dm[..(size * size)];
        dm.Clear();
        switch (kind)
        {
            case GateKind.RX:
            case GateKind.RY:
            case GateKind.RZ:
            case GateKind.RXX:
            case GateKind.RYY:
            case GateKind.RZZ:
                // d/dθ [cos(θ/2)·1 − i sin(θ/2)·G] = −sin(θ/2)/2·1 − i cos(θ/2)/2·G, i.e. the same shape
                // with (c, s) replaced by (−s/2, c/2).
                PauliRotation(kind, -Math.Sin(angles[0] / 2) / 2, Math.Cos(angles[0] / 2) / 2, dm);
                break;
            case GateKind.P:
                dm[3] = I * Complex.FromPolarCoordinates(1, angles[0]);
                break;
            case GateKind.U3:
                {
                    double c = Math.Cos(angles[0] / 2), s = Math.Sin(angles[0] / 2);
                    double phi = angles[1], lambda = angles[2];
                    switch (angleIndex)
                    {
                        case 0: // θ
                            Set2(dm, -s / 2,
                                -Complex.FromPolarCoordinates(c / 2, lambda),
                                Complex.FromPolarCoordinates(c / 2, phi),
                                -Complex.FromPolarCoordinates(s / 2, phi + lambda));
                            break;
                        case 1: // φ
                            Set2(dm, 0, 0,
                                I * Complex.FromPolarCoordinates(s, phi),
                                I * Complex.FromPolarCoordinates(c, phi + lambda));
                            break;
                        default: // λ
                            Set2(dm, 0,
                                -I * Complex.FromPolarCoordinates(s, lambda),
                                0,
                                I * Complex.FromPolarCoordinates(c, phi + lambda));
                            break;
                    }
                    break;
                }
            case GateKind.Rot:
                {
                    double c = Math.Cos(angles[1] / 2), s = Math.Sin(angles[1] / 2);
                    Span<Complex> ry = angleIndex == 1 ? [-s / 2, -c / 2, c / 2, -s / 2] : [c, -s, s, c];
                    RotFromRy(angles[0], angles[2], ry, dm);
                    if (angleIndex == 0)
                    {
                        // ∂/∂φ of e^{∓iφ/2} on column k: multiply column 0 by −i/2, column 1 by +i/2.
                        dm[0] *= -I / 2; dm[2] *= -I / 2; dm[1] *= I / 2; dm[3] *= I / 2;
                    }
                    else if (angleIndex == 2)
                    {
                        // ∂/∂ω of e^{∓iω/2} on row r.
                        dm[0] *= -I / 2; dm[1] *= -I / 2; dm[2] *= I / 2; dm[3] *= I / 2;
                    }
                    break;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "gate kind has no angles to differentiate.");
        }
        if (adjoint) ConjugateTranspose(dm, size);
    }

    private static void Set2(Span<Complex> m, Complex a, Complex b, Complex c, Complex d)
    {
        m[0] = a; m[1] = b; m[2] = c; m[3] = d;
    }

    /// <summary>Writes c·1 − i·s·G for the Pauli (string) G of a rotation kind.</summary>
    private static void PauliRotation(GateKind kind, double c, double s, Span<Complex> m)
    {
        Complex mis = new(0, -s); // −i·s
        switch (kind)
        {
            case GateKind.RX: Set2(m, c, mis, mis, c); break;
            case GateKind.RY: Set2(m, c, -s, s, c); break;           // −i·s·Y = [[0, −s], [s, 0]]
            case GateKind.RZ: Set2(m, new Complex(c, -s), 0, 0, new Complex(c, s)); break;
            case GateKind.RXX:
                for (int k = 0; k < 4; k++) { m[k * 4 + k] = c; m[k * 4 + (3 - k)] = mis; }
                break;
            case GateKind.RYY:
                // Y⊗Y has +1 on the inner anti-diagonal (|01⟩↔|10⟩) and −1 on the outer one (|00⟩↔|11⟩).
                for (int k = 0; k < 4; k++) m[k * 4 + k] = c;
                m[0 * 4 + 3] = -mis; m[3 * 4 + 0] = -mis;
                m[1 * 4 + 2] = mis; m[2 * 4 + 1] = mis;
                break;
            case GateKind.RZZ:
                // Z⊗Z = diag(1, −1, −1, 1).
                m[0] = new Complex(c, -s); m[5] = new Complex(c, s); m[10] = new Complex(c, s); m[15] = new Complex(c, -s);
                break;
        }
    }

    private static void RotFromRy(double phi, double omega, ReadOnlySpan<Complex> ry, Span<Complex> m)
    {
        Complex zPhi0 = Complex.FromPolarCoordinates(1, -phi / 2), zPhi1 = Complex.FromPolarCoordinates(1, phi / 2);
        Complex zOm0 = Complex.FromPolarCoordinates(1, -omega / 2), zOm1 = Complex.FromPolarCoordinates(1, omega / 2);
        m[0] = zOm0 * ry[0] * zPhi0;
        m[1] = zOm0 * ry[1] * zPhi1;
        m[2] = zOm1 * ry[2] * zPhi0;
        m[3] = zOm1 * ry[3] * zPhi1;
    }

    private static void ConjugateTranspose(Span<Complex> m, int size)
    {
        for (int r = 0; r < size; r++)
        {
            m[r * size + r] = Complex.Conjugate(m[r * size + r]);
            for (int c = r + 1; c < size; c++)
            {
                var a = m[r * size + c];
                m[r * size + c] = Complex.Conjugate(m[c * size + r]);
                m[c * size + r] = Complex.Conjugate(a);
            }
        }
    }
}
