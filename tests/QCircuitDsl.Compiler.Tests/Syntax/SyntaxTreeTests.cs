using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Tests.Syntax;

public class SyntaxTreeTests
{
    private const string Full =
        "namespace My.Models;\n" +                                          // 1
        "// a line comment with circuit in it\n" +                          // 2
        "/* a block comment\n" +                                            // 3
        "   spanning lines: qubit[3] q; */\n" +                             // 4
        "circuit c(int n, int layers = 2 * n) {\n" +                        // 5
        "    qubit[n] q;\n" +                                               // 6
        "    param theta[layers][4 * n];\n" +                               // 7
        "    encode amplitude(x[16]) q;\n" +                                // 8
        "    let r = l % (n - 1) + 1;\n" +                                  // 9
        "    for int i in [0 : 2 : n - 1] ry(theta[0][i]) q[i];\n" +        // 10
        "    for j in [0 : 1] { h q[j]; x q[j]; }\n" +                      // 11
        "    ctrl @ inv @ ry(2 * theta[0][1] + pi / 2) q[0], q[1];\n" +     // 12
        "    ctrl(2) @ x q[0], q[1], q[2];\n" +                             // 13
        "    sub(n) q[0:1], q with w = theta[0], v = theta;\n" +            // 14
        "    readout expval(x, y, z) each q;\n" +                           // 15
        "    readout pauli(z q[0], x q[2]);\n" +                            // 16
        "    readout probs q;\n" +                                          // 17
        "    readout state;\n" +                                            // 18
        "}\n" +                                                             // 19
        "layer lay(int n = 2) { memory c(n); drive theta from controller(8, gelu); inputs n; }\n"; // 20

    private static CompilationUnitSyntax ParseClean(string text)
    {
        var result = SyntaxParser.Parse("t.qc", text);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Unit;
    }

    private static CircuitDeclarationSyntax FullCircuit() => Assert.IsType<CircuitDeclarationSyntax>(ParseClean(Full).Declarations[0]);

    [Fact]
    public void Namespace_and_declarations()
    {
        var unit = ParseClean(Full);
        Assert.Equal("t.qc", unit.FilePath);
        Assert.Equal("My.Models", unit.Namespace);
        Assert.Equal(2, unit.Declarations.Count);
        var c = Assert.IsType<CircuitDeclarationSyntax>(unit.Declarations[0]);
        Assert.Equal("c", c.Name);
        Assert.Equal(13, c.Body.Count);
        var layer = Assert.IsType<LayerDeclarationSyntax>(unit.Declarations[1]);
        Assert.Equal("lay", layer.Name);
        Assert.Equal(new[] { "memory", "drive", "inputs" }, layer.Clauses.Select(cl => cl.Keyword));
        Assert.Equal("c", layer.Clauses[0].Target!.Name);
        Assert.Single(layer.Clauses[0].Target!.Arguments!);
        Assert.Equal("theta", layer.Clauses[1].Target!.Name);
        Assert.Equal("controller", layer.Clauses[1].Source!.Name);
        Assert.Equal(2, layer.Clauses[1].Source!.Arguments!.Count);
        Assert.Null(layer.Clauses[2].Target!.Arguments);
        Assert.Null(layer.Clauses[2].Source);
    }

    [Fact]
    public void File_without_namespace_has_null_namespace()
    {
        var unit = ParseClean("circuit a() { qubit[1] q; }");
        Assert.Null(unit.Namespace);
        Assert.Single(unit.Declarations);
    }

