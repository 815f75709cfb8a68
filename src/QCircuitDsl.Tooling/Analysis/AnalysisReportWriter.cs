using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace QCircuitDsl.Tooling.Analysis;

/// <summary>Prints an <see cref="AnalysisReport"/> as an aligned table or as JSON (keys in a fixed order).</summary>
public static class AnalysisReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Text(AnalysisReport r)
    {
        var rows = new List<(string Label, string Before, string After)>
        {
            ("qubits", N(r.AsWritten.Qubits), N(r.Optimized.Qubits)),
            ("depth", N(r.AsWritten.Depth), N(r.Optimized.Depth)),
            ("gates", N(r.AsWritten.Gates), N(r.Optimized.Gates)),
        };
        AddCounts(rows, r.AsWritten.GateCounts, r.Optimized.GateCounts);
        rows.Add(("two-qubit gates", N(r.AsWritten.TwoQubitGates), N(r.Optimized.TwoQubitGates)));
        AddCounts(rows, r.AsWritten.TwoQubitGateCounts, r.Optimized.TwoQubitGateCounts);
        rows.Add(("parameters", N(r.AsWritten.Parameters), N(r.Optimized.Parameters)));
        rows.Add(("  used by gates", N(r.AsWritten.ParametersUsed), N(r.Optimized.ParametersUsed)));

        int w0 = Math.Max(rows.Max(x => x.Label.Length), 16), w1 = 10, w2 = 12;
        var sb = new StringBuilder();
        sb.Append($"circuit {Title(r)}\n");
        sb.Append($"{"".PadRight(w0)}  {"as written".PadLeft(w1)}  {"after passes".PadLeft(w2)}\n");
        foreach (var (label, before, after) in rows)
        {
            sb.Append($"{label.PadRight(w0)}  {before.PadLeft(w1)}  {after.PadLeft(w2)}\n");
        }

        var o = r.Options;
        sb.Append('\n');
        sb.Append($"expressibility (KL divergence from Haar; {o.Samples} pairs, {o.Bins} bins, seed {o.Seed}): {Measure(r.Expressibility)}\n");
        sb.Append($"entangling capability (mean Meyer-Wallach Q; {o.Samples} samples, seed {o.Seed}): {Measure(r.EntanglingCapability)}\n");
        return sb.ToString();
    }

    public static string Json(AnalysisReport r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("circuit", r.Circuit.Name);
            w.WriteStartObject("arguments");
            foreach (var a in r.Circuit.Arguments)
            {
                w.WriteNumber(a.Key, a.Value);
            }

            w.WriteEndObject();
            Statistics(w, "as_written", r.AsWritten);
            Statistics(w, "after_passes", r.Optimized);
            w.WriteStartObject("protocol");
            w.WriteNumber("samples", r.Options.Samples);
            w.WriteNumber("bins", r.Options.Bins);
            w.WriteNumber("seed", r.Options.Seed);
            w.WriteString("parameter_distribution", "uniform [0, 2pi)");
            w.WriteString("generator", "SplitMix64");
            w.WriteEndObject();
            w.WriteNumber("expressibility", r.Expressibility);
            w.WriteNumber("entangling_capability", r.EntanglingCapability);
            w.WriteStartArray("fidelity_histogram");
            foreach (var c in r.Fidelities.Counts)
            {
                w.WriteNumberValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Statistics(Utf8JsonWriter w, string name, GateStatistics s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("qubits", s.Qubits);
        w.WriteNumber("depth", s.Depth);
        w.WriteNumber("gates", s.Gates);
        Counts(w, "gate_counts", s.GateCounts);
        w.WriteNumber("two_qubit_gates", s.TwoQubitGates);
        Counts(w, "two_qubit_gate_counts", s.TwoQubitGateCounts);
        w.WriteNumber("parameters", s.Parameters);
        w.WriteNumber("parameters_used", s.ParametersUsed);
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        w.WriteStartObject(name);
        foreach (var kv in counts)
        {
            w.WriteNumber(kv.Key, kv.Value);
        }

        w.WriteEndObject();
    }

    // One row per gate type found in either version, so a type the passes remove still shows (as 0).
    private static void AddCounts(List<(string, string, string)> rows, IReadOnlyList<KeyValuePair<string, int>> before, IReadOnlyList<KeyValuePair<string, int>> after)
    {
        var names = before.Select(kv => kv.Key).Union(after.Select(kv => kv.Key)).OrderBy(k => k, StringComparer.Ordinal);
        foreach (var name in names)
        {
            rows.Add(("  " + name, N(Lookup(before, name)), N(Lookup(after, name))));
        }
    }

    private static int Lookup(IReadOnlyList<KeyValuePair<string, int>> counts, string name) =>
        counts.FirstOrDefault(kv => kv.Key == name).Value;

    // Rounding can leave −0.000000 for a Q of −3e−19 (product states); the sign carries no information there.
    private static string Measure(double value)
    {
        var text = value.ToString("F6", Invariant);
        return text == "-0.000000" ? "0.000000" : text;
    }

    private static string N(int value) => value.ToString(Invariant);

    private static string Title(AnalysisReport r) =>
        $"{r.Circuit.Name}({string.Join(", ", r.Circuit.Arguments.Select(a => a.Key + "=" + a.Value.ToString(Invariant)))})";
}
