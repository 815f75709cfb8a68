// ReferenceInterpreter — the slow, obviously-correct twin of the fast engines.
//
// Its twins are the state-vector engine in src/QCircuitDsl.Quantum (used at run time by the
// QCircuitDsl.Runtime) and the specialised C# that the emitter generates for each circuit. Both must
// agree with this file. It is (1) the fallback used when no generated class exists, e.g. in the CLI
// and the tooling, and (2) the test oracle that the engine and the generated code are checked against.
// Keep it simple: per gate it builds the small textbook matrix (GateMatrices) and applies it to the
// amplitudes where all controls are |1⟩. No fusion, no special cases, no SIMD.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Interpretation
{
    /// <summary>
    /// Executes an <see cref="IrCircuit"/> directly in double precision (state vector of 2^n amplitudes,
    /// qubit 0 the most significant bit of a basis index), computes its readouts, and computes gradients
    /// by the adjoint method.
    /// </summary>
    public static class ReferenceInterpreter
    {
        /// <summary>Largest circuit the interpreter accepts (2^24 amplitudes = 256 MiB).</summary>
        public const int MaxQubits = 24;

        /// <summary>
        /// The state before the first gate: |0…0⟩, or for a circuit with an amplitude input x the vector
        /// ψ_j = x_j/‖x‖ for j &lt; x.Length and 0 beyond.
        /// </summary>
        public static Complex[] InitialState(IrCircuit c, IReadOnlyList<double>? input)
        {
            CheckCircuit(c);
            var state = new Complex[1 << c.QubitCount];
            if (c.Input == null)
            {
                if (input != null)
                {
                    throw new ArgumentException($"Circuit '{c.Name}' has no amplitude input, but an input vector was given.", nameof(input));
                }

                state[0] = Complex.One;
                return state;
            }

            double norm = InputNorm(c, input);
            for (int j = 0; j < input!.Count; j++)
            {
                state[j] = input[j] / norm;
            }

            return state;
        }

        /// <summary>Runs all gates from <see cref="InitialState"/> and returns the final state.</summary>
        public static Complex[] Run(IrCircuit c, IReadOnlyList<double> parameters, IReadOnlyList<double>? input = null)
        {
            CheckCircuit(c);
            CheckParameters(c, parameters);
            var state = InitialState(c, input);
            foreach (var g in c.Gates)
            {
                ApplyGate(state, c.QubitCount, g, GateMatrices.Matrix(g.Kind, Angles(g, parameters), g.Adjoint));
            }

            return state;
        }

        /// <summary>Applies the inverse circuit U† (gates reversed, each daggered) to a copy of <paramref name="state"/>.</summary>
        public static Complex[] RunInverse(IrCircuit c, IReadOnlyList<double> parameters, Complex[] state)
        {
            CheckCircuit(c);
            CheckParameters(c, parameters);
            CheckState(c, state);
            var s = (Complex[])state.Clone();
            for (int i = c.Gates.Count - 1; i >= 0; i--)
            {
                var g = c.Gates[i];
                ApplyGate(s, c.QubitCount, g, GateMatrices.Matrix(g.Kind, Angles(g, parameters), !g.Adjoint));
            }

            return s;
        }

        /// <summary>The circuit's readout vector (its readouts concatenated in order) for a final state.</summary>
        public static double[] Readouts(IrCircuit c, Complex[] state)
        {
            CheckCircuit(c);
            CheckState(c, state);
            var result = new List<double>(c.ReadoutLength);
            foreach (var r in c.Readouts)
            {
                switch (r.Kind)
                {
                    case IrReadoutKind.ExpvalEach:
                        foreach (int q in r.Qubits)
                        {
                            foreach (char axis in r.Axes)
                            {
                                var o = ApplyPaulis(state, c.QubitCount, new[] { q }, axis.ToString());
                                result.Add(Inner(state, o).Real);
                            }
                        }

                        break;
                    case IrReadoutKind.PauliString:
                        result.Add(Inner(state, ApplyPaulis(state, c.QubitCount, r.Qubits, r.Axes)).Real);
                        break;
                    case IrReadoutKind.Probabilities:
                    {
                        var probs = new double[1 << r.Qubits.Count];
                        for (int b = 0; b < state.Length; b++)
                        {
                            probs[Outcome(b, c.QubitCount, r.Qubits)] += Norm2(state[b]);
                        }

                        result.AddRange(probs);
                        break;
                    }

                    case IrReadoutKind.State:
                        foreach (var a in state)
                        {
                            result.Add(a.Real);
                            result.Add(a.Imaginary);
                        }

                        break;
                    default:
                        throw new NotSupportedException($"Readout kind {r.Kind} is not supported.");
                }
            }

            return result.ToArray();
        }

        /// <summary>
        /// Readouts r and the gradient of L = Σ upstream[k]·r[k] with respect to every flat parameter and
        /// to the raw amplitude input, by the adjoint method: every intermediate state is stored, then
        /// g = ∂L/∂Re ψ + i·∂L/∂Im ψ is carried backwards with g ← U†g, and each angle gets Re⟨g|∂U/∂θ|ψ_prev⟩.
        /// </summary>
        public static InterpreterGradients Gradients(IrCircuit c, IReadOnlyList<double> parameters, IReadOnlyList<double>? input, IReadOnlyList<double> upstream)
        {
            CheckCircuit(c);
            CheckParameters(c, parameters);
            if (upstream == null)
            {
                throw new ArgumentNullException(nameof(upstream));
            }

            if (upstream.Count != c.ReadoutLength)
            {
                throw new ArgumentException(
                    $"Circuit '{c.Name}' has {c.ReadoutLength} readout value(s), but the upstream gradient has {upstream.Count}.", nameof(upstream));
            }

            int n = c.QubitCount;
            var states = new Complex[c.Gates.Count + 1][];
            states[0] = InitialState(c, input);
            for (int i = 0; i < c.Gates.Count; i++)
            {
                var g = c.Gates[i];
                states[i + 1] = (Complex[])states[i].Clone();
                ApplyGate(states[i + 1], n, g, GateMatrices.Matrix(g.Kind, Angles(g, parameters), g.Adjoint));
            }

            var final = states[c.Gates.Count];
            var readouts = Readouts(c, final);
            var adj = ReadoutCotangent(c, final, upstream);

            var gradP = new double[c.ParameterCount];
            for (int i = c.Gates.Count - 1; i >= 0; i--)
            {
                var g = c.Gates[i];
                var angles = Angles(g, parameters);
                for (int k = 0; k < angles.Length; k++)
                {
                    if (g.Angles[k].IsConstant)
                    {
                        continue;
                    }

                    var dpsi = (Complex[])states[i].Clone();
                    ApplyGateDerivative(dpsi, n, g, GateMatrices.Derivative(g.Kind, angles, k, g.Adjoint));
                    double dAngle = Inner(adj, dpsi).Real;
                    foreach (var t in g.Angles[k].Terms)
                    {
                        gradP[t.ParameterIndex] += t.Coefficient * dAngle;
                    }
                }

                ApplyGate(adj, n, g, GateMatrices.Matrix(g.Kind, angles, !g.Adjoint));
            }

            double[]? gradX = null;
            if (c.Input != null)
            {
                // ψ_j = x_j/N with N = ‖x‖: ∂L/∂x_k = G_k/N − x_k·(Σ_j G_j x_j)/N³, G = Re g (x is real).
                double norm = InputNorm(c, input);
                double dot = 0;
                for (int j = 0; j < input!.Count; j++)
                {
                    dot += adj[j].Real * input[j];
                }

                gradX = new double[input.Count];
                for (int k = 0; k < input.Count; k++)
                {
                    gradX[k] = adj[k].Real / norm - input[k] * dot / (norm * norm * norm);
                }
            }

            return new InterpreterGradients(readouts, gradP, gradX);
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>g = ∂L/∂Re ψ + i ∂L/∂Im ψ for L = Σ u_k r_k; an expectation r = ⟨ψ|O|ψ⟩ contributes 2u·Oψ.</summary>
        private static Complex[] ReadoutCotangent(IrCircuit c, Complex[] state, IReadOnlyList<double> upstream)
        {
            int n = c.QubitCount;
            var g = new Complex[state.Length];
            int k = 0;
            foreach (var r in c.Readouts)
            {
                switch (r.Kind)
                {
                    case IrReadoutKind.ExpvalEach:
                        foreach (int q in r.Qubits)
                        {
                            foreach (char axis in r.Axes)
                            {
                                double u = upstream[k++];
                                if (u != 0)
                                {
                                    AddScaled(g, ApplyPaulis(state, n, new[] { q }, axis.ToString()), 2 * u);
                                }
                            }
                        }

                        break;
                    case IrReadoutKind.PauliString:
                    {
                        double u = upstream[k++];
                        if (u != 0)
                        {
                            AddScaled(g, ApplyPaulis(state, n, r.Qubits, r.Axes), 2 * u);
                        }

                        break;
                    }

                    case IrReadoutKind.Probabilities:
                        // P_m = ⟨ψ|Π_m|ψ⟩ with Π_m the projector on outcome m.
                        for (int b = 0; b < state.Length; b++)
                        {
                            g[b] += 2 * upstream[k + Outcome(b, n, r.Qubits)] * state[b];
                        }

                        k += 1 << r.Qubits.Count;
                        break;
                    case IrReadoutKind.State:
                        for (int b = 0; b < state.Length; b++)
                        {
                            g[b] += new Complex(upstream[k + 2 * b], upstream[k + 2 * b + 1]);
                        }

                        k += 2 * state.Length;
                        break;
                    default:
                        throw new NotSupportedException($"Readout kind {r.Kind} is not supported.");
                }
            }

            return g;
        }

        private static void AddScaled(Complex[] acc, Complex[] v, double s)
        {
            for (int i = 0; i < acc.Length; i++)
            {
                acc[i] += s * v[i];
            }
        }

        private static double Norm2(Complex a) => a.Real * a.Real + a.Imaginary * a.Imaginary;

        /// <summary>⟨a|b⟩ = Σ conj(a_i)·b_i.</summary>
        private static Complex Inner(Complex[] a, Complex[] b)
        {
            Complex s = Complex.Zero;
            for (int i = 0; i < a.Length; i++)
            {
                s += Complex.Conjugate(a[i]) * b[i];
            }

            return s;
        }

        private static int Bit(int qubit, int n) => n - 1 - qubit;

        /// <summary>The outcome index of basis state <paramref name="b"/> on <paramref name="qubits"/> (first listed most significant).</summary>
        private static int Outcome(int b, int n, IReadOnlyList<int> qubits)
        {
            int m = 0;
            foreach (int q in qubits)
            {
                m = (m << 1) | ((b >> Bit(q, n)) & 1);
            }

            return m;
        }

        /// <summary>A copy of the state with the Pauli string (axes[k] on qubits[k]; 'i' = identity) applied.</summary>
        private static Complex[] ApplyPaulis(Complex[] state, int n, IReadOnlyList<int> qubits, string axes)
        {
            var s = (Complex[])state.Clone();
            for (int k = 0; k < qubits.Count; k++)
            {
                GateKind kind;
                switch (char.ToLowerInvariant(axes[k]))
                {
                    case 'x': kind = GateKind.X; break;
                    case 'y': kind = GateKind.Y; break;
                    case 'z': kind = GateKind.Z; break;
                    case 'i': continue;
                    default: throw new ArgumentException($"Unknown readout axis '{axes[k]}'.");
                }

                ApplyMatrix(s, n, Array.Empty<int>(), new[] { qubits[k] }, GateMatrices.Matrix(kind, Array.Empty<double>(), false), zeroOutside: false);
            }

            return s;
        }

        private static void ApplyGate(Complex[] state, int n, IrGate g, Complex[,] m) =>
            ApplyMatrix(state, n, g.Controls, g.Targets, m, zeroOutside: false);

        /// <summary>
        /// ∂(controlled U)/∂θ = Π_controls ⊗ ∂U/∂θ: the derivative is zero where a control is |0⟩
        /// (the identity there does not depend on θ).
        /// </summary>
        private static void ApplyGateDerivative(Complex[] state, int n, IrGate g, Complex[,] dm) =>
            ApplyMatrix(state, n, g.Controls, g.Targets, dm, zeroOutside: true);

        /// <summary>
        /// Applies the 2^t×2^t matrix <paramref name="m"/> to <paramref name="targets"/> (targets[0] most
        /// significant in the small matrix) on all basis states whose control bits are all 1. Elsewhere the
        /// amplitudes are left alone, or set to zero when <paramref name="zeroOutside"/>.
        /// </summary>
        private static void ApplyMatrix(Complex[] state, int n, IReadOnlyList<int> controls, IReadOnlyList<int> targets, Complex[,] m, bool zeroOutside)
        {
            int t = targets.Count;
            int dim = 1 << t;
            int controlMask = 0;
            foreach (int q in controls)
            {
                controlMask |= 1 << Bit(q, n);
            }

            int targetMask = 0;
            var offsets = new int[dim];
            for (int local = 0; local < dim; local++)
            {
                int off = 0;
                for (int k = 0; k < t; k++)
                {
                    if (((local >> (t - 1 - k)) & 1) == 1)
                    {
                        off |= 1 << Bit(targets[k], n);
                    }
                }

                offsets[local] = off;
            }

            foreach (int q in targets)
            {
                targetMask |= 1 << Bit(q, n);
            }

            var inAmp = new Complex[dim];
            for (int b = 0; b < state.Length; b++)
            {
                if ((b & targetMask) != 0)
                {
                    continue; // visit each group once, from its member with all target bits 0
                }

                if ((b & controlMask) != controlMask)
                {
                    if (zeroOutside)
                    {
                        for (int local = 0; local < dim; local++)
                        {
                            state[b | offsets[local]] = Complex.Zero;
                        }
                    }

                    continue;
                }

                for (int local = 0; local < dim; local++)
                {
                    inAmp[local] = state[b | offsets[local]];
                }

                for (int row = 0; row < dim; row++)
                {
                    Complex s = Complex.Zero;
                    for (int col = 0; col < dim; col++)
                    {
                        s += m[row, col] * inAmp[col];
                    }

                    state[b | offsets[row]] = s;
                }
            }
        }

        private static double[] Angles(IrGate g, IReadOnlyList<double> parameters)
        {
            var a = new double[g.Angles.Count];
            for (int k = 0; k < a.Length; k++)
            {
                a[k] = g.Angles[k].Evaluate(parameters);
            }

            return a;
        }

        private static double InputNorm(IrCircuit c, IReadOnlyList<double>? input)
        {
            if (input == null)
            {
                throw new ArgumentException($"Circuit '{c.Name}' takes an amplitude input '{c.Input!.Name}' of length {c.Input.Length}, but none was given.", nameof(input));
            }

            if (input.Count != c.Input!.Length)
            {
                throw new ArgumentException(
                    $"Amplitude input '{c.Input.Name}' of circuit '{c.Name}' must have length {c.Input.Length}, got {input.Count}.", nameof(input));
            }

            double sum = 0;
            foreach (double x in input)
            {
                if (double.IsNaN(x) || double.IsInfinity(x))
                {
                    throw new ArgumentException($"Amplitude input '{c.Input.Name}' contains a non-finite value ({x}).", nameof(input));
                }

                sum += x * x;
            }

            if (sum == 0)
            {
                throw new ArgumentException($"Amplitude input '{c.Input.Name}' has zero norm and cannot be normalized.", nameof(input));
            }

            return Math.Sqrt(sum);
        }

        private static void CheckParameters(IrCircuit c, IReadOnlyList<double> parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            if (parameters.Count != c.ParameterCount)
            {
                throw new ArgumentException(
                    $"Circuit '{c.Name}' has {c.ParameterCount} parameter(s), but {parameters.Count} value(s) were given.", nameof(parameters));
            }
        }

        private static void CheckState(IrCircuit c, Complex[] state)
        {
            if (state == null)
            {
                throw new ArgumentNullException(nameof(state));
            }

            if (state.Length != 1 << c.QubitCount)
            {
                throw new ArgumentException(
                    $"Circuit '{c.Name}' has {c.QubitCount} qubit(s), so a state needs {1 << c.QubitCount} amplitudes; got {state.Length}.", nameof(state));
            }
        }

        /// <summary>Structural checks the binder should already guarantee; they keep a bad IR from silently producing garbage.</summary>
        private static void CheckCircuit(IrCircuit c)
        {
            if (c == null)
            {
                throw new ArgumentNullException(nameof(c));
            }

            if (c.QubitCount < 1 || c.QubitCount > MaxQubits)
            {
                throw new ArgumentException($"Circuit '{c.Name}' has {c.QubitCount} qubits; the reference interpreter supports 1 to {MaxQubits}.", nameof(c));
            }

            if (c.Input != null && (c.Input.Length < 1 || c.Input.Length > 1 << c.QubitCount))
            {
                throw new ArgumentException(
                    $"Amplitude input '{c.Input.Name}' has length {c.Input.Length}, which must be between 1 and 2^{c.QubitCount} = {1 << c.QubitCount}.", nameof(c));
            }

            for (int i = 0; i < c.Gates.Count; i++)
            {
                var g = c.Gates[i];
                var qs = g.Qubits.ToArray();
                if (qs.Any(q => q < 0 || q >= c.QubitCount))
                {
                    throw new ArgumentException($"Gate {i} ({g}) of circuit '{c.Name}' uses a qubit outside 0..{c.QubitCount - 1}.", nameof(c));
                }

                if (qs.Distinct().Count() != qs.Length)
                {
                    throw new ArgumentException($"Gate {i} ({g}) of circuit '{c.Name}' uses the same qubit twice.", nameof(c));
                }

                foreach (var a in g.Angles)
                {
                    if (a.Terms.Any(t => t.ParameterIndex < 0 || t.ParameterIndex >= c.ParameterCount))
                    {
                        throw new ArgumentException($"Gate {i} ({g}) of circuit '{c.Name}' refers to a parameter outside 0..{c.ParameterCount - 1}.", nameof(c));
                    }
                }
            }

            foreach (var r in c.Readouts)
            {
                if (r.Qubits.Any(q => q < 0 || q >= c.QubitCount))
                {
                    throw new ArgumentException($"A {r.Kind} readout of circuit '{c.Name}' uses a qubit outside 0..{c.QubitCount - 1}.", nameof(c));
                }

                if (r.Kind == IrReadoutKind.PauliString && r.Axes.Length != r.Qubits.Count)
                {
                    throw new ArgumentException($"A Pauli-string readout of circuit '{c.Name}' has {r.Axes.Length} axes for {r.Qubits.Count} qubits.", nameof(c));
                }

                if ((r.Kind == IrReadoutKind.PauliString || r.Kind == IrReadoutKind.Probabilities) && r.Qubits.Distinct().Count() != r.Qubits.Count)
                {
                    throw new ArgumentException($"A {r.Kind} readout of circuit '{c.Name}' lists the same qubit twice.", nameof(c));
                }

                string allowed = r.Kind == IrReadoutKind.PauliString ? "xyzi" : "xyz";
                if ((r.Kind == IrReadoutKind.PauliString || r.Kind == IrReadoutKind.ExpvalEach) && r.Axes.Any(ch => allowed.IndexOf(char.ToLowerInvariant(ch)) < 0))
                {
                    throw new ArgumentException($"A {r.Kind} readout of circuit '{c.Name}' has axes \"{r.Axes}\"; allowed are {allowed}.", nameof(c));
                }
            }
        }
    }
}
