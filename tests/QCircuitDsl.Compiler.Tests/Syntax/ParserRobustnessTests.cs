using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Tests.Syntax;

/// <summary>The parser is total: whatever the text, Parse returns (errors are diagnostics, never exceptions).</summary>
public class ParserRobustnessTests
{
    private static readonly string[] Tokens =
    {
        "circuit", "qubit", "param", "let", "for", "int", "in", "encode", "readout", "each", "with", "ctrl", "inv",
        "layer", "namespace", "amplitude", "expval", "pauli", "probs", "state", "h", "cx", "rx", "rot", "q", "theta",
        "n", "a", "pi", "(", ")", "[", "]", "{", "}", ";", ",", ":", "=", "@", "+", "-", "*", "/", "%", "^", ".",
        "0", "1", "42", "2.5", "1e3", ".5", "99999999999999999999999", "#", "$", "\"", "'", "\\", "//c\n", "/*c*/", "/*",
        "\n", "\t", "é", "\u0000",
    };

    private static Gen<string> TokenSoup(string separator) =>
        Gen.Elements(Tokens).ListOf().Select(list => string.Join(separator, list));

    private static bool ParsesWithoutThrowing(string text)
    {
        var result = SyntaxParser.Parse("fuzz.qc", text);
        // Errors are reported as located syntax diagnostics; a clean parse has a tree.
        return result.Diagnostics.All(d => (d.Id == "QC0001" || d.Id == "QC0002") && d.Span.Line >= 1 && d.Span.Column >= 1)
            && (result.Diagnostics.Count > 0 || result.Unit != null);
    }

    [Fact]
    public void Random_token_sequences_never_throw()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(TokenSoup(" ").ToArbitrary(), ParsesWithoutThrowing));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(TokenSoup("").ToArbitrary(), ParsesWithoutThrowing));
    }

    [Fact]
    public void Arbitrary_strings_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), s => ParsesWithoutThrowing(s.Get)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Truncated_and_spliced_examples_never_throw_in_parser_or_binder()
    {
        var examples = Directory.GetFiles(Binding.FrontEnd.ExamplesDirectory, "*.qc").Select(File.ReadAllText).ToArray();
        var gen =
            from text in Gen.Elements(examples)
            from cut in Gen.Choose(0, text.Length)
            from length in Gen.Choose(0, 40)
            select text.Remove(cut, Math.Min(length, text.Length - cut));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(gen.ToArbitrary(), text =>
        {
            Assert.True(ParsesWithoutThrowing(text));
            var compilation = QcCompilation.Create("fuzz.qc", text);
            return compilation.Diagnostics.All(d => d.FilePath == "fuzz.qc");
        }));
    }
}
