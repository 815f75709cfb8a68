using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Tests.Syntax;

public class SyntaxErrorTests
{
    private static IReadOnlyList<Diagnostic> Errors(string text)
    {
        var result = SyntaxParser.Parse("bad.qc", text);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        return result.Diagnostics;
    }

    [Fact]
    public void Missing_semicolon_is_reworded_and_located_at_the_next_token()
    {
        const string text = "circuit a() {\n    qubit[2] q\n    h q[0];\n}\n";
        var d = Assert.Single(Errors(text));
        Assert.Equal("QC0001", d.Id);
        Assert.Contains("expected ';'", d.Message);
        Assert.Contains("before 'h'", d.Message);
        Assert.Equal((3, 5), (d.Span.Line, d.Span.Column));
        Assert.Equal("bad.qc(3,5): error QC0001: expected ';' before 'h'", d.ToString());
    }

    [Fact]
    public void Mismatched_input_is_reworded_with_readable_token_names()
    {
        var d = Assert.Single(Errors("circuit a( {\n qubit[1] q; }"));
        Assert.Equal("QC0001", d.Id);
        Assert.Equal("expected ')' or 'int' but found '{'", d.Message);
        Assert.Equal((1, 12), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void End_of_file_is_named_in_words()
    {
        var d = Assert.Single(Errors("circuit"));
        Assert.Equal("QC0001", d.Id);
        Assert.Equal("expected a name but found the end of the file", d.Message);
        Assert.Equal((1, 8), (d.Span.Line, d.Span.Column));
        Assert.DoesNotContain("<EOF>", d.Message);
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported()
    {
        const string text =
            "circuit a() {\n" +
            "    qubit[2] q\n" +          // missing ';' (reported at line 3)
            "    h q[0];\n" +
            "}\n" +
            "circuit b() {\n" +
            "    qubit[2] q;\n" +
            "    cx q[0] q[1];\n" +       // missing ','
            "}\n" +
            "circuit c() {\n" +
            "    qubit[2] q;\n" +
            "    x q[0]\n" +
            "}\n";                        // missing ';' before '}'
        var errors = Errors(text);
        Assert.True(errors.Count >= 3, string.Join("\n", errors));
        Assert.All(errors, d => Assert.Equal("QC0001", d.Id));
        Assert.Contains(errors, d => d.Span.Line == 3);
        Assert.Contains(errors, d => d.Span.Line == 7);
        Assert.Contains(errors, d => d.Span.Line == 12 && d.Message.Contains("expected ';'"));
    }

    [Fact]
    public void Unexpected_character_is_reported_once_as_QC0002()
    {
        const string text = "circuit a() {\n  qubit[2] q;\n  h q[0] #;\n}\n";
        var errors = Errors(text);
        var d = Assert.Single(errors);
        Assert.Equal("QC0002", d.Id);
        Assert.Equal("unexpected character '#'", d.Message);
        Assert.Equal((3, 10), (d.Span.Line, d.Span.Column));
        Assert.DoesNotContain(errors, e => e.Id == "QC0001" && e.Span.Start == d.Span.Start);
    }

    [Fact]
    public void Each_unexpected_character_gets_its_own_QC0002()
    {
        var errors = Errors("circuit a() { qubit[2] q; $ h q; ? }");
        var unexpected = errors.Where(e => e.Id == "QC0002").ToList();
        Assert.Equal(new[] { "unexpected character '$'", "unexpected character '?'" }, unexpected.Select(e => e.Message));
        Assert.Equal(new[] { 27, 34 }, unexpected.Select(e => e.Span.Column));
        foreach (var u in unexpected)
        {
            Assert.DoesNotContain(errors, e => e.Id == "QC0001" && e.Span.Start == u.Span.Start);
        }
    }

    [Fact]
    public void A_file_with_syntax_errors_yields_an_empty_tree()
    {
        var result = SyntaxParser.Parse("bad.qc", "circuit a() { qubit[2] q }\ncircuit b() { qubit[1] q; }");
        Assert.NotEmpty(result.Diagnostics);
        Assert.Empty(result.Unit.Declarations);
    }

    [Theory]
    [InlineData("circuit a() { qubit[2] q; h q[0] }")]
    [InlineData("circuit a() { qubit[2] q; h q[0];")]
    [InlineData("circuit a() { qubit[2] q; for i in 0 : 1 h q[i]; }")]
    [InlineData("circuit a() { qubit[2] q; rx(1,) q[0]; }")]
    [InlineData("circuit a() { qubit q; }")]
    [InlineData("circuit a(n) { qubit[n] q; }")]
    [InlineData("circuit a() { qubit[2] q; ctrl @ @ x q[0], q[1]; }")]
    [InlineData("namespace ; circuit a() { qubit[1] q; }")]
    [InlineData("circuit a() { qubit[2] q; readout; }")]
    [InlineData("} circuit a() { qubit[1] q; }")]
    public void Broken_sources_get_reworded_messages_without_antlr_jargon(string text)
    {
        var errors = Errors(text);
        Assert.NotEmpty(errors);
        foreach (var d in errors)
        {
            Assert.Equal("QC0001", d.Id);
            Assert.DoesNotContain("mismatched input", d.Message);
            Assert.DoesNotContain("extraneous input", d.Message);
            Assert.DoesNotContain("no viable alternative", d.Message);
            Assert.DoesNotContain("expecting", d.Message);
            Assert.DoesNotContain("<EOF>", d.Message);
            Assert.DoesNotContain("Identifier", d.Message);
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString());
        }
    }

    [Fact]
    public void Unterminated_block_comment_is_an_error_not_a_silent_skip()
    {
        var errors = Errors("circuit a() { qubit[1] q; /* h q; }");
        Assert.NotEmpty(errors);
    }
}
