using System.Numerics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Tests.Reference;

/// <summary>
/// An independent dense oracle: every gate becomes a full 2^n×2^n matrix built from Kronecker products
/// of textbook 2×2 matrices (qubit 0 is the first, most significant factor). A controlled gate is
/// (1 − Π) + Π·U where Π = ⊗|1⟩⟨1| on the controls, and a two-qubit target matrix is expanded as
/// Σ U[rs] |r0⟩⟨s0| ⊗ |r1⟩⟨s1|. Nothing here uses the compiler's GateMatrices or interpreter.
/// Deliberately slow; keep n ≤ 6.
/// </summary>
public static class DenseReference
{
    private static readonly Complex I = Complex.ImaginaryOne;

    public static Complex[,] Identity(int dim)
    {
        var m = new Complex[dim, dim];
        for (int i = 0; i < dim; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    /// <summary>Textbook matrix of the base gate (no controls, no adjoint), written out entry by entry.</summary>
    public static Complex[,] BaseGate(GateKind kind, double[] a)
    {
        double r = 1 / Math.Sqrt(2);
        switch (kind)
        {
            case GateKind.I: return new Complex[,] { { 1, 0 }, { 0, 1 } };
            case GateKind.X: return new Complex[,] { { 0, 1 }, { 1, 0 } };
            case GateKind.Y: return new Complex[,] { { 0, -I }, { I, 0 } };
            case GateKind.Z: return new Complex[,] { { 1, 0 }, { 0, -1 } };
            case GateKind.H: return new Complex[,] { { r, r }, { r, -r } };
            case GateKind.S: return new Complex[,] { { 1, 0 }, { 0, I } };
            case GateKind.Sdg: return new Complex[,] { { 1, 0 }, { 0, -I } };
            case GateKind.T: return new Complex[,] { { 1, 0 }, { 0, new Complex(r, r) } };
            case GateKind.Tdg: return new Complex[,] { { 1, 0 }, { 0, new Complex(r, -r) } };
            case GateKind.SX: return new Complex[,] { { (1 + I) / 2, (1 - I) / 2 }, { (1 - I) / 2, (1 + I) / 2 } };
            case GateKind.RX:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                return new Complex[,] { { c, -I * s }, { -I * s, c } };
            }

            case GateKind.RY:
            {
                double c = Math.Cos(a[0] / 2), s = Math.Sin(a[0] / 2);
                return new Complex[,] { { c, -s }, { s, c } };
            }

            case GateKind.RZ:
                return new Complex[,] { { Complex.FromPolarCoordinates(1, -a[0] / 2), 0 }, { 0, Complex.FromPolarCoordinates(1, a[0] / 2) } };
            case GateKind.P:
                return new Complex[,] { { 1, 0 }, { 0, Complex.FromPolarCoordinates(1, a[0]) } };
            case GateKind.U3:
            {
                double th = a[0], ph = a[1], la = a[2];
                double c = Math.Cos(th / 2), s = Math.Sin(th / 2);
                return new Complex[,]
                {
                    { c, -Complex.FromPolarCoordinates(1, la) * s },
                    { Complex.FromPolarCoordinates(1, ph) * s, Complex.FromPolarCoordinates(1, ph + la) * c },
                };
            }

            case GateKind.Rot:
            {
                // Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ), multiplied out by hand.
                double ph = a[0], th = a[1], om = a[2];
                double c = Math.Cos(th / 2), s = Math.Sin(th / 2);
                return new Complex[,]
                {
                    { Complex.FromPolarCoordinates(c, -(ph + om) / 2), Complex.FromPolarCoordinates(-s, (ph - om) / 2) },
                    { Complex.FromPolarCoordinates(s, -(ph - om) / 2), Complex.FromPolarCoordinates(c, (ph + om) / 2) },
                };
            }

            case GateKind.Swap:
                return new Complex[,] { { 1, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 1 } };
            case GateKind.ISwap:
                return new Complex[,] { { 1, 0, 0, 0 }, { 0, 0, I, 0 }, { 0, I, 0, 0 }, { 0, 0, 0, 1 } };
            case GateKind.RXX:
            {
                double c = Math.Cos(a[0] / 2);
                Complex s = -I * Math.Sin(a[0] / 2);
                return new Complex[,] { { c, 0, 0, s }, { 0, c, s, 0 }, { 0, s, c, 0 }, { s, 0, 0, c } };
            }

            case GateKind.RYY:
            {
                // Y⊗Y = [[0,0,0,−1],[0,0,1,0],[0,1,0,0],[−1,0,0,0]].
                double c = Math.Cos(a[0] / 2);
                Complex s = -I * Math.Sin(a[0] / 2);
                return new Complex[,] { { c, 0, 0, -s }, { 0, c, s, 0 }, { 0, s, c, 0 }, { -s, 0, 0, c } };
            }

            case GateKind.RZZ:
            {
                Complex m = Complex.FromPolarCoordinates(1, -a[0] / 2), p = Complex.FromPolarCoordinates(1, a[0] / 2);
                return new Complex[,] { { m, 0, 0, 0 }, { 0, p, 0, 0 }, { 0, 0, p, 0 }, { 0, 0, 0, m } };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

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

    public static Complex[,] Kron(Complex[,] a, Complex[,] b)
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

    /// <summary>⊗_{q=0}^{n−1} factor(q), with a null factor meaning the 2×2 identity.</summary>
    public static Complex[,] KronAll(int n, Func<int, Complex[,]?> factor)
    {
        Complex[,] acc = new Complex[,] { { 1 } };
        for (int q = 0; q < n; q++)
        {
            acc = Kron(acc, factor(q) ?? Identity(2));
        }

        return acc;
    }

    public static Complex[,] Multiply(Complex[,] a, Complex[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var p = new Complex[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < k; t++)
            {
                var ait = a[i, t];
                if (ait == Complex.Zero)
                {
                    continue;
                }

                for (int j = 0; j < m; j++)
                {
                    p[i, j] += ait * b[t, j];
                }
            }
        }

        return p;
    }

    public static Complex[,] Add(Complex[,] a, Complex[,] b, Complex scaleB)
    {
        int r = a.GetLength(0), c = a.GetLength(1);
        var s = new Complex[r, c];
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                s[i, j] = a[i, j] + scaleB * b[i, j];
            }
        }

        return s;
    }

    private static Complex[,] Ket1Bra1() => new Complex[,] { { 0, 0 }, { 0, 1 } };

    /// <summary>Elementary 2×2 matrix |r⟩⟨s|.</summary>
    private static Complex[,] Unit(int r, int s)
    {
        var m = new Complex[2, 2];
        m[r, s] = 1;
        return m;
    }

    /// <summary>The full 2^n×2^n matrix of <paramref name="g"/> at the given parameter values.</summary>
    public static Complex[,] FullGate(int n, IrGate g, IReadOnlyList<double> parameters)
    {
        var angles = g.Angles.Select(e => e.Evaluate(parameters)).ToArray();
        var u = BaseGate(g.Kind, angles);
        if (g.Adjoint)
        {
            u = Dagger(u);
        }

        return FullOperator(n, g.Controls, g.Targets, u);
    }

    /// <summary>Embeds a 2^t×2^t matrix on <paramref name="targets"/> (targets[0] most significant), controlled by <paramref name="controls"/>.</summary>
    public static Complex[,] FullOperator(int n, IReadOnlyList<int> controls, IReadOnlyList<int> targets, Complex[,] u)
    {
        int dim = 1 << n;
        int t = targets.Count;
        var controlled = new Complex[dim, dim];
        int local = 1 << t;
        for (int row = 0; row < local; row++)
        {
            for (int col = 0; col < local; col++)
            {
                if (u[row, col] == Complex.Zero)
                {
                    continue;
                }

                var term = KronAll(n, q =>
                {
                    if (controls.Contains(q))
                    {
                        return Ket1Bra1();
                    }

                    int k = IndexOf(targets, q);
                    if (k >= 0)
                    {
                        int shift = t - 1 - k;
                        return Unit((row >> shift) & 1, (col >> shift) & 1);
                    }

                    return null;
                });
                controlled = Add(controlled, term, u[row, col]);
            }
        }

        if (controls.Count == 0)
        {
            return controlled;
        }

        var projector = KronAll(n, q => controls.Contains(q) ? Ket1Bra1() : null);
        var rest = Add(Identity(dim), projector, -1);
        return Add(rest, controlled, 1);
    }

    private static int IndexOf(IReadOnlyList<int> list, int v)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == v)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>U = G_last ⋯ G_1 G_0.</summary>
    public static Complex[,] Unitary(IrCircuit c, IReadOnlyList<double> parameters) => Unitary(c.QubitCount, c.Gates, parameters);

    public static Complex[,] Unitary(int n, IEnumerable<IrGate> gates, IReadOnlyList<double> parameters)
    {
        var u = Identity(1 << n);
        foreach (var g in gates)
        {
            u = Multiply(FullGate(n, g, parameters), u);
        }

        return u;
    }

    public static Complex[] Apply(Complex[,] m, Complex[] v)
    {
        var r = new Complex[m.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            for (int j = 0; j < v.Length; j++)
            {
                r[i] += m[i, j] * v[j];
            }
        }

        return r;
    }

    public static Complex[] InitialState(IrCircuit c, IReadOnlyList<double>? input)
    {
        var s = new Complex[1 << c.QubitCount];
        if (input == null)
        {
            s[0] = 1;
            return s;
        }

        double norm = Math.Sqrt(input.Sum(x => x * x));
        for (int j = 0; j < input.Count; j++)
        {
            s[j] = input[j] / norm;
        }

        return s;
    }

    public static Complex[] FinalState(IrCircuit c, IReadOnlyList<double> parameters, IReadOnlyList<double>? input) =>
        Apply(Unitary(c, parameters), InitialState(c, input));

    private static Complex[,] Pauli(char axis) => axis switch
    {
        'x' => BaseGate(GateKind.X, []),
        'y' => BaseGate(GateKind.Y, []),
        'z' => BaseGate(GateKind.Z, []),
        'i' => Identity(2),
        _ => throw new ArgumentException("axis " + axis),
    };

    private static double Expectation(Complex[,] o, Complex[] psi)
    {
        var opsi = Apply(o, psi);
        Complex s = 0;
        for (int i = 0; i < psi.Length; i++)
        {
            s += Complex.Conjugate(psi[i]) * opsi[i];
        }

        return s.Real;
    }

    /// <summary>Readouts computed as ⟨ψ|O|ψ⟩ with O a Kronecker-product observable or projector.</summary>
    public static double[] Readouts(IrCircuit c, Complex[] psi)
    {
        int n = c.QubitCount;
        var r = new List<double>();
        foreach (var ro in c.Readouts)
        {
            switch (ro.Kind)
            {
                case IrReadoutKind.ExpvalEach:
                    foreach (int q in ro.Qubits)
                    {
                        foreach (char a in ro.Axes)
                        {
                            r.Add(Expectation(KronAll(n, k => k == q ? Pauli(a) : null), psi));
                        }
                    }

                    break;
                case IrReadoutKind.PauliString:
                    r.Add(Expectation(KronAll(n, k => IndexOf(ro.Qubits, k) is var at && at >= 0 ? Pauli(ro.Axes[at]) : null), psi));
                    break;
                case IrReadoutKind.Probabilities:
                {
                    int m = ro.Qubits.Count;
                    for (int outcome = 0; outcome < 1 << m; outcome++)
                    {
                        var proj = KronAll(n, k =>
                        {
                            int at = IndexOf(ro.Qubits, k);
                            if (at < 0)
                            {
                                return null;
                            }

                            int bit = (outcome >> (m - 1 - at)) & 1;
                            return Unit(bit, bit);
                        });
                        r.Add(Expectation(proj, psi));
                    }

                    break;
                }

                case IrReadoutKind.State:
                    foreach (var a in psi)
                    {
                        r.Add(a.Real);
                        r.Add(a.Imaginary);
                    }

                    break;
            }
        }

        return r.ToArray();
    }
}
