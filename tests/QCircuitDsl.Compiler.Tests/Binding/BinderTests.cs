using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;

namespace QCircuitDsl.Compiler.Tests.Binding;

public class BinderTests
{
    private static Diagnostic Single(QcCompilation c, string id)
    {
        var matches = c.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got:\n{FrontEnd.Dump(c.Diagnostics)}");
        return matches[0];
    }

    [Fact]
    public void Several_errors_are_reported_in_one_pass()
    {
        const string source =
            "circuit a() {\n" +
            "    qubit[2] q;\n" +
            "    foo q[0];\n" +        // QC1001
            "    rx(zz) q[1];\n" +     // QC1002
            "    cx q[0];\n" +         // QC2002
            "}\n";
        var c = FrontEnd.Compile(source);
        var errors = c.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(new[] { "QC1001", "QC1002", "QC2002" }, errors.Select(d => d.Id));
        Assert.Equal(new[] { 3, 4, 5 }, errors.Select(d => d.Span.Line));
        Assert.Equal(new[] { 5, 8, 5 }, errors.Select(d => d.Span.Column));
    }

    [Fact]
    public void Errors_in_several_circuits_and_files_are_all_reported_and_ordered_by_position()
    {
        var c = FrontEnd.Compile(
            ("one.qc", "circuit a() { qubit[1] q; h q[5]; }\ncircuit b() { qubit[1] q; foo q; }"),
            ("two.qc", "circuit c() { qubit[1] q; rx(zz) q; }"));
        var errors = c.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(new[] { "one.qc:QC1001", "two.qc:QC1002" }, errors.Select(d => d.FilePath + ":" + d.Id));
        // Binding errors stop the compile-time instantiation, so a's out-of-range index is not reported yet.
        Assert.DoesNotContain(errors, d => d.Id == "QC2004");
    }

