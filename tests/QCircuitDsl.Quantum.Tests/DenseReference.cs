using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

/// <summary>A gate as the tests describe it, independent of the engine's GateOp.</summary>
public sealed record GateSpec(GateKind Kind, int[] Controls, int[] Targets, double[] Angles, bool Adjoint)
{
    public override string ToString() =>
        $"{(Adjoint ? "inv " : "")}{Kind}({string.Join(",", Angles.Select(a => a.ToString("G4")))}) c[{string.Join(",", Controls)}] t[{string.Join(",", Targets)}]";
}

/// <summary>
/// Independent dense reference: textbook 2×2/4×4 matrices, embedded into 2^n×2^n by Kronecker products
/// (qubit 0 is the leftmost factor = most significant bit), controls as projector sums.
/// </summary>
public static class Dense
{
    private static readonly Complex i = Complex.ImaginaryOne;

    public static Complex[,] M2(Complex a, Complex b, Complex c, Complex d) => new Complex[,] { { a, b }, { c, d } };

    public static readonly Complex[,] Id = M2(1, 0, 0, 1);
    public static readonly Complex[,] PX = M2(0, 1, 1, 0);
    public static readonly Complex[,] PY = M2(0, -i, i, 0);
    public static readonly Complex[,] PZ = M2(1, 0, 0, -1);
    public static readonly Complex[,] Proj1 = M2(0, 0, 0, 1);

    public static Complex[,] Identity(int d)
    {
        var m = new Complex[d, d];
        for (int k = 0; k < d; k++) m[k, k] = 1;
        return m;
    }

    public static Complex[,] Kron(Complex[,] a, Complex[,] b)
    {
        int ra = a.GetLength(0), ca = a.GetLength(1), rb = b.GetLength(0), cb = b.GetLength(1);
        var m = new Complex[ra * rb, ca * cb];
        for (int r1 = 0; r1 < ra; r1++)
            for (int c1 = 0; c1 < ca; c1++)
                for (int r2 = 0; r2 < rb; r2++)
                    for (int c2 = 0; c2 < cb; c2++)
                        m[r1 * rb + r2, c1 * cb + c2] = a[r1, c1] * b[r2, c2];
        return m;
    }

