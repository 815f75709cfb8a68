using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Tests.Binding;

namespace QCircuitDsl.Compiler.Tests.Lowering;

public class LoweringTests
{
    private static IrCircuit Lower(string source, params (string, long)[] args) => FrontEnd.Lower(source, "c", args);

    /// <summary>The qubits that a sequence of single-qubit gates acts on.</summary>
    private static int[] Targets(IrCircuit ir) => ir.Gates.Select(g => Assert.Single(g.Targets)).ToArray();

    /// <summary>Evaluates an integer expression through the compiler: an integer let becomes a constant angle.</summary>
    private static long IntegerValue(string expression, string header = "")
    {
        var ir = Lower($"circuit c({header}) {{ qubit[1] q; let v = {expression}; rx(v) q[0]; }}");
        var angle = Assert.Single(ir.Gates).Angles[0];
        Assert.True(angle.IsConstant);
        return checked((long)angle.Constant);
    }

    private static AffineExpression Angle(string angle, string declarations = "param theta[4];", params (string, long)[] args)
    {
        var ir = Lower($"circuit c(int n = 4) {{ qubit[1] q; {declarations} rx({angle}) q[0]; rx(theta[0] + theta[1] + theta[2] + theta[3]) q[0]; }}", args);
        return ir.Gates[0].Angles[0];
    }

    // Loops

    [Fact]
    public void Range_bounds_are_inclusive()
    {
        Assert.Equal(new[] { 1, 2, 3 }, Targets(Lower("circuit c() { qubit[5] q; for int i in [1 : 3] x q[i]; }")));
    }

    [Fact]
    public void Positive_step()
    {
        Assert.Equal(new[] { 0, 2, 4 }, Targets(Lower("circuit c() { qubit[6] q; for int i in [0 : 2 : 5] x q[i]; }")));
        Assert.Equal(new[] { 0, 3 }, Targets(Lower("circuit c() { qubit[6] q; for int i in [0 : 3 : 3] x q[i]; }")));
    }

    [Fact]
    public void Negative_step_counts_down_inclusively()
    {
        Assert.Equal(new[] { 4, 2, 0 }, Targets(Lower("circuit c() { qubit[5] q; for int i in [4 : -2 : 0] x q[i]; }")));
        Assert.Equal(new[] { 3, 2, 1, 0 }, Targets(Lower("circuit c(int n = 4) { qubit[n] q; for int i in [n - 1 : -1 : 0] x q[i]; }")));
    }

