using System.Text.Json;
using System.Text.Json.Serialization;
using QCircuitDsl.Runtime.Serialization;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// <c>run.json</c> beside a run's checkpoint: the settings and data folder the model was built with, so
/// <c>qcdsl eval --checkpoint</c> can rebuild exactly the same model before loading the weights.
/// </summary>
public sealed record RunManifest(TaskSettings Settings, string? DataDirectory)
{
    public const string FileName = "run.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Options));
    }

    public static RunManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: it records how the model was built; was the checkpoint written by 'qcdsl train'?", path);
        }

        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid run manifest: {e.Message}", e);
        }
    }
}
