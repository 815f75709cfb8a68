using System.Text.Json;
using QCircuitDsl.Tests.Shared;

namespace QCircuitDsl.Packaging.Tests.Editors;

/// <summary>The VS Code extension in editors/vscode: its manifest, and its grammar over every .qc file of the repository.</summary>
public sealed class QcGrammarTests
{
    private static string Extension => Path.Combine(RepositoryPaths.Root, "editors", "vscode");

    private static IReadOnlyList<TextMateRule> Patterns => TextMateGrammar.Load(Path.Combine(Extension, "syntaxes", "qc.tmLanguage.json")).Patterns;

    /// <summary>The example circuits plus the other .qc files of the repository (quickstart, packaging consumer).</summary>
    public static TheoryData<string> QcFiles()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "examples", "tests/packaging" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, dir), "*.qc", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }

        return data;
    }

    [Fact]
    public void Every_example_circuit_is_among_the_files_checked()
    {
        var files = ((IEnumerable<object[]>)QcFiles()).Select(r => (string)r[0]).ToList();
        Assert.True(files.Count(f => f.StartsWith("examples/circuits/", StringComparison.Ordinal)) >= 23, string.Join(", ", files));
    }

    [Theory]
    [MemberData(nameof(QcFiles))]
    public void Grammar_covers_every_line_and_closes_every_region(string file)
    {
        var result = TextMateTokenizer.Tokenize(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)), Patterns);
        Assert.True(result.Uncovered.Count == 0, string.Join("\n", result.Uncovered));
        Assert.Null(result.OpenAtEnd);
    }

    [Fact]
    public void Unterminated_block_comment_is_reported()
    {
        var result = TextMateTokenizer.Tokenize("circuit a() {\n    /* not closed\n    qubit[1] q;\n}\n", Patterns);
        Assert.Equal("'comment.block.qc' opened at line 2 is never closed", result.OpenAtEnd);
    }

    [Fact]
    public void Characters_outside_the_language_are_reported_with_their_position()
    {
        var result = TextMateTokenizer.Tokenize("circuit a() {\n    qubit[1] q; # x\n}\n", Patterns);
        Assert.Equal(new[] { "line 2, column 17: '#'" }, result.Uncovered);
    }

    [Fact]
    public void Tokens_get_the_scopes_an_editor_colours()
    {
        var tokens = TextMateTokenizer.Tokenize("ctrl @ ry(2 * theta[l][0] + pi / 2) q[0], q[1]; // c\nreadout expval(x, y, z) each q; /* a\nb */ let r = 1.5e-3;", Patterns).Tokens;
        string Scope(string text) => tokens.First(t => t.Text == text).Scope;
        Assert.Equal("storage.modifier.gate.qc", Scope("ctrl"));
        Assert.Equal("keyword.operator.modifier.qc", Scope("@"));
        Assert.Equal("support.function.gate.qc", Scope("ry"));
        Assert.Equal("constant.numeric.integer.qc", Scope("2"));
        Assert.Equal("constant.language.qc", Scope("pi"));
        Assert.Equal("variable.other.qc", Scope("theta"));
        Assert.Equal("comment.line.double-slash.qc", Scope("// c"));
        Assert.Equal("keyword.other.qc", Scope("readout"));
        Assert.Equal("support.function.readout.qc", Scope("expval"));
        Assert.Equal("variable.other.qc", Scope("x"));
        Assert.Equal("comment.block.qc", Scope("b */"));
        Assert.Equal("storage.type.qc", Scope("let"));
        Assert.Equal("constant.numeric.float.qc", Scope("1.5e-3"));
    }

    [Fact]
    public void Manifest_contributes_the_language_grammar_and_configuration()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, "package.json")));
        var contributes = manifest.RootElement.GetProperty("contributes");
        var language = contributes.GetProperty("languages").EnumerateArray().Single();
        Assert.Equal("qc", language.GetProperty("id").GetString());
        Assert.Equal(new[] { ".qc" }, language.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
        var grammar = contributes.GetProperty("grammars").EnumerateArray().Single();
        Assert.Equal("qc", grammar.GetProperty("language").GetString());
        var grammarPath = Path.Combine(Extension, grammar.GetProperty("path").GetString()!);
        Assert.Equal(TextMateGrammar.Load(grammarPath).ScopeName, grammar.GetProperty("scopeName").GetString());

        using var configuration = JsonDocument.Parse(File.ReadAllText(Path.Combine(Extension, language.GetProperty("configuration").GetString()!)));
        var comments = configuration.RootElement.GetProperty("comments");
        Assert.Equal("//", comments.GetProperty("lineComment").GetString());
        Assert.Equal(new[] { "/*", "*/" }, comments.GetProperty("blockComment").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, configuration.RootElement.GetProperty("brackets").GetArrayLength());
    }
}