    public static Complex[,] Mul(Complex[,] a, Complex[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var r = new Complex[n, m];
        for (int x = 0; x < n; x++)
            for (int y = 0; y < m; y++)
            {
                Complex s = 0;
                for (int z = 0; z < k; z++) s += a[x, z] * b[z, y];
                r[x, y] = s;
            }
        return r;
    }

    public static Complex[,] Add(Complex[,] a, Complex[,] b, Complex scaleB)
    {
        var r = (Complex[,])a.Clone();
        for (int x = 0; x < a.GetLength(0); x++)
            for (int y = 0; y < a.GetLength(1); y++)
                r[x, y] += scaleB * b[x, y];
        return r;
    }

    public static Complex[,] Scale(Complex[,] a, Complex s) => Add(new Complex[a.GetLength(0), a.GetLength(1)], a, s);

    public static Complex[,] Dagger(Complex[,] a)
    {
        var r = new Complex[a.GetLength(1), a.GetLength(0)];
        for (int x = 0; x < a.GetLength(0); x++)
            for (int y = 0; y < a.GetLength(1); y++)
                r[y, x] = Complex.Conjugate(a[x, y]);
        return r;
    }

    /// <summary>Textbook matrix of a gate kind (not the engine's code).</summary>
    public static Complex[,] Textbook(GateKind kind, double[] a)
    {
        Complex E(double phase) => Complex.Exp(i * phase);
        switch (kind)
        {
            case GateKind.I: return Id;
            case GateKind.X: return PX;
            case GateKind.Y: return PY;
            case GateKind.Z: return PZ;
            case GateKind.H: return Scale(M2(1, 1, 1, -1), 1 / Math.Sqrt(2));
            case GateKind.S: return M2(1, 0, 0, i);
            case GateKind.Sdg: return M2(1, 0, 0, -i);
            case GateKind.T: return M2(1, 0, 0, E(Math.PI / 4));
            case GateKind.Tdg: return M2(1, 0, 0, E(-Math.PI / 4));
            case GateKind.SX: return Scale(M2(1 + i, 1 - i, 1 - i, 1 + i), 0.5);
            case GateKind.RX: return Rotation(PX, a[0]);
            case GateKind.RY: return Rotation(PY, a[0]);
            case GateKind.RZ: return M2(E(-a[0] / 2), 0, 0, E(a[0] / 2));
            case GateKind.P: return M2(1, 0, 0, E(a[0]));
            case GateKind.U3:
                {
                    double t = a[0], phi = a[1], lam = a[2];
                    return M2(Math.Cos(t / 2), -E(lam) * Math.Sin(t / 2), E(phi) * Math.Sin(t / 2), E(phi + lam) * Math.Cos(t / 2));
                }
            case GateKind.Rot:
                return Mul(Textbook(GateKind.RZ, [a[2]]), Mul(Textbook(GateKind.RY, [a[1]]), Textbook(GateKind.RZ, [a[0]])));
            case GateKind.Swap:
                {
                    var m = new Complex[4, 4];
                    m[0, 0] = 1; m[1, 2] = 1; m[2, 1] = 1; m[3, 3] = 1;
                    return m;
                }
            case GateKind.ISwap:
                {
                    var m = new Complex[4, 4];
                    m[0, 0] = 1; m[1, 2] = i; m[2, 1] = i; m[3, 3] = 1;
                    return m;
                }
            case GateKind.RXX: return Rotation(Kron(PX, PX), a[0]);
            case GateKind.RYY: return Rotation(Kron(PY, PY), a[0]);
            case GateKind.RZZ: return Rotation(Kron(PZ, PZ), a[0]);
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>exp(−iθG/2) for G² = 1.</summary>
    private static Complex[,] Rotation(Complex[,] g, double theta) =>
        Add(Scale(Identity(g.GetLength(0)), Math.Cos(theta / 2)), g, -i * Math.Sin(theta / 2));

    /// <summary>⊗ over qubits of the given single-qubit operators (identity where absent).</summary>
    public static Complex[,] KronAll(int n, Dictionary<int, Complex[,]> ops)
    {
        Complex[,] m = new Complex[,] { { 1 } };
        for (int q = 0; q < n; q++) m = Kron(m, ops.TryGetValue(q, out var op) ? op : Id);
        return m;
    }

    private static Complex[,] Unit(int r, int c)
    {
        var m = new Complex[2, 2];
        m[r, c] = 1;
        return m;
    }

    /// <summary>The full 2^n×2^n unitary of one gate.</summary>
    public static Complex[,] Full(int n, GateSpec g)
    {
        var u = Textbook(g.Kind, g.Angles);
        if (g.Adjoint) u = Dagger(u);
        int d = 1 << n;
        Complex[,] ut;
        if (g.Targets.Length == 1)
        {
            ut = KronAll(n, new() { [g.Targets[0]] = u });
        }
        else
        {
            // U = Σ_{r,c} U[r,c] |r_a⟩⟨c_a| ⊗ |r_b⟩⟨c_b| with r = 2 r_a + r_b.
            ut = new Complex[d, d];
            for (int r = 0; r < 4; r++)
                for (int c = 0; c < 4; c++)
                {
                    if (u[r, c] == Complex.Zero) continue;
                    var term = KronAll(n, new() { [g.Targets[0]] = Unit(r >> 1, c >> 1), [g.Targets[1]] = Unit(r & 1, c & 1) });
                    ut = Add(ut, term, u[r, c]);
                }
        }
        if (g.Controls.Length == 0) return ut;
        var pc = KronAll(n, g.Controls.ToDictionary(q => q, _ => Proj1));
        // (1 − Pc) + Pc·U_t
        return Add(Add(Identity(d), pc, -1), Mul(pc, ut), 1);
    }

    public static Complex[] Apply(Complex[,] u, Complex[] psi)
    {
        var r = new Complex[psi.Length];
        for (int x = 0; x < psi.Length; x++)
        {
            Complex s = 0;
            for (int y = 0; y < psi.Length; y++) s += u[x, y] * psi[y];
            r[x] = s;
        }
        return r;
    }

    public static Complex[] Run(int n, IEnumerable<GateSpec> gates, Complex[] psi)
    {
        foreach (var g in gates) psi = Apply(Full(n, g), psi);
        return psi;
    }

    public static Complex[,] Pauli(char axis) => axis switch { 'x' => PX, 'y' => PY, 'z' => PZ, _ => Id };

    /// <summary>⟨ψ|O|ψ⟩ (real part).</summary>
    public static double Expectation(Complex[,] o, Complex[] psi)
    {
        var op = Apply(o, psi);
        Complex s = 0;
        for (int k = 0; k < psi.Length; k++) s += Complex.Conjugate(psi[k]) * op[k];
        return s.Real;
    }

    /// <summary>Dense readout vector of a program's readout terms.</summary>
    public static double[] Readouts(int n, IEnumerable<ReadoutTerm> terms, Complex[] psi)
    {
        var values = new List<double>();
        foreach (var t in terms)
        {
            switch (t.Kind)
            {
                case ReadoutKind.ExpvalEach:
                    foreach (int q in t.Qubits)
                        foreach (char a in t.Axes)
                            values.Add(Expectation(KronAll(n, new() { [q] = Pauli(a) }), psi));
                    break;
                case ReadoutKind.PauliString:
                    {
                        var ops = new Dictionary<int, Complex[,]>();
                        for (int k = 0; k < t.Qubits.Length; k++) ops[t.Qubits[k]] = Pauli(t.Axes[k]);
                        values.Add(Expectation(KronAll(n, ops), psi));
                        break;
                    }
                case ReadoutKind.Probabilities:
                    {
                        // Projector onto outcome j of the listed qubits (first listed most significant).
                        int k = t.Qubits.Length;
                        for (int j = 0; j < (1 << k); j++)
                        {
                            var ops = new Dictionary<int, Complex[,]>();
                            for (int m = 0; m < k; m++)
                            {
                                int bit = (j >> (k - 1 - m)) & 1;
                                ops[t.Qubits[m]] = bit == 1 ? Proj1 : M2(1, 0, 0, 0);
                            }
                            values.Add(Expectation(KronAll(n, ops), psi));
                        }
                        break;
                    }
                case ReadoutKind.State:
                    foreach (var a in psi) { values.Add(a.Real); values.Add(a.Imaginary); }
                    break;
            }
        }
        return values.ToArray();
    }

    public static Complex[] RandomState(Random rng, int n)
    {
        var psi = new Complex[1 << n];
        double norm = 0;
        for (int k = 0; k < psi.Length; k++)
        {
            psi[k] = new Complex(rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1);
            norm += psi[k].Magnitude * psi[k].Magnitude;
        }
        for (int k = 0; k < psi.Length; k++) psi[k] /= Math.Sqrt(norm);
        return psi;
    }
}
