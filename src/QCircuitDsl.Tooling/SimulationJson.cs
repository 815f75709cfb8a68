using System.Text;
using System.Text.Json;

namespace QCircuitDsl.Tooling;

/// <summary>
/// The JSON formats of <c>qcdsl simulate</c>, fixed so results can be checked against any other simulator:
/// parameters <c>{"theta": [0.1, ...]}</c> (each array flattened row-major); output
/// <c>{"qubits": n, "amplitudes": [[re, im], ...], "readouts": [...], "gradients": {"theta": [...]}, "input_gradient": [...]}</c>.
/// Basis index convention: qubit 0 is the most significant bit.
/// </summary>
public static class SimulationJson
{
    public static IReadOnlyDictionary<string, double[]> ReadParameters(string json, string source)
    {
        using var doc = Parse(json, source);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: expected a JSON object mapping each parameter array's name to its values, e.g. {{\"theta\": [0.1, 0.2]}}.");
        }

        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            result[property.Name] = ReadNumbers(property.Value, $"{source}: \"{property.Name}\"");
        }

        return result;
    }

    public static double[] ReadVector(string json, string source)
    {
        using var doc = Parse(json, source);
        return ReadNumbers(doc.RootElement, source);
    }

    private static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    private static double[] ReadNumbers(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{what}: expected an array of numbers, found {element.ValueKind}.");
        }

        var values = new List<double>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException($"{what}: element {i} is {item.ValueKind}; expected a number.");
            }

            values.Add(item.GetDouble());
            i++;
        }

        return values.ToArray();
    }

    public static string Write(SimulationResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("qubits", result.Qubits);
            w.WriteStartArray("amplitudes");
            for (int i = 0; i < result.AmplitudesReal.Length; i++)
            {
                w.WriteStartArray();
                w.WriteNumberValue(result.AmplitudesReal[i]);
                w.WriteNumberValue(result.AmplitudesImag[i]);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            WriteArray(w, "readouts", result.Readouts);
            if (result.Gradients != null)
            {
                w.WriteStartObject("gradients");
                foreach (var kv in result.Gradients)
                {
                    WriteArray(w, kv.Key, kv.Value);
                }

                w.WriteEndObject();
            }

            if (result.InputGradient != null)
            {
                WriteArray(w, "input_gradient", result.InputGradient);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
