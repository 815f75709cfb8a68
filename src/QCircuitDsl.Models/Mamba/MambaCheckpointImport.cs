using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>A checkpoint that cannot be loaded into the model; the message names the file and every key at fault.</summary>
public sealed class MambaCheckpointException(string path, IReadOnlyList<string> problems)
    : IOException($"{path}: cannot load into this model:\n  " + string.Join("\n  ", problems))
{
    public string FilePath { get; } = path;
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>What <see cref="MambaCheckpointImport"/> did with each tensor.</summary>
/// <param name="OfficialNaming">The file used the mamba_ssm MambaLMHeadModel names ("backbone." prefix).</param>
/// <param name="Loaded">Model parameter names that received a value.</param>
/// <param name="Skipped">File keys (as written in the file) not loaded, with the rule that skipped them.</param>
/// <param name="KeptInitialization">Model parameters the file has no value for, which keep their initialisation.</param>
public sealed record MambaImportReport(bool OfficialNaming, IReadOnlyList<string> Loaded, IReadOnlyList<(string Key, string Reason)> Skipped,
    IReadOnlyList<string> KeptInitialization)
{
    public override string ToString() =>
        $"{Loaded.Count} tensors loaded ({(OfficialNaming ? "mamba_ssm names, 'backbone.' stripped" : "this model's names")})" +
        (Skipped.Count == 0 ? "" : "; skipped: " + string.Join("; ", Skipped.Select(s => $"{s.Key} ({s.Reason})"))) +
        (KeptInitialization.Count == 0 ? "" : "; kept at initialisation: " + string.Join(", ", KeptInitialization));
}

/// <summary>
/// Loads a safetensors state dict of a PyTorch Mamba into a <see cref="MambaClassifier"/>, names and layouts as they are.
/// </summary>
/// <remarks>
/// The rules, in order:
/// <list type="number">
/// <item>Naming. A file whose keys start with "backbone." (the official MambaLMHeadModel: backbone.layers.N.mixer.…,
/// backbone.layers.N.norm.weight, backbone.norm_f.weight, backbone.embedding.weight, lm_head.weight) has the prefix
/// stripped; then every key except lm_head.weight must carry it. Any other file must use this model's names
/// (layers.N.mixer.…, norm_f, embedding, head), e.g. a state dict saved from a <see cref="MambaClassifier"/>.</item>
/// <item>Language-model parts. In an official file, backbone.embedding.weight (the token embedding, [vocab, d_model])
/// and lm_head.weight are skipped and reported: a classifier over pixels has a Linear lift and a class head in their
/// place, which keep their initialisation.</item>
/// <item>Quantum projections. Where the model's in_proj, x_proj or out_proj is quantum and the file holds that
/// projection's classical weight (and bias), those are skipped and reported; the quantum projection keeps its
/// initialisation. A file saved from HQC-Mamba (…in_proj.quantum.weight, …in_proj.linear.weight) loads into it.</item>
/// <item>Everything else must match exactly: a file key the model does not have, a model parameter the file lacks
/// (other than those of rules 2 and 3), a shape that differs, or a dtype other than F32, F64, F16 or BF16 is an
/// error. All problems are reported together, each naming its key with the expected and the actual shape, and
/// nothing is loaded.</item>
/// </list>
/// Values are widened to float32 (bf16 and f16 exactly) and then converted to the model's dtype.
/// </remarks>
public static class MambaCheckpointImport
{
    public const string BackbonePrefix = "backbone.";
    public const string LmHead = "lm_head.weight";

    public static MambaImportReport Load(MambaClassifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Load(model, SafetensorsFile.Read(path).Tensors, path);
    }

    /// <param name="source">Names the tensors' origin (the file path) in error messages.</param>
    public static MambaImportReport Load(MambaClassifier model, IReadOnlyList<SafetensorsTensor> tensors, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tensors);
        var problems = new List<string>();
        bool official = tensors.Any(t => t.Name.StartsWith(BackbonePrefix, StringComparison.Ordinal));
        var targets = model.StateDict();
        var quantumSites = model.NamedModules().Where(m => m.Module is QuantumProjection).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var skipped = new List<(string, string)>();
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var replacedSites = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal); // present but unusable: reported once, not also as missing

        foreach (var tensor in tensors)
        {
            var key = tensor.Name;
            if (official)
            {
                if (key == LmHead)
                {
                    skipped.Add((key, "language-model head; the classifier's head keeps its initialisation"));
                    continue;
                }
                if (!key.StartsWith(BackbonePrefix, StringComparison.Ordinal))
                {
                    problems.Add($"'{key}': the file uses the mamba_ssm names (keys start with '{BackbonePrefix}'), but this key does not");
                    continue;
                }
                key = key[BackbonePrefix.Length..];
                if (key == "embedding.weight")
                {
                    skipped.Add((tensor.Name, "token embedding of the language model; the classifier's input lift keeps its initialisation"));
                    continue;
                }
            }
            var site = key.Contains('.') ? key[..key.LastIndexOf('.')] : "";
            if (quantumSites.Contains(site))
            {
                skipped.Add((tensor.Name, $"{site} is a quantum projection in this model; it keeps its initialisation"));
                replacedSites.Add(site);
                continue;
            }
            if (!targets.TryGetValue(key, out var target))
            {
                problems.Add($"'{tensor.Name}': the model has no parameter '{key}' (shape {Shape(tensor.Shape)} in the file)");
                continue;
            }
            var expected = target.Shape.Select(d => (long)d).ToArray();
            if (!expected.SequenceEqual(tensor.Shape))
            {
                rejected.Add(key);
                problems.Add($"'{tensor.Name}': expected shape {Shape(expected)} for '{key}', the file has {Shape(tensor.Shape)}");
                continue;
            }
            if (!SafetensorsFloats.IsSupported(tensor.DType))
            {
                rejected.Add(key);
                problems.Add($"'{tensor.Name}': dtype {tensor.DType} is not a floating-point dtype ({string.Join(", ", SafetensorsFloats.Supported)})");
                continue;
            }
            values[key] = Torch.Tensor(SafetensorsFloats.ToFloat32(tensor), target.Shape).To(target.DType);
        }

        var kept = new List<string>();
        foreach (var (key, target) in targets)
        {
            if (values.ContainsKey(key) || rejected.Contains(key)) continue;
            bool lmReplaced = official && (key.StartsWith("embedding.", StringComparison.Ordinal) || key.StartsWith("head.", StringComparison.Ordinal));
            bool quantumReplaced = replacedSites.Any(site => key.StartsWith(site + ".", StringComparison.Ordinal));
            if (lmReplaced || quantumReplaced) kept.Add(key);
            else problems.Add($"'{(official ? BackbonePrefix : "") + key}' is missing: the model needs shape {Shape(target.Shape.Select(d => (long)d).ToArray())}");
        }
        if (problems.Count > 0) throw new MambaCheckpointException(source, problems);

        model.LoadStateDict(values, strict: false);
        return new MambaImportReport(official, values.Keys.ToList(), skipped, kept);
    }

    private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
