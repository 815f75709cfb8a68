using Microsoft.CodeAnalysis;

namespace QCircuitDsl.Generators.Tests;

/// <summary>Unrelated edits regenerate nothing: pipeline values are equatable, diagnostics have their own output.</summary>
public sealed class GeneratorIncrementalityTests
{
    private const string Original = "circuit c() {\n    qubit[1] q;\n    h q[0];\n}\n";

    private static GeneratorDriver RunTwice(string first, string second)
    {
        var compilation = GeneratorHarness.NewCompilation();
        var file = new InMemoryAdditionalText("/src/c.qc", first);
        var driver = GeneratorHarness.NewDriver(file).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText("/src/c.qc", second));
        return driver.RunGenerators(compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void Same_text_again_is_cached()
    {
        var driver = RunTwice(Original, Original);
        Assert.All(Reasons(driver, QcSourceGenerator.Steps.Sources), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void A_trailing_comment_leaves_generated_source_unchanged()
    {
        // Appended after the circuit, so no span of the circuit moves.
        var driver = RunTwice(Original, Original + "// a note about this file\n");
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, QcSourceGenerator.Steps.Files));
        Assert.All(Reasons(driver, QcSourceGenerator.Steps.Sources), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void A_real_edit_regenerates()
    {
        var driver = RunTwice(Original, Original.Replace("h q[0];", "x q[0];"));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, QcSourceGenerator.Steps.Sources));
    }
}