    [Theory]
    [InlineData("[2 : 1]")]
    [InlineData("[0 : -1 : 1]")]
    [InlineData("[3 : 2 : 0]")]
    [InlineData("[0 : n - 2]")]
    public void Empty_ranges_run_zero_times(string range)
    {
        var ir = Lower($"circuit c(int n = 1) {{ qubit[4] q; for int i in {range} x q[i]; h q[0]; }}");
        Assert.Equal(GateKind.H, Assert.Single(ir.Gates).Kind);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    public void Min_trick_runs_a_body_once_when_n_is_large_enough(long n, int expected)
    {
        var ir = Lower("circuit c(int n = 1) { qubit[n] q; for int g in [3 : min(n, 3)] cx q[n - 1], q[0]; }", ("n", n));
        Assert.Equal(expected, ir.Gates.Count);
    }

    [Fact]
    public void Nested_loops_and_a_let_re_evaluated_per_iteration()
    {
        var ir = Lower("circuit c(int n = 3) { qubit[n] q; for int a in [0 : 1] { for int b in [0 : n - 1] { let t = (a + b) % n; x q[t]; } } }");
        Assert.Equal(new[] { 0, 1, 2, 1, 2, 0 }, Targets(ir));
    }

    [Fact]
    public void Loop_step_from_an_argument()
    {
        Assert.Equal(new[] { 0, 3 }, Targets(Lower("circuit c(int s = 2) { qubit[4] q; for int i in [0 : s : 3] x q[i]; }", ("s", 3))));
    }

    // Integer arithmetic

    [Fact]
    public void Ring_index_wraps_with_floored_modulo()
    {
        var ir = Lower("circuit c(int n = 4) { qubit[n] q; for int i in [0 : n - 1] cx q[(i - 1) % n], q[i]; }");
        Assert.Equal(new[] { (3, 0), (0, 1), (1, 2), (2, 3) }, ir.Gates.Select(g => (g.Controls[0], g.Targets[0])));
    }

    [Theory]
    [InlineData("-1 % 4", 3)]
    [InlineData("-1 / 4", -1)]
    [InlineData("7 / 2", 3)]
    [InlineData("-7 / 2", -4)]
    [InlineData("7 % -3", -2)]
    [InlineData("7 / -3", -3)]
    [InlineData("(0 - 1) % 4", 3)]
    [InlineData("ceil_log2(1)", 0)]
    [InlineData("ceil_log2(2)", 1)]
    [InlineData("ceil_log2(16)", 4)]
    [InlineData("ceil_log2(17)", 5)]
    [InlineData("min(3, -2)", -2)]
    [InlineData("max(3, -2)", 3)]
    [InlineData("2 ^ 10", 1024)]
    [InlineData("2^3^2", 512)]
    [InlineData("-2^2", 4)]
    [InlineData("0^0", 1)]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 3 - 2", 5)]
    [InlineData("2 * 3 % 4", 2)]
    public void Integer_expressions(string expression, long expected)
    {
        Assert.Equal(expected, IntegerValue(expression));
    }

    [Fact]
    public void Integer_expressions_over_arguments_and_lets()
    {
        Assert.Equal(4, IntegerValue("ceil_log2(f)", "int f = 16"));
        Assert.Equal(28, IntegerValue("a * b + 1", "int a = 3, int b = a * 3"));
    }

    [Fact]
    public void Floored_division_and_modulo_satisfy_the_division_identity()
    {
        var pairs =
            from a in Gen.Choose(-40, 40)
            from b in Gen.Choose(-9, 9).Where(b => b != 0)
            select (a, b);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var (a, b) = p;
            long q = IntegerValue($"({a}) / ({b})");
            long r = IntegerValue($"({a}) % ({b})");
            return q == (long)Math.Floor(a / (double)b) && a == q * b + r && (r == 0 || Math.Sign(r) == Math.Sign(b));
        }));
    }

    // Angles

    [Fact]
    public void Affine_angle_has_coefficient_and_constant()
    {
        var a = Angle("2 * theta[1] + pi / 2");
        var term = Assert.Single(a.Terms);
        Assert.Equal(1, term.ParameterIndex);
        Assert.Equal(2.0, term.Coefficient);
        Assert.Equal(Math.PI / 2, a.Constant, 15);
    }

    [Fact]
    public void One_half_in_an_angle_is_real_division()
    {
        var a = Angle("1/2");
        Assert.True(a.IsConstant);
        Assert.Equal(0.5, a.Constant);
        Assert.Equal(Math.PI / 4, Angle("pi / n").Constant, 15);
        Assert.Equal(0.75, Angle("n / 4 - 1/4").Constant, 15);
    }

    [Fact]
    public void Integer_let_in_an_angle_keeps_integer_division()
    {
        var a = Angle("k", "param theta[4]; let k = 7 / 2;");
        Assert.Equal(3.0, a.Constant);
    }

    [Fact]
    public void Sums_differences_and_scalings_of_parameters()
    {
        var diff = Angle("theta[0] - theta[1]");
        Assert.Equal(new[] { (0, 1.0), (1, -1.0) }, diff.Terms.Select(t => (t.ParameterIndex, t.Coefficient)));

        var merged = Angle("theta[2] * 2 + theta[2]");
        Assert.Equal((2, 3.0), (merged.Terms.Single().ParameterIndex, merged.Terms.Single().Coefficient));

        var scaled = Angle("0.5 * (theta[3] + 2) - 1e-3");
        Assert.Equal((3, 0.5), (scaled.Terms.Single().ParameterIndex, scaled.Terms.Single().Coefficient));
        Assert.Equal(1 - 1e-3, scaled.Constant, 15);

        var negated = Angle("-theta[1] / 4");
        Assert.Equal(-0.25, negated.Terms.Single().Coefficient);

        var cancelled = Angle("theta[0] - theta[0] + 1");
        Assert.True(cancelled.IsConstant);
        Assert.Equal(1.0, cancelled.Constant);
    }

    [Fact]
    public void Real_let_carries_parameters()
    {
        var a = Angle("u + u", "param theta[4]; let u = 2 * theta[3] + 1;");
        Assert.Equal((3, 4.0), (a.Terms.Single().ParameterIndex, a.Terms.Single().Coefficient));
        Assert.Equal(2.0, a.Constant);
    }

    [Fact]
    public void Parameter_vector_is_arrays_in_declaration_order_row_major()
    {
        var ir = Lower("circuit c() { qubit[1] q; param a[2]; param b[2][3]; rx(b[1][2]) q; rx(a[1]) q; rx(b[0][1]) q; rx(a[0] + b[0][0] + b[0][2] + b[1][0] + b[1][1]) q; }");
        Assert.Equal(8, ir.ParameterCount);
        Assert.Equal(new[] { ("a", 0, 2), ("b", 2, 6) }, ir.ParameterArrays.Select(p => (p.Name, p.Offset, p.Size)));
        Assert.Equal(new[] { 7, 1, 3 }, ir.Gates.Take(3).Select(g => g.Angles[0].Terms.Single().ParameterIndex));
        Assert.Equal("b[1][2]", ir.ParameterName(7));
        Assert.Equal("a[1]", ir.ParameterName(1));
    }

    // Registers, broadcasting, modifiers

    [Fact]
    public void Registers_are_numbered_in_declaration_order()
    {
        var ir = Lower("circuit c() { qubit[2] a; qubit[3] b; x b[0]; x a[1]; cx a[0], b[2]; }");
        Assert.Equal(5, ir.QubitCount);
        Assert.Equal(new[] { "X c=[] t=[2] a=[]", "X c=[] t=[1] a=[]", "X c=[0] t=[4] a=[]" }, ir.Gates.Select(FrontEnd.Describe));
    }

    [Fact]
    public void Single_qubit_gates_broadcast_over_registers_and_slices()
    {
        var ir = Lower("circuit c() { qubit[2] a; qubit[3] b; param t[1]; h b; rz(t[0] + 1) a[0:1]; x b[1:1]; }");
        Assert.Equal(new[] { 2, 3, 4, 0, 1, 3 }, Targets(ir));
        Assert.All(ir.Gates.Skip(3).Take(2), g => Assert.Equal("p[0] + 1", g.Angles[0].ToString()));
        Assert.All(ir.Gates, g => Assert.Empty(g.Controls));
    }

    [Fact]
    public void Ctrl_modifiers_add_leading_controls()
    {
        var ir = Lower(
            "circuit c() { qubit[4] q; param t[1];" +
            " ctrl @ ry(t[0]) q[0], q[1];" +
            " ctrl(2) @ x q[0], q[1], q[2];" +
            " ctrl @ cx q[3], q[0], q[1];" +
            " ctrl @ swap q[0], q[1], q[2];" +
            " ctrl @ ctrl @ h q[1], q[2], q[3];" +
            " ccx q[2], q[0], q[3]; }");
        Assert.Equal(new[]
        {
            "RY c=[0] t=[1] a=[p[0]]",
            "X c=[0,1] t=[2] a=[]",
            "X c=[3,0] t=[1] a=[]",
            "Swap c=[0] t=[1,2] a=[]",
            "H c=[1,2] t=[3] a=[]",
            "X c=[2,0] t=[3] a=[]",
        }, ir.Gates.Select(FrontEnd.Describe));
    }

    [Fact]
    public void Inv_modifier_inverts_gates_at_compile_time()
    {
        var ir = Lower(
            "circuit c() { qubit[3] q; param t[3];" +
            " inv @ s q[0];" +                              // sdg
            " inv @ sdg q[0];" +                            // s
            " inv @ t q[0];" +                              // tdg
            " inv @ tdg q[0];" +                            // t
            " inv @ rot(t[0], t[1], t[2]) q[1];" +          // rot(-c, -b, -a)
            " inv @ u3(t[0], t[1], t[2]) q[1];" +           // u3(-θ, -λ, -φ)
            " inv @ rx(t[0] + 1) q[2];" +                   // rx(-θ)
            " inv @ sx q[2];" +                             // sx, adjoint
            " inv @ inv @ sx q[2];" +                       // sx
            " inv @ iswap q[0], q[1];" +                    // iswap, adjoint
            " inv @ h q[0];" +                              // h
            " inv @ crx(t[1]) q[0], q[2];" +                // ctrl rx(-θ)
            " ctrl @ inv @ s q[0], q[1]; }");               // ctrl sdg
        Assert.Equal(new[]
        {
            "Sdg c=[] t=[0] a=[]",
            "S c=[] t=[0] a=[]",
            "Tdg c=[] t=[0] a=[]",
            "T c=[] t=[0] a=[]",
            "Rot c=[] t=[1] a=[-p[2];-p[1];-p[0]]",
            "U3 c=[] t=[1] a=[-p[0];-p[2];-p[1]]",
            "RX c=[] t=[2] a=[-p[0] - 1]",
            "SX† c=[] t=[2] a=[]",
            "SX c=[] t=[2] a=[]",
            "ISwap† c=[] t=[0,1] a=[]",
            "H c=[] t=[0] a=[]",
            "RX c=[0] t=[2] a=[-p[1]]",
            "Sdg c=[0] t=[1] a=[]",
        }, ir.Gates.Select(FrontEnd.Describe));
        Assert.Equal(new[] { false, false, false, false, false, false, false, true, false, true, false, false, false }, ir.Gates.Select(g => g.Adjoint));
    }

    [Fact]
    public void Gate_aliases_lower_to_the_same_kinds()
    {
        var ir = Lower("circuit c() { qubit[3] q; param t[1]; cnot q[0], q[1]; toffoli q[0], q[1], q[2]; phase(t[0]) q[0]; cphase(t[0]) q[0], q[1]; u(t[0], 0, 0) q[0]; cswap q[0], q[1], q[2]; }");
        Assert.Equal(new[] { "X c=[0] t=[1] a=[]", "X c=[0,1] t=[2] a=[]", "P c=[] t=[0] a=[p[0]]", "P c=[0] t=[1] a=[p[0]]", "U3 c=[] t=[0] a=[p[0];0;0]", "Swap c=[0] t=[1,2] a=[]" },
            ir.Gates.Select(FrontEnd.Describe));
    }

    // Calls

    private const string CallProgram =
        "circuit c(int n = 4, int layers = 2) {\n" +
        "    qubit[n] q;\n" +
        "    param theta[layers][3];\n" +
        "    param w[2][4];\n" +
        "    for int l in [0 : layers - 1] rots(3) q[1:3] with angles = theta[l];\n" +
        "    pair() q[0], q[3] with v = w[1][1:2];\n" +
        "    dflt(2) q[0:1];\n" +
        "    readout probs q;\n" +
        "}\n" +
        "circuit rots(int k, int m = 2 * k) {\n" +
        "    qubit[k] r;\n" +
        "    param angles[k];\n" +
        "    for int i in [0 : k - 1] ry(angles[i]) r[i];\n" +
        "    x r[m - k - 1];\n" +
        "    readout expval(z) each r;\n" +
        "}\n" +
        "circuit pair() {\n" +
        "    qubit[1] a;\n" +
        "    qubit[1] b;\n" +
        "    param v[2];\n" +
        "    crz(v[0]) a[0], b[0];\n" +
        "    rx(v[1]) b[0];\n" +
        "    readout state;\n" +
        "}\n" +
        "circuit dflt(int n, int m = n + 1) {\n" +
        "    qubit[n] q;\n" +
        "    for int i in [0 : m - 1] h q[i % n];\n" +
        "}\n";

    [Fact]
    public void Calls_inline_with_qubit_slices_parameter_rows_and_defaults()
    {
        var compilation = FrontEnd.Compile(CallProgram);
        Assert.False(compilation.HasErrors, FrontEnd.Dump(compilation.Diagnostics));
        var ir = compilation.Lower("c").Circuit!;
        Assert.Equal(4, ir.QubitCount);
        Assert.Equal(6 + 8, ir.ParameterCount);
        Assert.Equal(new[]
        {
            "RY c=[] t=[1] a=[p[0]]", "RY c=[] t=[2] a=[p[1]]", "RY c=[] t=[3] a=[p[2]]", "X c=[] t=[3] a=[]",   // layer 0, m = 2k default
            "RY c=[] t=[1] a=[p[3]]", "RY c=[] t=[2] a=[p[4]]", "RY c=[] t=[3] a=[p[5]]", "X c=[] t=[3] a=[]",   // layer 1: theta[1]
            "RZ c=[0] t=[3] a=[p[11]]", "RX c=[] t=[3] a=[p[12]]",                                              // w[1][1:2] = flat 6 + 4 + 1
            "H c=[] t=[0] a=[]", "H c=[] t=[1] a=[]", "H c=[] t=[0] a=[]",                                        // m = n + 1 = 3
        }, ir.Gates.Select(FrontEnd.Describe));
        // Callee readouts (expval, state) are ignored: only the caller's probs remain.
        var readout = Assert.Single(ir.Readouts);
        Assert.Equal(IrReadoutKind.Probabilities, readout.Kind);
        Assert.Equal(16, ir.ReadoutLength);
    }

    [Fact]
    public void Lower_with_overridden_arguments()
    {
        var compilation = FrontEnd.Compile(CallProgram);
        var result = compilation.Lower("c", new Dictionary<string, long> { ["layers"] = 1, ["n"] = 5 });
        Assert.True(result.Success, FrontEnd.Dump(result.Diagnostics));
        var ir = result.Circuit!;
        Assert.Equal(new[] { new KeyValuePair<string, long>("n", 5), new KeyValuePair<string, long>("layers", 1) }, ir.Arguments);
        Assert.Equal(5, ir.QubitCount);
        Assert.Equal(3 + 8, ir.ParameterCount);
        Assert.Contains("RZ c=[0] t=[3] a=[p[8]]", ir.Gates.Select(FrontEnd.Describe));
        Assert.Equal(4 + 2 + 3, ir.Gates.Count);
    }

    [Fact]
    public void Lower_at_arguments_that_break_an_index_reports_the_located_error()
    {
        var compilation = FrontEnd.Compile(CallProgram);
        var result = compilation.Lower("c", new Dictionary<string, long> { ["n"] = 3 });
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal("QC2004", d.Id);
        Assert.Contains("qubit index 3 is out of range for register 'q' of size 3", d.Message);
        Assert.Equal(5, d.Span.Line);
    }

    [Fact]
    public void Parameter_slice_with_a_range_binds_a_contiguous_block()
    {
        var ir = Lower(
            "circuit c() { qubit[2] q; param theta[2][5]; sub() q with w = theta[1][0:3]; rx(theta[0][0] + theta[0][1] + theta[0][2] + theta[0][3] + theta[0][4] + theta[1][4]) q[0]; }\n" +
            "circuit sub() { qubit[2] r; param w[2][2]; for int i in [0 : 1] { rx(w[i][0]) r[i]; rz(w[i][1]) r[i]; } }");
        Assert.Equal(new[] { 5, 6, 7, 8 }, ir.Gates.Take(4).Select(g => g.Angles[0].Terms.Single().ParameterIndex));
    }

    [Fact]
    public void Callee_default_can_use_an_earlier_argument_and_caller_can_override_it()
    {
        const string lib = "\ncircuit sub(int k, int m = 2 * k) { qubit[k] r; x r[(m + k - 1) % k]; for int i in [0 : m - 1] h r[0]; }";
        var byDefault = Lower("circuit c() { qubit[3] q; sub(3) q; }" + lib);
        Assert.Equal(1 + 6, byDefault.Gates.Count);
        Assert.Equal(new[] { 2 }, byDefault.Gates[0].Targets);
        var overridden = Lower("circuit c() { qubit[3] q; sub(3, 4) q; }" + lib);
        Assert.Equal(1 + 4, overridden.Gates.Count);
        Assert.Equal(new[] { 0 }, overridden.Gates[0].Targets);
    }

    [Fact]
    public void Amplitude_projection_calls_strongly_entangling_with_row_major_weights()
    {
        var compilation = FrontEnd.Compile(
            ("amplitude_projection.qc", FrontEnd.Example("amplitude_projection.qc")),
            ("strongly_entangling.qc", FrontEnd.Example("strongly_entangling.qc")));
        Assert.Empty(compilation.Diagnostics);
        var ir = compilation.Lower("amplitude_projection").Circuit!;
        Assert.Equal(4, ir.QubitCount);
        Assert.Equal(16, ir.Input!.Length);
        Assert.Equal(2 * 4 * 3, ir.ParameterCount);
        var rots = ir.Gates.Where(g => g.Kind == GateKind.Rot).ToList();
        Assert.Equal(8, rots.Count);
        // Layer 1, qubit 2: weights[1][2][0..2] = flat 12 + 6 + 0..2.
        Assert.Equal("Rot c=[] t=[2] a=[p[18];p[19];p[20]]", FrontEnd.Describe(rots[6]));
        // Layer 0 range r = 1, layer 1 range r = 2.
        var cnots = ir.Gates.Where(g => g.Kind == GateKind.X).Select(g => (g.Controls[0], g.Targets[0])).ToList();
        Assert.Equal(new[] { (0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (1, 3), (2, 0), (3, 1) }, cnots);
        Assert.Equal(IrReadoutKind.Probabilities, ir.Readouts.Single().Kind);
    }

    // Lower(name, args) errors

    [Fact]
    public void Unknown_argument_name_is_reported_and_names_the_known_ones()
    {
        var result = FrontEnd.Compile(CallProgram).Lower("c", new Dictionary<string, long> { ["k"] = 3 });
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("QC2016", d.Id);
        Assert.Contains("no argument named 'k'", d.Message);
        Assert.Contains("n, layers", d.Message);
        Assert.Equal((1, 9), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Unknown_argument_message_is_a_readable_sentence()
    {
        // The message is currently built by stuffing a sentence into "'{0}' takes {1} argument(s) but {2} were given":
        // "'c.k' takes no argument named 'k' among n, layers argument(s) but 1 were given".
        var d = FrontEnd.Compile(CallProgram).Lower("c", new Dictionary<string, long> { ["k"] = 3 }).Diagnostics.Single();
        Assert.DoesNotContain("argument(s) but", d.Message);
        Assert.DoesNotContain("'c.k'", d.Message);
        Assert.Equal("QC2016", d.Id);
        Assert.Contains("has no argument named 'k'", d.Message);
    }

    [Fact]
    public void Missing_required_argument_message_is_a_readable_sentence()
    {
        // Currently: "'dflt' takes a value for 'n' (it has no default) argument(s) but none were given".
        var result = FrontEnd.Compile(CallProgram).Lower("dflt");
        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("QC2017", d.Id);
        Assert.Contains("'n'", d.Message);
        Assert.Equal((25, 14), (d.Span.Line, d.Span.Column));
        Assert.DoesNotContain("argument(s) but", d.Message);
    }

    [Fact]
    public void Lower_of_an_unknown_circuit_throws_naming_the_declared_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => FrontEnd.Compile(CallProgram).Lower("nope"));
        Assert.Contains("no circuit named 'nope'", e.Message);
        Assert.Contains("rots", e.Message);
    }

    [Fact]
    public void Lower_refuses_a_compilation_with_errors()
    {
        var compilation = FrontEnd.Compile("circuit c() { qubit[1] q; foo q; }");
        var e = Assert.Throws<InvalidOperationException>(() => compilation.Lower("c"));
        Assert.Contains("QC1001", e.Message);
    }

    // Readouts and encode

    [Fact]
    public void Readouts_concatenate_in_source_order_with_their_lengths()
    {
        var ir = Lower("circuit c() { qubit[3] q; h q; readout expval(x, y, z) each q[0:1]; readout pauli(z q[2], i q[0]); readout probs q[2], q[0]; readout state; }");
        Assert.Equal(new[] { IrReadoutKind.ExpvalEach, IrReadoutKind.PauliString, IrReadoutKind.Probabilities, IrReadoutKind.State }, ir.Readouts.Select(r => r.Kind));
        Assert.Equal(new[] { 0, 1 }, ir.Readouts[0].Qubits);
        Assert.Equal("zi", ir.Readouts[1].Axes);
        Assert.Equal(new[] { 2, 0 }, ir.Readouts[1].Qubits);
        Assert.Equal(new[] { 2, 0 }, ir.Readouts[2].Qubits);
        Assert.Equal(6 + 1 + 4 + 16, ir.ReadoutLength);
    }

    [Fact]
    public void Encode_declares_an_input_of_the_evaluated_length()
    {
        var ir = Lower("circuit c(int f = 5) { qubit[ceil_log2(f)] q; encode amplitude(x[f]) q; h q; readout probs q; }");
        Assert.Equal(3, ir.QubitCount);
        Assert.Equal(("x", 5), (ir.Input!.Name, ir.Input.Length));
    }

    [Fact]
    public void Gate_origins_point_at_the_source_statement()
    {
        var ir = Lower("circuit c() {\n  qubit[2] q;\n  for int i in [0:1]\n    h q[i];\n}");
        Assert.All(ir.Gates, g => Assert.Equal((4, 5), (g.Origin.Line, g.Origin.Column)));
    }
}
