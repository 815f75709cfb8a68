using System.Globalization;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Checkpoints;

/// <summary>
/// Writes and reads <see cref="TrainingCheckpoint"/>s as one safetensors file, layout in <see cref="CheckpointLayout"/>.
/// Writing is atomic (temp file, fsync, rename — <see cref="AtomicFile"/>), so a crash leaves the previous checkpoint
/// intact. Tensor bytes are stored raw and numbers in the metadata in round-trip form, so Save then Load is bit-exact.
/// </summary>
public static class CheckpointFile
{
    public static void Save(string path, TrainingCheckpoint checkpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var tensors = new List<SafetensorsTensor>();
        foreach (var (name, tensor) in checkpoint.Model)
        {
            if (name.StartsWith(CheckpointLayout.ReservedTensorPrefix, StringComparison.Ordinal))
                throw new ArgumentException($"checkpoint: model key '{name}' starts with the reserved prefix '{CheckpointLayout.ReservedTensorPrefix}'; rename the submodule.");
            tensors.Add(TensorCodec.Encode(name, tensor));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CheckpointLayout.FormatKey] = CheckpointLayout.Format,
            [CheckpointLayout.EpochKey] = Invariant(checkpoint.Position.Epoch),
            [CheckpointLayout.BatchKey] = Invariant(checkpoint.Position.Batch),
            [CheckpointLayout.GlobalStepKey] = Invariant(checkpoint.Position.GlobalStep),
        };
        if (checkpoint.Optimizer is { } optimizer)
        {
            foreach (var (index, state) in optimizer.State)
                foreach (var (key, value) in state)
                    tensors.Add(TensorCodec.Encode($"{CheckpointLayout.OptimizerStatePrefix}{Invariant(index)}.{key}", value));
            metadata[CheckpointLayout.ParamGroupsKey] = CheckpointJson.WriteParamGroups(optimizer.ParamGroups);
        }
        if (checkpoint.Scheduler is { } scheduler)
            metadata[CheckpointLayout.SchedulerKey] = CheckpointJson.WriteScheduler(scheduler);
        foreach (var (name, words) in checkpoint.Rng)
        {
            if (words is not { Length: 4 }) throw new ArgumentException($"checkpoint: generator state '{name}' must have 4 words.");
            metadata[CheckpointLayout.RngPrefix + name] = string.Join(",", words.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        }
        foreach (var (key, value) in checkpoint.Values)
            metadata[CheckpointLayout.ValuePrefix + key] = value;

        SafetensorsFile.Write(path, tensors, metadata);
    }

    public static TrainingCheckpoint Load(string path)
    {
        var document = SafetensorsFile.Read(path);
        var meta = document.Metadata;
        if (!meta.TryGetValue(CheckpointLayout.FormatKey, out var format) || format != CheckpointLayout.Format)
            throw new InvalidDataException($"{path}: not a training checkpoint (metadata 'format' is {(format is null ? "missing" : $"'{format}'")}; expected '{CheckpointLayout.Format}'). A plain weights file can be loaded with SafetensorsFile.Read.");

        var model = new OrderedDictionary<string, Tensor>();
        var optimizerState = new Dictionary<int, Dictionary<string, Tensor>>();
        foreach (var entry in document.Tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!entry.Name.StartsWith(CheckpointLayout.OptimizerStatePrefix, StringComparison.Ordinal))
            {
                model[entry.Name] = TensorCodec.Decode(entry);
                continue;
            }
            var rest = entry.Name[CheckpointLayout.OptimizerStatePrefix.Length..];
            int dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                throw new InvalidDataException($"{path}: optimizer tensor '{entry.Name}' is not named optimizer.state.<index>.<name>.");
            if (!optimizerState.TryGetValue(index, out var state)) optimizerState[index] = state = new Dictionary<string, Tensor>();
            state[rest[(dot + 1)..]] = TensorCodec.Decode(entry);
        }

        OptimizerStateDict? optimizer = null;
        if (meta.TryGetValue(CheckpointLayout.ParamGroupsKey, out var groups))
        {
            optimizer = new OptimizerStateDict();
            optimizer.ParamGroups.AddRange(CheckpointJson.ReadParamGroups(groups, path));
            foreach (var (index, state) in optimizerState) optimizer.State[index] = state;
        }
        else if (optimizerState.Count > 0)
            throw new InvalidDataException($"{path}: has optimizer state tensors but no '{CheckpointLayout.ParamGroupsKey}' metadata.");

        var rng = new Dictionary<string, ulong[]>();
        var values = new Dictionary<string, string>();
        foreach (var (key, value) in meta)
        {
            if (key.StartsWith(CheckpointLayout.RngPrefix, StringComparison.Ordinal))
                rng[key[CheckpointLayout.RngPrefix.Length..]] = ParseWords(value, key, path);
            else if (key.StartsWith(CheckpointLayout.ValuePrefix, StringComparison.Ordinal))
                values[key[CheckpointLayout.ValuePrefix.Length..]] = value;
        }

        return new TrainingCheckpoint
        {
            Model = model,
            Optimizer = optimizer,
            Scheduler = meta.TryGetValue(CheckpointLayout.SchedulerKey, out var s) ? CheckpointJson.ReadScheduler(s, path) : null,
            Rng = rng,
            Position = new TrainingPosition(
                (int)ReadInteger(meta, CheckpointLayout.EpochKey, path),
                (int)ReadInteger(meta, CheckpointLayout.BatchKey, path),
                ReadInteger(meta, CheckpointLayout.GlobalStepKey, path)),
            Values = values,
        };
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long ReadInteger(IReadOnlyDictionary<string, string> meta, string key, string path)
    {
        if (meta.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            return value;
        throw new InvalidDataException($"{path}: metadata '{key}' is missing or not an integer.");
    }

    private static ulong[] ParseWords(string text, string key, string path)
    {
        var parts = text.Split(',');
        var words = new ulong[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out words[i]))
                throw new InvalidDataException($"{path}: metadata '{key}' is not a comma-separated list of unsigned integers.");
        if (words.Length != 4) throw new InvalidDataException($"{path}: metadata '{key}' has {words.Length} words; expected 4.");
        return words;
    }
}
