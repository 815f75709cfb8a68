using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// Writes one instantiation's straight-line kernel: a nested class deriving from
    /// <c>QCircuitDsl.Quantum.Kernels.SpecializedKernel</c> with constant gate sites, a forward method with one
    /// call per block (<see cref="KernelPlan"/>) and a backward method with one fused adjoint step per gate, each
    /// writing its parameters' gradients with their affine coefficients as literals.
    /// </summary>
    internal sealed class KernelEmitter
    {
        private const string Kernels = "global::QCircuitDsl.Quantum.Kernels";
        private const string GateKindType = "global::QCircuitDsl.Quantum.GateKind";
        private const string Constraint = "where T : unmanaged, global::System.Numerics.IFloatingPointIeee754<T>";

        private readonly SourceWriter _w;
        private readonly KernelPlan _plan;
        private readonly string _file;
        private readonly Dictionary<string, string> _sites = new Dictionary<string, string>();
        private readonly Dictionary<string, string> _matrices = new Dictionary<string, string>();

        private KernelEmitter(SourceWriter w, KernelPlan plan, string file)
        {
            _w = w;
            _plan = plan;
            _file = file;
        }

        public static void Emit(SourceWriter w, KernelInstance instance)
        {
            new KernelEmitter(w, instance.Plan, Path.GetFileName(instance.Circuit.FilePath)).Write(instance);
        }

        private void Write(KernelInstance instance)
        {
            var c = _plan.Circuit;
            var name = Names.KernelClassName(instance.Instance);
            var args = KernelInstance.ArgumentList(instance.Instance.Arguments);
            var origin = instance.IsDefault ? "its default arguments" : $"'specialize' at {Path.GetFileName(instance.FilePath)}:{instance.Span.Line}";
            w("/// <summary>");
            w($"/// Straight-line kernel for <c>{Names.Xml(KernelInstance.Describe(instance.Instance))}</c> ({Names.Xml(origin)}): {c.QubitCount} qubits, {c.ParameterCount} parameters,");
            w($"/// {_plan.Source.Gates.Count} gates, {c.Gates.Count} after folding, merging and cancellation, applied in {_plan.Blocks.Count} blocks.");
            w("/// </summary>");
            _w.Open($"private sealed class {name} : {Kernels}.SpecializedKernel");
            w($"public static readonly {name} Instance = new {name}();");
            w();
            w($"private {name}()");
            w($"    : base({c.QubitCount}, {c.ParameterCount}, {Names.Literal(args)})");
            w("{");
            w("}");

            // The bodies are written first so that the sites and matrices they use are known; the fields follow.
            var body = new SourceWriter();
            WriteForward(body);
            body.Line();
            WriteBackward(body);

            w();
            w("// Gate sites: (qubit count, target, controls...), lane masks precomputed once.");
            foreach (var site in _sites.OrderBy(s => s.Value.Length).ThenBy(s => s.Value, System.StringComparer.Ordinal))
            {
                w($"private static readonly {Kernels}.GateSite {site.Value} = new {Kernels}.GateSite({site.Key});");
            }

            foreach (var m in _matrices.OrderBy(s => s.Value.Length).ThenBy(s => s.Value, System.StringComparer.Ordinal))
            {
                w($"private static readonly {Kernels}.Matrix2 {m.Value} = {m.Key};");
            }

            w();
            foreach (var line in body.ToString().TrimEnd('\n').Split('\n'))
            {
                w(line);
            }

            _w.Close();
        }

        private void w(string text = "") => _w.Line(text);

        private void WriteForward(SourceWriter o)
        {
            o.Line($"public override void Forward<T>(global::System.Span<T> re, global::System.Span<T> im, global::System.ReadOnlySpan<double> p)");
            o.Line("{");
            int k = 0;
            foreach (var block in _plan.Blocks)
            {
                var lines = string.Join(", ", block.Select(g => g.Origin.Line).Distinct().Select(l => l.ToString(CultureInfo.InvariantCulture)));
                o.Line($"    // block {k++} ({_file}:{lines}): {string.Join("; ", block.Select(Describe))}");
                var site = Site(block[0]);
                if (block.Count == 1)
                {
                    o.Line("    " + ForwardCall(block[0], site));
                    continue;
                }

                // A run on one qubit: its 2×2 product is formed per sample (later gates multiply from the left).
                var form = block.Select(g => KernelPlan.Form(g.Kind)).Aggregate(KernelPlan.Combine);
                o.Line("    {");
                o.Line($"        var m = {Matrix(block[0], inverse: false)};");
                foreach (var g in block.Skip(1))
                {
                    o.Line($"        m = {Matrix(g, inverse: false)} * m;");
                }

                o.Line($"        {Kernels}.ForwardKernels.Apply(re, im, {site}, m, {Kernels}.MatrixForm.{form});");
                o.Line("    }");
            }

            o.Line("}");
        }

        private void WriteBackward(SourceWriter o)
        {
            o.Line("public override void Backward<T>(global::System.Span<T> re, global::System.Span<T> im, global::System.Span<T> gre, global::System.Span<T> gim, global::System.ReadOnlySpan<double> p, global::System.Span<double> grad)");
            o.Line("{");
            o.Line("    // One fused adjoint step per gate (not per merged block), last gate first: each step reads ∂L/∂θ of its own");
            o.Line("    // gate, so every parameter keeps its link to every gate it feeds, then uncomputes ψ and propagates g.");
            var gates = _plan.Circuit.Gates;
            for (int i = gates.Count - 1; i >= 0; i--)
            {
                var g = gates[i];
                o.Line($"    // gate {i} ({_file}:{g.Origin.Line}): {Describe(g)}");
                var site = Site(g);
                var varying = Enumerable.Range(0, g.Angles.Count).Where(a => !g.Angles[a].IsConstant).ToArray();
                if (varying.Length == 0)
                {
                    o.Line($"    {Kernels}.BackwardKernels.Uncompute(re, im, gre, gim, {site}, {Matrix(g, inverse: true)}, {Kernels}.MatrixForm.{KernelPlan.Form(g.Kind)});");
                    continue;
                }

                o.Line("    {");
                if (Rotation(g.Kind) is { } rotation)
                {
                    o.Line($"        double d = {Kernels}.BackwardKernels.{rotation}(re, im, gre, gim, {site}, {Angle(g.Angles[0])});");
                    Gradient(o, g.Angles[0], "d");
                }
                else
                {
                    var angles = string.Concat(g.Angles.Select(a => ", " + Angle(a)));
                    o.Line($"        var (d0, d1, d2) = {Kernels}.BackwardKernels.Gate(re, im, gre, gim, {site}, {GateKindType}.{g.Kind}, {Bool(g.Adjoint)}{angles});");
                    foreach (var a in varying)
                    {
                        Gradient(o, g.Angles[a], "d" + a.ToString(CultureInfo.InvariantCulture));
                    }
                }

                o.Line("    }");
            }

            o.Line("}");
        }

        private static void Gradient(SourceWriter o, AffineExpression angle, string dot)
        {
            foreach (var t in angle.Terms)
            {
                var index = t.ParameterIndex.ToString(CultureInfo.InvariantCulture);
                o.Line(t.Coefficient == 1.0 ? $"        grad[{index}] += {dot};" : $"        grad[{index}] += {Names.Literal(t.Coefficient)} * {dot};");
            }
        }

        /// <summary>The specialised call for a single gate.</summary>
        private string ForwardCall(IrGate g, string site)
        {
            if (g.Kind == GateKind.X)
            {
                return $"{Kernels}.ForwardKernels.Flip(re, im, {site});";
            }

            if (g.Angles.Count == 1 && !g.Angles[0].IsConstant && Rotation(g.Kind) is { } rotation)
            {
                return $"{Kernels}.ForwardKernels.{rotation}(re, im, {site}, {Angle(g.Angles[0])});";
            }

            return $"{Kernels}.ForwardKernels.Apply(re, im, {site}, {Matrix(g, inverse: false)}, {Kernels}.MatrixForm.{KernelPlan.Form(g.Kind)});";
        }

        /// <summary>The primitive name of the one-angle kinds with a closed-form step (ry, rx, rz, p), else null.</summary>
        private static string? Rotation(GateKind kind) => kind switch
        {
            GateKind.RY => "Ry",
            GateKind.RX => "Rx",
            GateKind.RZ => "Rz",
            GateKind.P => "Phase",
            _ => null,
        };

        /// <summary>A gate's matrix (or its inverse): a static field when its angles are constant, else built per sample.</summary>
        private string Matrix(IrGate g, bool inverse)
        {
            bool adjoint = g.Adjoint != inverse;
            var angles = string.Concat(g.Angles.Select(a => ", " + Angle(a)));
            var expression = $"{Kernels}.Matrix2.Of({GateKindType}.{g.Kind}, {Bool(adjoint)}{angles})";
            if (g.Angles.Any(a => !a.IsConstant))
            {
                return expression;
            }

            if (!_matrices.TryGetValue(expression, out var field))
            {
                field = "M" + _matrices.Count.ToString(CultureInfo.InvariantCulture);
                _matrices[expression] = field;
            }

            return field;
        }

        private string Site(IrGate g)
        {
            var key = _plan.Circuit.QubitCount.ToString(CultureInfo.InvariantCulture) + ", " + g.Targets[0].ToString(CultureInfo.InvariantCulture)
                + string.Concat(g.Controls.OrderBy(q => q).Select(q => ", " + q.ToString(CultureInfo.InvariantCulture)));
            if (!_sites.TryGetValue(key, out var field))
            {
                field = "S" + _sites.Count.ToString(CultureInfo.InvariantCulture);
                _sites[key] = field;
            }

            return field;
        }

        /// <summary>The angle inline, in the order the engine evaluates it (constant, then coefficient·parameter terms).</summary>
        private static string Angle(AffineExpression a)
        {
            var parts = new List<string>();
            if (a.Constant != 0.0 || a.IsConstant)
            {
                parts.Add(Names.Literal(a.Constant));
            }

            foreach (var t in a.Terms)
            {
                var p = "p[" + t.ParameterIndex.ToString(CultureInfo.InvariantCulture) + "]";
                parts.Add(t.Coefficient == 1.0 ? p : t.Coefficient == -1.0 ? "-" + p : Names.Literal(t.Coefficient) + " * " + p);
            }

            return string.Join(" + ", parts);
        }

        private static string Bool(bool b) => b ? "true" : "false";

        /// <summary><c>crx(theta[0][11]) q[0], q[1]</c>: the gate as written, with parameter names.</summary>
        private string Describe(IrGate g) => g.ToString(_plan.Circuit.ParameterName);
    }
}
