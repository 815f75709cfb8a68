using System.Text;
using System.Text.Json;
using QCircuitDsl.Runtime.Optim;

namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// The JSON strings stored in a checkpoint's metadata. System.Text.Json writes doubles in shortest round-trip form
/// and parses them back to the same bits, which keeps hyper-parameters (and so resumed updates) bit-exact.
/// </summary>
internal static class CheckpointJson
{
    /// <summary>PyTorch's param_groups shape: each group's options followed by "params".</summary>
    public static string WriteParamGroups(IEnumerable<ParamGroupState> groups) => Write(json =>
    {
        json.WriteStartArray();
        foreach (var group in groups)
        {
            json.WriteStartObject();
            foreach (var (key, value) in group.Options.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                json.WriteNumber(key, value);
            json.WriteStartArray("params");
            foreach (int index in group.Params) json.WriteNumberValue(index);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public static List<ParamGroupState> ReadParamGroups(string text, string path)
    {
        var result = new List<ParamGroupState>();
        try
        {
            using var doc = JsonDocument.Parse(text);
            foreach (var group in doc.RootElement.EnumerateArray())
            {
                var options = new Dictionary<string, double>();
                int[] parameters = [];
                foreach (var property in group.EnumerateObject())
                {
                    if (property.Name == "params") parameters = property.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
                    else options[property.Name] = property.Value.GetDouble();
                }
                result.Add(new ParamGroupState(options, parameters));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: metadata '{CheckpointLayout.ParamGroupsKey}' is not valid JSON param groups: {ex.Message}", ex);
        }
        return result;
    }

    public static string WriteScheduler(LRSchedulerState state) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("last_epoch", state.LastEpoch);
        json.WriteStartArray("base_lrs");
        foreach (double lr in state.BaseLrs) json.WriteNumberValue(lr);
        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static LRSchedulerState ReadScheduler(string text, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return new LRSchedulerState(root.GetProperty("last_epoch").GetInt32(),
                root.GetProperty("base_lrs").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{path}: metadata '{CheckpointLayout.SchedulerKey}' is not valid scheduler JSON: {ex.Message}", ex);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) body(json);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
