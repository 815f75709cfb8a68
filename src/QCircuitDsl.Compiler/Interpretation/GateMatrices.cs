using System;
using System.Collections.Generic;
using System.Numerics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Interpretation
{
    /// <summary>
    /// Textbook matrices of the base gates (without controls) and their derivatives with respect to
    /// each angle. Single-target gates give 2×2 matrices, two-target gates 4×4 matrices in the basis
    /// |t0 t1⟩ with <c>Targets[0]</c> the more significant bit (the first Kronecker factor).
    /// Written for clarity, not speed: this is what <see cref="ReferenceInterpreter"/> and the passes
    /// use to decide what a gate does.
    /// </summary>
    public static class GateMatrices
    {
        private static readonly Complex I = Complex.ImaginaryOne;
        private static readonly double InvSqrt2 = 1.0 / Math.Sqrt(2.0);

        /// <summary>The matrix of <paramref name="kind"/> at <paramref name="angles"/>; U† when <paramref name="adjoint"/>.</summary>
        public static Complex[,] Matrix(GateKind kind, IReadOnlyList<double> angles, bool adjoint)
        {
            CheckAngles(kind, angles);
            var m = BaseMatrix(kind, angles);
            return adjoint ? Dagger(m) : m;
        }

        /// <summary>
        /// ∂U/∂angles[<paramref name="angleIndex"/>] (or ∂(U†)/∂angle = (∂U/∂angle)† when <paramref name="adjoint"/>).
        /// </summary>
        public static Complex[,] Derivative(GateKind kind, IReadOnlyList<double> angles, int angleIndex, bool adjoint)
        {
            CheckAngles(kind, angles);
            if (angleIndex < 0 || angleIndex >= angles.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(angleIndex), $"{kind} has {angles.Count} angle(s); angle index {angleIndex} is out of range.");
            }

            var d = BaseDerivative(kind, angles, angleIndex);
            return adjoint ? Dagger(d) : d;
        }

        /// <summary>Conjugate transpose.</summary>
        public static Complex[,] Dagger(Complex[,] m)
        {
            int r = m.GetLength(0), c = m.GetLength(1);
            var d = new Complex[c, r];
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    d[j, i] = Complex.Conjugate(m[i, j]);
                }
            }

            return d;
        }

        /// <summary>Plain matrix product a·b.</summary>
        public static Complex[,] Multiply(Complex[,] a, Complex[,] b)
        {
            int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
            if (b.GetLength(0) != k)
            {
                throw new ArgumentException("Matrix dimensions do not match.");
            }

            var p = new Complex[n, m];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    Complex s = Complex.Zero;
                    for (int t = 0; t < k; t++)
                    {
                        s += a[i, t] * b[t, j];
                    }

                    p[i, j] = s;
                }
            }

            return p;
        }

        /// <summary>True when every entry of <paramref name="m"/> is within <paramref name="tolerance"/> of the identity's.</summary>
        public static bool IsIdentity(Complex[,] m, double tolerance)
        {
            int n = m.GetLength(0);
            if (m.GetLength(1) != n)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    // Written as !(… <= …) so that a NaN entry counts as "not the identity".
                    if (!(Complex.Abs(m[i, j] - (i == j ? Complex.One : Complex.Zero)) <= tolerance))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static void CheckAngles(GateKind kind, IReadOnlyList<double> angles)
        {
            if (angles == null)
            {
                throw new ArgumentNullException(nameof(angles));
            }

            int expected = GateFacts.AngleCount(kind);
            if (angles.Count != expected)
            {
                throw new ArgumentException($"{kind} takes {expected} angle(s), got {angles.Count}.", nameof(angles));
            }
        }

        // ---- Pauli-type generators G with G² = I, so exp(−iθG/2) = cos(θ/2)·1 − i sin(θ/2)·G.

        private static Complex[,] PauliX() => new Complex[,] { { 0, 1 }, { 1, 0 } };

        private static Complex[,] PauliY() => new Complex[,] { { 0, -I }, { I, 0 } };

        private static Complex[,] PauliZ() => new Complex[,] { { 1, 0 }, { 0, -1 } };

        private static Complex[,] Kron(Complex[,] a, Complex[,] b)
        {
            int ra = a.GetLength(0), ca = a.GetLength(1), rb = b.GetLength(0), cb = b.GetLength(1);
            var k = new Complex[ra * rb, ca * cb];
            for (int i = 0; i < ra; i++)
            {
                for (int j = 0; j < ca; j++)
                {
                    for (int p = 0; p < rb; p++)
                    {
                        for (int q = 0; q < cb; q++)
                        {
                            k[i * rb + p, j * cb + q] = a[i, j] * b[p, q];
                        }
                    }
                }
            }

            return k;
        }

        private static Complex[,] Generator(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.RX: return PauliX();
                case GateKind.RY: return PauliY();
                case GateKind.RZ: return PauliZ();
                case GateKind.RXX: return Kron(PauliX(), PauliX());
                case GateKind.RYY: return Kron(PauliY(), PauliY());
                case GateKind.RZZ: return Kron(PauliZ(), PauliZ());
                default: throw new ArgumentException($"{kind} is not a Pauli rotation.", nameof(kind));
            }
        }

        /// <summary>a·1 + b·G.</summary>
        private static Complex[,] IdentityPlus(Complex a, Complex b, Complex[,] g)
        {
            int n = g.GetLength(0);
            var m = new Complex[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    m[i, j] = (i == j ? a : Complex.Zero) + b * g[i, j];
                }
            }

            return m;
        }

        private static Complex[,] PauliRotation(GateKind kind, double theta) =>
            IdentityPlus(Math.Cos(theta / 2), -I * Math.Sin(theta / 2), Generator(kind));

        private static Complex[,] PauliRotationDerivative(GateKind kind, double theta) =>
            IdentityPlus(-0.5 * Math.Sin(theta / 2), -I * (0.5 * Math.Cos(theta / 2)), Generator(kind));

        private static Complex[,] Phase(double lambda) => new Complex[,] { { 1, 0 }, { 0, Complex.Exp(I * lambda) } };

        private static Complex[,] PhaseDerivative(double lambda) => new Complex[,] { { 0, 0 }, { 0, I * Complex.Exp(I * lambda) } };

        private static Complex[,] BaseMatrix(GateKind kind, IReadOnlyList<double> a)
        {
            switch (kind)
            {
                case GateKind.I: return new Complex[,] { { 1, 0 }, { 0, 1 } };
                case GateKind.X: return PauliX();
                case GateKind.Y: return PauliY();
                case GateKind.Z: return PauliZ();
                case GateKind.H: return new Complex[,] { { InvSqrt2, InvSqrt2 }, { InvSqrt2, -InvSqrt2 } };
                case GateKind.S: return new Complex[,] { { 1, 0 }, { 0, I } };
                case GateKind.Sdg: return new Complex[,] { { 1, 0 }, { 0, -I } };
                case GateKind.T: return new Complex[,] { { 1, 0 }, { 0, Complex.Exp(I * (Math.PI / 4)) } };
                case GateKind.Tdg: return new Complex[,] { { 1, 0 }, { 0, Complex.Exp(-I * (Math.PI / 4)) } };
                case GateKind.SX:
                    // √X = ½[[1+i, 1−i], [1−i, 1+i]].
                    return new Complex[,] { { new Complex(0.5, 0.5), new Complex(0.5, -0.5) }, { new Complex(0.5, -0.5), new Complex(0.5, 0.5) } };
                case GateKind.RX:
                case GateKind.RY:
                case GateKind.RZ:
                case GateKind.RXX:
                case GateKind.RYY:
                case GateKind.RZZ:
                    return PauliRotation(kind, a[0]);
                case GateKind.P:
                    return Phase(a[0]);
                case GateKind.U3:
                    // U3(θ, φ, λ) = P(φ)·RY(θ)·P(λ) exactly (no global phase left over).
                    return Multiply(Phase(a[1]), Multiply(PauliRotation(GateKind.RY, a[0]), Phase(a[2])));
                case GateKind.Rot:
                    // Rot(φ, θ, ω) = RZ(ω)·RY(θ)·RZ(φ).
                    return Multiply(PauliRotation(GateKind.RZ, a[2]), Multiply(PauliRotation(GateKind.RY, a[1]), PauliRotation(GateKind.RZ, a[0])));
                case GateKind.Swap:
                    return new Complex[,] { { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 } };
                case GateKind.ISwap:
                    return new Complex[,] { { 1, 0, 0, 0 }, { 0, 0, I, 0 }, { 0, I, 0, 0 }, { 0, 0, 0, 1 } };
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown gate kind.");
            }
        }

        private static Complex[,] BaseDerivative(GateKind kind, IReadOnlyList<double> a, int k)
        {
            switch (kind)
            {
                case GateKind.RX:
                case GateKind.RY:
                case GateKind.RZ:
                case GateKind.RXX:
                case GateKind.RYY:
                case GateKind.RZZ:
                    return PauliRotationDerivative(kind, a[0]);
                case GateKind.P:
                    return PhaseDerivative(a[0]);
                case GateKind.U3:
                {
                    var left = k == 1 ? PhaseDerivative(a[1]) : Phase(a[1]);
                    var mid = k == 0 ? PauliRotationDerivative(GateKind.RY, a[0]) : PauliRotation(GateKind.RY, a[0]);
                    var right = k == 2 ? PhaseDerivative(a[2]) : Phase(a[2]);
                    return Multiply(left, Multiply(mid, right));
                }

                case GateKind.Rot:
                {
                    var left = k == 2 ? PauliRotationDerivative(GateKind.RZ, a[2]) : PauliRotation(GateKind.RZ, a[2]);
                    var mid = k == 1 ? PauliRotationDerivative(GateKind.RY, a[1]) : PauliRotation(GateKind.RY, a[1]);
                    var right = k == 0 ? PauliRotationDerivative(GateKind.RZ, a[0]) : PauliRotation(GateKind.RZ, a[0]);
                    return Multiply(left, Multiply(mid, right));
                }

                default:
                    throw new ArgumentException($"{kind} has no angles to differentiate.", nameof(kind));
            }
        }
    }
}