    [Fact]
    public void Circuit_parameters_with_and_without_defaults()
    {
        var c = FullCircuit();
        Assert.Equal(2, c.Parameters.Count);
        Assert.Equal("n", c.Parameters[0].Name);
        Assert.Null(c.Parameters[0].Default);
        Assert.Equal("layers", c.Parameters[1].Name);
        var def = Assert.IsType<BinarySyntax>(c.Parameters[1].Default);
        Assert.Equal("*", def.Operator);
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(def.Left).Value);
        Assert.Equal("n", Assert.IsType<NameSyntax>(def.Right).Name);
    }

    [Fact]
    public void Qubit_and_param_declarations()
    {
        var body = FullCircuit().Body;
        var q = Assert.IsType<QubitDeclarationSyntax>(body[0]);
        Assert.Equal("q", q.Name);
        Assert.Equal("n", Assert.IsType<NameSyntax>(q.Size).Name);

        var p = Assert.IsType<ParamDeclarationSyntax>(body[1]);
        Assert.Equal("theta", p.Name);
        Assert.Equal(2, p.Dimensions.Count);
        Assert.Equal("layers", Assert.IsType<NameSyntax>(p.Dimensions[0]).Name);
        Assert.Equal("*", Assert.IsType<BinarySyntax>(p.Dimensions[1]).Operator);
    }

    [Fact]
    public void Encode_statement()
    {
        var e = Assert.IsType<EncodeSyntax>(FullCircuit().Body[2]);
        Assert.Equal("amplitude", e.Encoding);
        Assert.Equal("x", e.InputName);
        Assert.Equal(16, Assert.IsType<IntegerLiteralSyntax>(e.Length).Value);
        var o = Assert.Single(e.Operands);
        Assert.Equal("q", o.Name);
        Assert.Null(o.Indexer);
        Assert.Equal((8, 12), (e.EncodingSpan.Line, e.EncodingSpan.Column));
    }

    [Fact]
    public void Let_statement_respects_precedence()
    {
        var let = Assert.IsType<LetSyntax>(FullCircuit().Body[3]);
        Assert.Equal("r", let.Name);
        // l % (n - 1) + 1  ==  (l % (n - 1)) + 1
        var plus = Assert.IsType<BinarySyntax>(let.Value);
        Assert.Equal("+", plus.Operator);
        var mod = Assert.IsType<BinarySyntax>(plus.Left);
        Assert.Equal("%", mod.Operator);
        Assert.Equal("l", Assert.IsType<NameSyntax>(mod.Left).Name);
        Assert.Equal("-", Assert.IsType<BinarySyntax>(mod.Right).Operator);
        Assert.Equal(1, Assert.IsType<IntegerLiteralSyntax>(plus.Right).Value);
    }

    [Fact]
    public void For_with_step_and_single_statement_body()
    {
        var f = Assert.IsType<ForSyntax>(FullCircuit().Body[4]);
        Assert.Equal("i", f.Variable);
        Assert.Equal(0, Assert.IsType<IntegerLiteralSyntax>(f.Start).Value);
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(f.Step).Value);
        Assert.Equal("-", Assert.IsType<BinarySyntax>(f.End).Operator);
        var g = Assert.IsType<GateCallSyntax>(Assert.Single(f.Body));
        Assert.Equal("ry", g.Name);
    }

    [Fact]
    public void For_without_int_keyword_and_with_block_body()
    {
        var f = Assert.IsType<ForSyntax>(FullCircuit().Body[5]);
        Assert.Equal("j", f.Variable);
        Assert.Null(f.Step);
        Assert.Equal(1, Assert.IsType<IntegerLiteralSyntax>(f.End).Value);
        Assert.Equal(new[] { "h", "x" }, f.Body.Select(s => Assert.IsType<GateCallSyntax>(s).Name));
    }

    [Fact]
    public void Gate_with_modifiers_and_affine_angle()
    {
        var g = Assert.IsType<GateCallSyntax>(FullCircuit().Body[6]);
        Assert.Equal(2, g.Modifiers.Count);
        var ctrl = Assert.IsType<CtrlModifierSyntax>(g.Modifiers[0]);
        Assert.Null(ctrl.Count);
        Assert.IsType<InvModifierSyntax>(g.Modifiers[1]);
        Assert.Equal("ry", g.Name);
        Assert.Equal((12, 18), (g.NameSpan.Line, g.NameSpan.Column));

        // 2 * theta[0][1] + pi / 2
        var angle = Assert.IsType<BinarySyntax>(Assert.Single(g.Arguments));
        Assert.Equal("+", angle.Operator);
        var product = Assert.IsType<BinarySyntax>(angle.Left);
        Assert.Equal("*", product.Operator);
        var outer = Assert.IsType<IndexSyntax>(product.Right);
        Assert.Equal(1, Assert.IsType<IntegerLiteralSyntax>(outer.Indexer.Start).Value);
        var inner = Assert.IsType<IndexSyntax>(outer.Target);
        Assert.Equal(0, Assert.IsType<IntegerLiteralSyntax>(inner.Indexer.Start).Value);
        Assert.Equal("theta", Assert.IsType<NameSyntax>(inner.Target).Name);
        var quotient = Assert.IsType<BinarySyntax>(angle.Right);
        Assert.Equal("/", quotient.Operator);
        Assert.Equal("pi", Assert.IsType<NameSyntax>(quotient.Left).Name);

        Assert.Equal(2, g.Operands.Count);
        Assert.Equal(0, Assert.IsType<IntegerLiteralSyntax>(g.Operands[0].Indexer!.Start).Value);
        Assert.Null(g.Operands[0].Indexer!.End);
        Assert.Empty(g.Bindings);
    }

    [Fact]
    public void Ctrl_with_count()
    {
        var g = Assert.IsType<GateCallSyntax>(FullCircuit().Body[7]);
        var ctrl = Assert.IsType<CtrlModifierSyntax>(Assert.Single(g.Modifiers));
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(ctrl.Count).Value);
        Assert.Equal("x", g.Name);
        Assert.Empty(g.Arguments);
        Assert.Equal(3, g.Operands.Count);
    }

    [Fact]
    public void Call_with_slice_operand_and_bindings()
    {
        var g = Assert.IsType<GateCallSyntax>(FullCircuit().Body[8]);
        Assert.Equal("sub", g.Name);
        Assert.Equal("n", Assert.IsType<NameSyntax>(Assert.Single(g.Arguments)).Name);
        Assert.Equal(2, g.Operands.Count);
        var slice = g.Operands[0].Indexer!;
        Assert.Equal(0, Assert.IsType<IntegerLiteralSyntax>(slice.Start).Value);
        Assert.Equal(1, Assert.IsType<IntegerLiteralSyntax>(slice.End).Value);
        Assert.Null(g.Operands[1].Indexer);
        Assert.Equal(new[] { "w", "v" }, g.Bindings.Select(b => b.Name));
        Assert.IsType<IndexSyntax>(g.Bindings[0].Value);
        Assert.Equal("theta", Assert.IsType<NameSyntax>(g.Bindings[1].Value).Name);
    }

    [Fact]
    public void Readouts()
    {
        var body = FullCircuit().Body;
        var expval = Assert.IsType<ReadoutSyntax>(body[9]);
        Assert.Equal("expval", expval.Kind);
        Assert.True(expval.Each);
        Assert.Equal(new[] { "x", "y", "z" }, expval.Arguments.Select(a => a.Name));
        Assert.All(expval.Arguments, a => Assert.Null(a.Operand));
        Assert.Equal("q", Assert.Single(expval.Operands).Name);

        var pauli = Assert.IsType<ReadoutSyntax>(body[10]);
        Assert.Equal("pauli", pauli.Kind);
        Assert.False(pauli.Each);
        Assert.Empty(pauli.Operands);
        Assert.Equal(new[] { "z", "x" }, pauli.Arguments.Select(a => a.Name));
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(pauli.Arguments[1].Operand!.Indexer!.Start).Value);

        var probs = Assert.IsType<ReadoutSyntax>(body[11]);
        Assert.Equal("probs", probs.Kind);
        Assert.Empty(probs.Arguments);
        Assert.False(probs.Each);
        Assert.Single(probs.Operands);

        var state = Assert.IsType<ReadoutSyntax>(body[12]);
        Assert.Equal("state", state.Kind);
        Assert.Empty(state.Arguments);
        Assert.Empty(state.Operands);
    }

    [Fact]
    public void Spans_are_one_based_and_comments_do_not_shift_lines()
    {
        var c = FullCircuit();
        Assert.Equal((5, 9), (c.NameSpan.Line, c.NameSpan.Column));
        Assert.Equal(1, c.NameSpan.Length);
        Assert.Equal((5, 1), (c.Span.Line, c.Span.Column));
        Assert.Equal((19, 2), (c.Span.EndLine, c.Span.EndColumn));

        var qubit = c.Body[0];
        Assert.Equal((6, 5), (qubit.Span.Line, qubit.Span.Column));
        Assert.Equal((6, 16), (qubit.Span.EndLine, qubit.Span.EndColumn)); // just after ';'
        Assert.Equal("qubit[n] q;", Full.Substring(qubit.Span.Start, qubit.Span.Length));

        var layersParam = c.Parameters[1];
        Assert.Equal((5, 18), (layersParam.Span.Line, layersParam.Span.Column));
        Assert.Equal("int layers = 2 * n", Full.Substring(layersParam.Span.Start, layersParam.Span.Length));

        var forBlock = (ForSyntax)c.Body[5];
        var x = forBlock.Body[1];
        Assert.Equal((11, 32), (x.Span.Line, x.Span.Column));

        var expval = (ReadoutSyntax)c.Body[9];
        Assert.Equal((15, 13), (expval.KindSpan.Line, expval.KindSpan.Column));

        var layer = (LayerDeclarationSyntax)ParseClean(Full).Declarations[1];
        Assert.Equal((20, 7), (layer.NameSpan.Line, layer.NameSpan.Column));
    }

    [Fact]
    public void Expression_spans_include_parentheses()
    {
        const string text = "circuit a() { qubit[1] q; let v = (1 + 2) * 3; }";
        var let = (LetSyntax)((CircuitDeclarationSyntax)ParseClean(text).Declarations[0]).Body[1];
        var product = Assert.IsType<BinarySyntax>(let.Value);
        var sum = Assert.IsType<BinarySyntax>(product.Left);
        Assert.Equal("+", sum.Operator);
        Assert.Equal("(1 + 2)", text.Substring(sum.Span.Start, sum.Span.Length));
        Assert.Equal("(1 + 2) * 3", text.Substring(product.Span.Start, product.Span.Length));
        Assert.Equal(35, sum.Span.Column);
    }

    [Fact]
    public void Block_comment_spanning_lines_keeps_line_numbers()
    {
        const string text = "/* one\ntwo\nthree */ circuit a() {\n// x\n  qubit[1] q; }";
        var c = (CircuitDeclarationSyntax)ParseClean(text).Declarations[0];
        Assert.Equal((3, 18), (c.NameSpan.Line, c.NameSpan.Column));
        Assert.Equal((5, 3), (c.Body[0].Span.Line, c.Body[0].Span.Column));
    }

    private static ExpressionSyntax LetValue(string expression)
    {
        var unit = ParseClean("circuit a() { qubit[1] q; let v = " + expression + "; }");
        return ((LetSyntax)((CircuitDeclarationSyntax)unit.Declarations[0]).Body[1]).Value;
    }

    [Fact]
    public void Unary_minus_binds_tighter_than_power()
    {
        var e = Assert.IsType<BinarySyntax>(LetValue("-2^2"));
        Assert.Equal("^", e.Operator);
        var neg = Assert.IsType<UnarySyntax>(e.Left);
        Assert.Equal("-", neg.Operator);
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(neg.Operand).Value);
    }

    [Fact]
    public void Power_is_right_associative_and_minus_is_left_associative()
    {
        var pow = Assert.IsType<BinarySyntax>(LetValue("2^3^2"));
        Assert.Equal(2, Assert.IsType<IntegerLiteralSyntax>(pow.Left).Value);
        Assert.Equal("^", Assert.IsType<BinarySyntax>(pow.Right).Operator);

        var minus = Assert.IsType<BinarySyntax>(LetValue("a - b - c"));
        Assert.Equal("c", Assert.IsType<NameSyntax>(minus.Right).Name);
        Assert.Equal("-", Assert.IsType<BinarySyntax>(minus.Left).Operator);
    }

    [Fact]
    public void Function_calls_and_literals()
    {
        var call = Assert.IsType<CallSyntax>(LetValue("min(n, ceil_log2(16))"));
        Assert.Equal("min", call.Function);
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal("ceil_log2", Assert.IsType<CallSyntax>(call.Arguments[1]).Function);

        Assert.Equal(1e-3, Assert.IsType<RealLiteralSyntax>(LetValue("1e-3")).Value);
        Assert.Equal(0.5, Assert.IsType<RealLiteralSyntax>(LetValue(".5")).Value);
        Assert.Equal(2.0, Assert.IsType<RealLiteralSyntax>(LetValue("2.")).Value);
        Assert.Equal(2.5e2, Assert.IsType<RealLiteralSyntax>(LetValue("2.5E+2")).Value);
        Assert.Equal(42, Assert.IsType<IntegerLiteralSyntax>(LetValue("42")).Value);
    }

    [Fact]
    public void Words_that_are_not_keywords_are_identifiers()
    {
        // 'amplitude', 'probs', 'state', gate names ... are plain identifiers in the grammar.
        var unit = ParseClean("circuit state(int probs = 1) { qubit[probs] amplitude; h amplitude; }");
        var c = (CircuitDeclarationSyntax)unit.Declarations[0];
        Assert.Equal("state", c.Name);
        Assert.Equal("probs", c.Parameters[0].Name);
        Assert.Equal("amplitude", ((QubitDeclarationSyntax)c.Body[0]).Name);
    }

    [Fact]
    public void All_examples_parse_without_diagnostics()
    {
        var files = Directory.GetFiles(Binding.FrontEnd.ExamplesDirectory, "*.qc");
        Assert.True(files.Length >= 20);
        foreach (var path in files)
        {
            var result = SyntaxParser.Parse(path, File.ReadAllText(path));
            Assert.True(result.Diagnostics.Count == 0, path + ": " + string.Join("\n", result.Diagnostics));
            Assert.NotEmpty(result.Unit.Declarations);
        }
    }
}
