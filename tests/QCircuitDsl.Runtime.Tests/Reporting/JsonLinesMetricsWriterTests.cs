using System.Globalization;
using System.Text.Json;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tests.Data;

namespace QCircuitDsl.Runtime.Tests.Reporting;

public class JsonLinesMetricsWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_one_object_per_line_in_given_field_order()
    {
        var output = new StringWriter();
        using var writer = new JsonLinesMetricsWriter(output);

        writer.Write(("step", 1), ("loss", 0.5), ("split", "train"));
        writer.Write(("zeta", true), ("alpha", (object?)null));

        Assert.Equal("{\"step\":1,\"loss\":0.5,\"split\":\"train\"}\n{\"zeta\":true,\"alpha\":null}\n", output.ToString());
    }

    [Fact]
    public void Numbers_are_culture_invariant_and_shortest_round_trip()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // decimal comma
            var writer = new JsonLinesMetricsWriter(TextWriter.Null);

            string line = writer.Format([new("lr", 0.001), new("acc", 0.1f), new("big", 1234567.25), new("m", 2.5m), new("u", ulong.MaxValue)]);

            Assert.Equal("{\"lr\":0.001,\"acc\":0.1,\"big\":1234567.25,\"m\":2.5,\"u\":18446744073709551615}", line);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Non_finite_values_become_strings_by_default()
    {
        var writer = new JsonLinesMetricsWriter(TextWriter.Null);
        string line = writer.Format([new("a", double.NaN), new("b", float.PositiveInfinity), new("c", double.NegativeInfinity)]);
        Assert.Equal("{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\"}", line);
    }

    [Fact]
    public void Non_finite_values_can_be_null()
    {
        var writer = new JsonLinesMetricsWriter(TextWriter.Null, NonFiniteNumberHandling.Null);
        string line = writer.Format([new("a", double.NaN), new("b", new[] { 1.0, double.PositiveInfinity })]);
        Assert.Equal("{\"a\":null,\"b\":[1,null]}", line);
    }

    [Fact]
    public void Other_value_kinds_have_documented_encodings()
    {
        var writer = new JsonLinesMetricsWriter(TextWriter.Null);
        string line = writer.Format(
        [
            new("when", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)),
            new("took", TimeSpan.FromMilliseconds(1500)),
            new("kind", DayOfWeek.Monday),
            new("ids", new List<int> { 1, 2 }),
            new("name", "Zürich \"quoted\""),
        ]);
        Assert.Equal(
            "{\"when\":\"2024-05-06T07:08:09.0000000+00:00\",\"took\":1.5,\"kind\":\"Monday\",\"ids\":[1,2],\"name\":\"Zürich \\\"quoted\\\"\"}",
            line);
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var writer = new JsonLinesMetricsWriter(TextWriter.Null);
        var e = Assert.Throws<ArgumentException>(() => writer.Write(("loss", 1.0), ("loss", 2.0)));
        Assert.Contains("'loss'", e.Message);
    }

    [Fact]
    public void File_is_readable_after_every_line_while_still_open()
    {
        string path = Path.Combine(_dir.Path, "metrics.jsonl");
        using var writer = JsonLinesMetricsWriter.Open(path);

        writer.Write(("step", 1), ("loss", double.NaN));
        string[] afterOne = ReadShared(path);
        writer.Write(("step", 2), ("loss", 0.25));
        string[] afterTwo = ReadShared(path);

        Assert.Single(afterOne);
        Assert.Equal(2, afterTwo.Length);
        using var doc = JsonDocument.Parse(afterTwo[1]);
        Assert.Equal(0.25, doc.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal("NaN", JsonDocument.Parse(afterTwo[0]).RootElement.GetProperty("loss").GetString());
    }

    [Fact]
    public void Open_appends_by_default_and_has_no_bom()
    {
        string path = Path.Combine(_dir.Path, "metrics.jsonl");
        using (var w = JsonLinesMetricsWriter.Open(path))
            w.Write(("a", 1));
        using (var w = JsonLinesMetricsWriter.Open(path))
            w.Write(("a", 2));

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", File.ReadAllText(path));

        using (var w = JsonLinesMetricsWriter.Open(path, append: false))
            w.Write(("a", 3));
        Assert.Equal("{\"a\":3}\n", File.ReadAllText(path));
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
