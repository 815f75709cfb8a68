using System.Xml.Linq;

namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary>The layout rules and options of <c>qcdsl draw</c>, checked on properties rather than whole snapshots.</summary>
public class DrawCommandTests
{
    [Fact]
    public void A_gate_waits_for_the_wires_a_vertical_line_crosses()
    {
        using var dir = new TempDir();
        var run = Cli.Run("draw", dir.Write("c.qc", AuthoringCircuits.Crossing), "-c", "crossing");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        // Column 0: both H; column 1: the CNOT, crossing q1 (┼); column 2: H on q1 and X on q0.
        Assert.Equal("q0: ─H──●──X─", lines[0]);
        Assert.Equal("q1: ────┼──H─", lines[2]);
        Assert.Equal("q2: ─H──⊕────", lines[4]);
        Assert.Equal("        │", lines[1]);
    }

    [Fact]
    public void Every_line_of_a_wrapped_diagram_fits_the_width()
    {
        foreach (int width in new[] { 40, 63, 100 })
        {
            var run = Cli.Run("draw", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "layers=3", "--width", width.ToString());
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.Output.Split('\n');
            Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
            Assert.Contains(lines, l => l.EndsWith('»'));
            Assert.Contains(lines, l => l.StartsWith("q0: «"));
        }
    }

    [Fact]
    public void Unwrapped_text_keeps_every_gate_label_once()
    {
        var run = Cli.Run("draw", Cli.Example("sim14.qc"), "-c", "sim14", "--width", "1000");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("»", run.Output);
        for (int j = 0; j < 16; j++)
        {
            int count = System.Text.RegularExpressions.Regex.Matches(run.Output, $@"\(theta\[0\]\[{j}\]\)").Count;
            Assert.Equal(1, count);
        }
    }

    [Fact]
    public void Svg_is_well_formed_and_grows_with_the_columns()
    {
        double Width(string layers)
        {
            var run = Cli.Run("draw", Cli.Example("sim14.qc"), "-c", "sim14", "--arg", "layers=" + layers, "--format", "svg");
            Assert.True(run.ExitCode == 0, run.ToString());
            var svg = XDocument.Parse(run.Output).Root!;
            Assert.Equal("svg", svg.Name.LocalName);
            // 4 wires, and one text per box: 16 gates per layer, all boxed (CRX targets and RY).
            Assert.Equal(4 + 16 * int.Parse(layers), svg.Elements().Count(e => e.Name.LocalName == "text"));
            return double.Parse(svg.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        double one = Width("1"), three = Width("3");
        Assert.True(three > 2.5 * one, $"{three} vs {one}");
    }

    [Fact]
    public void Output_file_gets_the_drawing()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bell.svg");
        var run = Cli.Run("draw", Cli.Example("bell.qc"), "-c", "bell", "--format", "svg", "-o", path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("wrote", run.Output);
        Assert.Equal(Cli.Run("draw", Cli.Example("bell.qc"), "-c", "bell", "--format", "svg").Output, File.ReadAllText(path));
    }

    [Fact]
    public void Drawing_is_deterministic()
    {
        string[] args = ["draw", Cli.Example("strongly_entangling.qc"), "-c", "strongly_entangling", "--arg", "layers=5", "--width", "70"];
        Assert.Equal(Cli.Run(args).Output, Cli.Run(args).Output);
    }

    [Fact]
    public void Unknown_circuit_is_a_user_error() =>
        Cli.AssertUserError(Cli.Run("draw", Cli.Example("bell.qc"), "-c", "nope"), 2, "no circuit named 'nope'");

    [Fact]
    public void Unknown_format_is_a_user_error() =>
        Cli.AssertUserError(Cli.Run("draw", Cli.Example("bell.qc"), "-c", "bell", "--format", "png"), 2, "--format 'png'");

    [Fact]
    public void Too_small_width_is_a_user_error() =>
        Cli.AssertUserError(Cli.Run("draw", Cli.Example("bell.qc"), "-c", "bell", "--width", "5"), 2, "--width 5");

    [Fact]
    public void Missing_file_is_a_user_error() =>
        Cli.AssertUserError(Cli.Run("draw", "no-such-file.qc", "-c", "bell"), 2, "file not found");
}
