namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary>Text and SVG drawings of the example circuits, compared with committed snapshots.</summary>
public class DrawSnapshotTests
{
    public static TheoryData<string, string[]> Examples => new()
    {
        { "bell", new[] { Cli.Example("bell.qc"), "-c", "bell" } },
        { "sim14", new[] { Cli.Example("sim14.qc"), "-c", "sim14" } },
        { "sim10_n5", new[] { Cli.Example("sim10.qc"), "-c", "sim10", "--arg", "n=5" } },
        { "strongly_entangling", new[] { Cli.Example("strongly_entangling.qc"), "-c", "strongly_entangling" } },
        { "amplitude_projection", new[] { Cli.Example("amplitude_projection.qc"), Cli.Example("strongly_entangling.qc"), "-c", "amplitude_projection", "--arg", "features=8" } },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Text_drawing_matches_the_snapshot(string name, string[] args)
    {
        SnapshotAssert.Matches(name, Draw(args), "txt");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Svg_drawing_matches_the_snapshot(string name, string[] args)
    {
        SnapshotAssert.Matches(name, Draw([.. args, "--format", "svg"]), "svg");
    }

    [Fact]
    public void Modifiers_text_and_svg_match_the_snapshots()
    {
        using var dir = new TempDir();
        var file = dir.Write("modifiers.qc", AuthoringCircuits.Modifiers);
        SnapshotAssert.Matches("modifiers", Draw(file, "-c", "modifiers"), "txt");
        SnapshotAssert.Matches("modifiers", Draw(file, "-c", "modifiers", "--format", "svg"), "svg");
    }

    [Fact]
    public void Wide_circuit_wraps_into_sections_in_text_and_not_in_svg()
    {
        string[] args = [Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "layers=3"];
        var text = Draw([.. args, "--width", "90"]);
        SnapshotAssert.Matches("sim14_layers3_width90", text, "txt");
        SnapshotAssert.Matches("sim14_layers3", Draw([.. args, "--format", "svg"]), "svg");
    }

    private static string Draw(params string[] args)
    {
        var run = Cli.Run(["draw", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        return run.Output;
    }
}