    [Fact]
    public void Direct_recursion_names_the_chain()
    {
        var d = Single(FrontEnd.Compile("circuit a() {\n  qubit[1] q;\n  a() q;\n}"), "QC1004");
        Assert.Equal("recursive circuit call: a → a; circuits must not call themselves directly or indirectly", d.Message);
        Assert.Equal((3, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Indirect_recursion_across_two_files_names_the_chain_at_the_closing_call()
    {
        var c = FrontEnd.Compile(
            ("a.qc", "circuit a() {\n  qubit[1] q;\n  b() q;\n}"),
            ("b.qc", "circuit b() {\n  qubit[1] q;\n  h q;\n  a() q;\n}"));
        var d = Single(c, "QC1004");
        Assert.Equal("b.qc", d.FilePath);
        Assert.Equal((4, 3), (d.Span.Line, d.Span.Column));
        Assert.Contains("a → b → a", d.Message);
        Assert.True(c.HasErrors);
    }

    [Fact]
    public void Three_circuit_cycle_is_reported_once_with_the_whole_chain()
    {
        var c = FrontEnd.Compile(
            "circuit a() { qubit[1] q; b() q; }\n" +
            "circuit b() { qubit[1] q; c() q; }\n" +
            "circuit c() { qubit[1] q; a() q; }\n" +
            "circuit d() { qubit[1] q; a() q; }\n");
        var d = Single(c, "QC1004");
        Assert.Contains("a → b → c → a", d.Message);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void A_circuit_may_call_one_declared_later_or_in_another_file()
    {
        var c = FrontEnd.Compile(
            ("main.qc", "circuit main() { qubit[2] q; param t[2]; helper() q with w = t; readout probs q; }"),
            ("lib.qc", "circuit helper() { qubit[2] r; param w[2]; rx(w[0]) r[0]; cry(w[1]) r[0], r[1]; }"));
        Assert.Empty(c.Diagnostics);
        Assert.Equal(new[] { "main", "helper" }, c.Circuits.Select(x => x.Name));
    }

    [Fact]
    public void Duplicate_circuit_in_another_file_is_reported_in_that_file()
    {
        var c = FrontEnd.Compile(
            ("one.qc", "circuit a() { qubit[1] q; h q; }"),
            ("two.qc", "\n\ncircuit a() { qubit[1] q; x q; }"));
        var d = Single(c, "QC1003");
        Assert.Equal("two.qc", d.FilePath);
        Assert.Equal((3, 9), (d.Span.Line, d.Span.Column));
        Assert.Single(c.Circuits);
    }

    [Fact]
    public void Index_out_of_range_is_found_at_compile_time_when_all_arguments_have_defaults()
    {
        var c = FrontEnd.Compile("circuit a(int n = 3, int m = n + 1) {\n  qubit[n] q;\n  h q[m - 1];\n}");
        var d = Single(c, "QC2004");
        Assert.Equal("qubit index 3 is out of range for register 'q' of size 3", d.Message);
        Assert.Equal((3, 7), (d.Span.Line, d.Span.Column));
        Assert.Empty(c.DefaultInstances);
    }

    [Fact]
    public void Index_out_of_range_is_not_a_compile_time_error_when_an_argument_has_no_default()
    {
        var c = FrontEnd.Compile("circuit a(int n) {\n  qubit[n] q;\n  h q[n];\n}");
        Assert.False(c.HasErrors, FrontEnd.Dump(c.Diagnostics));
        Assert.DoesNotContain(c.Diagnostics, d => d.Id == "QC2004");
        Assert.Empty(c.DefaultInstances);
        Assert.False(c.GetCircuit("a")!.HasDefaultInstantiation);

        // ... but instantiating it finds the error, located in the source.
        var lowered = c.Lower("a", new Dictionary<string, long> { ["n"] = 3 });
        Assert.False(lowered.Success);
        Assert.Null(lowered.Circuit);
        var d = Assert.Single(lowered.Diagnostics);
        Assert.Equal("QC2004", d.Id);
        Assert.Equal("qubit index 3 is out of range for register 'q' of size 3", d.Message);
        Assert.Equal((3, 7), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Circuit_with_a_required_argument_gets_the_QC9003_notice()
    {
        // docs/language.md: "otherwise shapes and indices are checked when the generated class is constructed (notice QC9003)".
        var c = FrontEnd.Compile("circuit a(int n) {\n  qubit[n] q;\n  h q;\n}");
        var d = Single(c, "QC9003");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("circuit 'a' has arguments without defaults", d.Message);
        Assert.False(c.HasErrors);
    }

    [Fact]
    public void Circuits_with_all_defaults_get_no_QC9003()
    {
        var c = FrontEnd.Compile("circuit a(int n = 2) { qubit[n] q; h q; }");
        Assert.Empty(c.Diagnostics);
        Assert.Single(c.DefaultInstances);
    }

    [Fact]
    public void Same_qubit_twice_through_a_loop_variable_is_found_without_arguments()
    {
        var c = FrontEnd.Compile("circuit a(int n) { qubit[n] q; for int i in [0 : n - 1] cz q[i], q[i]; }");
        var d = Single(c, "QC2005");
        Assert.Equal("the same qubit q[i] appears twice in one gate", d.Message);
        Assert.Equal(66, d.Span.Column);
    }

    [Fact]
    public void Same_qubit_twice_after_evaluation_is_found_when_lowering()
    {
        var c = FrontEnd.Compile("circuit a(int n) { qubit[n] q; cx q[0], q[n - 2]; }");
        Assert.False(c.HasErrors, FrontEnd.Dump(c.Diagnostics));
        Assert.True(c.Lower("a", new Dictionary<string, long> { ["n"] = 3 }).Success);
        var lowered = c.Lower("a", new Dictionary<string, long> { ["n"] = 2 });
        var d = Assert.Single(lowered.Diagnostics);
        Assert.Equal("QC2005", d.Id);
        Assert.Equal(41, d.Span.Column);
    }

    [Fact]
    public void Unused_parameter_whole_array_is_reported_once_not_also_per_element()
    {
        var c = FrontEnd.Compile("circuit a() { qubit[1] q; param t[2]; param u[3]; rx(u[0] + u[1] + u[2]) q; }");
        var d = Single(c, "QC9001");
        Assert.Equal("parameter 't' is never used by a gate", d.Message);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.False(c.HasErrors);
    }

    [Fact]
    public void Unused_parameter_elements_are_listed_with_the_defaults()
    {
        var c = FrontEnd.Compile("circuit a(int n = 6) {\n  qubit[2] q;\n  param t[2][n];\n  rx(t[1][0]) q[0];\n}");
        var d = Single(c, "QC9001");
        Assert.Equal("parameter 't' is never used by a gate at elements t[0][0], t[0][1], t[0][2], t[0][3] and 7 more (with the default arguments)", d.Message);
        Assert.Equal((3, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Parameters_bound_to_a_call_count_as_used_through_the_callee()
    {
        var c = FrontEnd.Compile(
            "circuit a() { qubit[2] q; param t[2][2]; b() q with w = t[1]; }\n" +
            "circuit b() { qubit[2] q; param w[2]; rx(w[0]) q[0]; rx(w[1]) q[1]; }");
        var d = Single(c, "QC9001");
        Assert.Equal(1, d.Span.Line);
        Assert.Contains("at elements t[0][0], t[0][1]", d.Message);
    }

    [Fact]
    public void A_projection_with_its_own_readout_clause_is_parsed_and_warned_about_but_not_compiled()
    {
        var c = FrontEnd.Compile("layer head(int n = 4) { circuit sim(n); weights w; readout probs; linear n; }\ncircuit a() { qubit[1] q; h q; }");
        var d = Single(c, "QC9002");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal((1, 7), (d.Span.Line, d.Span.Column));
        Assert.Empty(c.Layers);
        Assert.Equal(new[] { "a" }, c.Circuits.Select(x => x.Name));
        Assert.False(c.HasErrors);
    }

    private const string Memory = "circuit cell(int n = 2) { qubit[n] q; param theta[2 * n]; for int i in [0 : n - 1] { ry(theta[i]) q[i]; rz(theta[n + i]) q[i]; } readout expval(z) each q; }\n";

    [Fact]
    public void A_recurrent_layer_binds_its_memory_drive_and_inputs()
    {
        var c = FrontEnd.Compile(Memory + "layer rnn(int n = 3, int width = 5, int hidden = 7) { memory cell(n); drive theta from controller(hidden, leaky_relu); inputs width; }");
        Assert.Empty(c.Diagnostics);
        var layer = Assert.Single(c.Layers);
        Assert.Equal("cell", layer.Memory!.Name);
        Assert.Equal("theta", layer.DrivenArray!.Name);
        Assert.Equal("leaky_relu", layer.Activation);
        Assert.Equal(new[] { "n", "width", "hidden" }, layer.Parameters.Select(p => p.Name));
    }

    private const string Entangler = "circuit ent(int n = 3) { qubit[n] q; param w[n]; for int i in [0 : n - 1] ry(w[i]) q[i]; readout expval(z) each q; }\n";

    [Fact]
    public void A_projection_layer_binds_its_circuit_weights_and_widths()
    {
        var c = FrontEnd.Compile(Entangler + "layer proj(int d = 7, int out = 5) { inputs d; circuit ent(3); encode amplitude; weights w; linear out; }");
        Assert.Empty(c.Diagnostics);
        var layer = Assert.Single(c.Layers);
        Assert.Equal(LayerKind.Projection, layer.Kind);
        Assert.Equal("ent", layer.Memory!.Name);
        Assert.Equal("w", layer.WeightsArray!.Name);
    }

    [Theory]
    [InlineData("layer p(int d = 7) { inputs d; circuit ent(3); encode angle; weights w; linear d; }", "QC1006")]
    [InlineData("layer p(int d = 7) { inputs d; circuit ent(3); encode amplitude; weights v; linear d; }", "QC2012")]
    [InlineData("layer p(int d = 7) { inputs d; circuit ent(3); encode amplitude; weights w; }", "QC1012")]
    [InlineData("layer p(int d = 7) { inputs d; weights w; circuit ent(3); encode amplitude; linear d; }", "QC1008")]
    [InlineData("layer p(int d = 7) { inputs d; circuit ent(3); encode amplitude; weights w; linear d; memory ent(3); }", "QC1011")]
    public void Projection_layer_errors(string layer, string id)
    {
        var c = FrontEnd.Compile(Entangler + layer);
        Assert.Contains(c.Diagnostics, d => d.Id == id && d.Span.Line == 2);
        Assert.Empty(c.Layers);
    }

    [Fact]
    public void A_projection_circuit_must_read_something_out()
    {
        var c = FrontEnd.Compile("circuit silent() { qubit[2] q; param w[2]; ry(w[0]) q[0]; ry(w[1]) q[1]; }\nlayer p(int d = 3) { inputs d; circuit silent(); encode amplitude; weights w; linear d; }");
        Assert.Contains(c.Diagnostics, d => d.Id == "QC2013" && d.Message.Contains("reads nothing out"));
    }

    [Theory]
    [InlineData("layer r(int n = 2) { memory nope(n); drive theta from controller(4, gelu); inputs n; }", "QC1001")]
    [InlineData("layer r(int n = 2) { memory cell(n); drive phi from controller(4, gelu); inputs n; }", "QC2012")]
    [InlineData("layer r(int n = 2) { memory cell(n, 1, 2); drive theta from controller(4, gelu); inputs n; }", "QC2001")]
    [InlineData("layer r(int n = 2) { memory cell(n); drive theta from mlp(4, gelu); inputs n; }", "QC2013")]
    [InlineData("layer r(int n = 2) { drive theta from controller(4, gelu); memory cell(n); inputs n; }", "QC1008")]
    [InlineData("layer r(int n = 2) { memory cell(n); memory cell(n); drive theta from controller(4, gelu); inputs n; }", "QC1003")]
    [InlineData("layer r(int n = 2) { memory cell(m); drive theta from controller(4, gelu); inputs n; }", "QC1002")]
    public void Recurrent_layer_errors(string layer, string id)
    {
        var c = FrontEnd.Compile(Memory + layer);
        Assert.Contains(c.Diagnostics, d => d.Id == id && d.Span.Line == 2);
        Assert.Empty(c.Layers);
    }

    [Fact]
    public void Register_declared_after_a_gate_is_a_misplaced_statement()
    {
        // docs/language.md: "The body has this order: 1. Declarations ... 2. encode ... 3. Gates ... 4. Readouts."
        var c = FrontEnd.Compile("circuit a() {\n  qubit[1] q;\n  h q;\n  qubit[1] r;\n  x r;\n}");
        var d = Single(c, "QC1008");
        Assert.Equal((4, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Parameter_array_declared_after_a_gate_is_a_misplaced_statement()
    {
        var c = FrontEnd.Compile("circuit a() {\n  qubit[1] q;\n  h q;\n  param t[1];\n  rx(t[0]) q;\n}");
        var d = Single(c, "QC1008");
        Assert.Equal((4, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Let_before_a_declaration_is_allowed_for_sizes()
    {
        var c = FrontEnd.Compile("circuit a(int f = 16) { let n = ceil_log2(f); qubit[n] q; param t[n]; for int i in [0 : n - 1] ry(t[i]) q[i]; }");
        Assert.Empty(c.Diagnostics);
        Assert.Equal(4, c.DefaultInstances.Single().Value.QubitCount);
    }

    [Fact]
    public void Reversed_qubit_slice_is_reported_as_an_invalid_range_not_as_an_index_out_of_range()
    {
        // q[2:1] has both ends inside the register; "qubit index 1 is out of range for register 'q' of size 3" is wrong.
        var c = FrontEnd.Compile("circuit a() { qubit[3] q; h q[2:1]; }");
        var d = Assert.Single(c.Diagnostics);
        Assert.Equal("QC2015", d.Id);
        Assert.DoesNotContain("qubit index 1 is out of range", d.Message);
    }

    [Fact]
    public void Loop_variable_is_scoped_to_its_body_and_may_be_reused()
    {
        var ok = FrontEnd.Compile("circuit a() { qubit[2] q; for int i in [0:1] h q[i]; for int i in [0:1] x q[i]; }");
        Assert.Empty(ok.Diagnostics);
        var bad = FrontEnd.Compile("circuit a() { qubit[2] q; for int i in [0:1] h q[i]; x q[i]; }");
        var d = Single(bad, "QC1002");
        Assert.Equal("unknown identifier 'i'", d.Message);
        Assert.Equal(58, d.Span.Column);
    }

    [Fact]
    public void Let_inside_a_loop_is_fresh_each_iteration_and_not_visible_after_it()
    {
        var ok = FrontEnd.Compile("circuit a() { qubit[2] q; for int i in [0:1] { let t = 1 - i; x q[t]; } }");
        Assert.Empty(ok.Diagnostics);
        var bad = FrontEnd.Compile("circuit a() { qubit[2] q; for int i in [0:1] { let t = 1 - i; } x q[t]; }");
        Assert.Equal("unknown identifier 't'", Single(bad, "QC1002").Message);
    }

    [Fact]
    public void Pi_is_a_real_constant_and_can_be_shadowed_by_an_argument()
    {
        var real = FrontEnd.Compile("circuit a() { qubit[2] q; h q[pi]; }");
        Assert.Contains("(qubit index)", Single(real, "QC2003").Message);
        var shadowed = FrontEnd.Compile("circuit a(int pi = 1) { qubit[2] q; h q[pi]; }");
        Assert.Empty(shadowed.Diagnostics);
    }

    [Fact]
    public void Expval_without_operands_reads_all_registers()
    {
        var c = FrontEnd.Compile("circuit a() { qubit[2] q; qubit[1] r; h q; readout expval(z, x) each; readout probs; }");
        Assert.Empty(c.Diagnostics);
        var ir = c.DefaultInstances.Single().Value;
        Assert.Equal(new[] { 0, 1, 2 }, ir.Readouts[0].Qubits);
        Assert.Equal("zx", ir.Readouts[0].Axes);
        Assert.Equal(6 + 8, ir.ReadoutLength);
    }

    private static readonly string[] StatementTemplates =
    {
        "h q[{0}];", "x q;", "cx q[{0}], q[{1}];", "rx(theta[{0}]) q[{1}];", "ry(2 * theta[{0}] + pi / {1}) q[{0}];",
        "rot(theta[{0}], -theta[{1}], 0.5) q[{1}:{0}];", "for int i in [{0} : {1}] h q[i];", "for int i in [{0} : -1 : {1}] {{ let r = (i - 1) % n; x q[r]; }}",
        "let k{0} = {1} / {0};", "ctrl @ ry(theta[{1}]) q[{0}], q[{1}];", "ctrl({0}) @ x q[0], q[1], q[2];", "inv @ sx q[{0}];",
        "sub({0}) q[{0}:{1}] with w = theta[{0}:{1}];", "sub() q with w = theta;", "readout probs q[{0}:{1}];", "readout expval(x, z) each q;",
        "readout pauli(z q[{0}], x q[{1}]);", "encode amplitude(x[{0}]) q;", "qubit[{0}] r;", "param u[{0}][{1}];", "h r[{0}];",
        "rx(u[{0}][{1}]) q[0];", "cz q[{0}], r[{1}];", "let z = theta[{0}] * {1};", "rz(z) q[{1}];", "swap q[{0}], q[n - {1}];",
        "x q[ceil_log2({0}) ^ {1}];", "y q[min({0}, n) % max({1}, 1)];",
    };

    [Fact]
    public void Binder_and_lowering_never_throw_on_random_statement_sequences()
    {
        var index = Gen.Elements("0", "1", "2", "3", "-1", "n", "n - 1", "7", "0 - 5");
        var statement =
            from template in Gen.Elements(StatementTemplates)
            from a in index
            from b in index
            select string.Format(template, a, b);
        var program =
            from defaulted in Gen.Elements(true, false)
            from body in statement.ListOf()
            select "circuit main(int n" + (defaulted ? " = 3" : "") + ") {\n  qubit[n] q;\n  param theta[4];\n  " + string.Join("\n  ", body) + "\n}\n" +
                   "circuit sub(int m = 2) { qubit[m] s; param w[m]; for int j in [0 : m - 1] ry(w[j]) s[j]; readout state; }\n";
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(program.ToArbitrary(), source =>
        {
            var c = QcCompilation.Create("fuzz.qc", source);
            if (!c.HasErrors)
            {
                var lowered = c.Lower("main", new Dictionary<string, long> { ["n"] = 3 });
                return lowered.Success == (lowered.Circuit != null);
            }

            return c.Diagnostics.All(d => d.FilePath == "fuzz.qc" && d.Span.Line >= 1);
        }));
    }
}
