using System.CommandLine;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl interchange --run DIR --weights W.safetensors --inputs I.safetensors -o OUT.safetensors</c>: for checking
/// against another implementation (e.g. PyTorch). Builds the model of a run (its run.json), loads weights by their
/// PyTorch-style names (a checkpoint works too: its optimizer entries are ignored), runs the inputs
/// (<c>inputs</c> F32 [B, T, F], <c>targets</c> I64 [B] or [B, T]) and writes <c>logits</c>, <c>loss</c> (mean
/// cross-entropy) and <c>grad.NAME</c> for every parameter.
/// </summary>
internal static class InterchangeCommand
{
    public static Command Create(TextWriter output)
    {
        var run = new Option<string>("--run") { Description = "A run folder with run.json (written by 'qcdsl train').", Required = true };
        var weights = new Option<string>("--weights") { Description = "safetensors with the model's parameters by name.", Required = true };
        var inputs = new Option<string>("--inputs") { Description = "safetensors with 'inputs' (F32 [B,T,F]) and 'targets' (I64).", Required = true };
        var outPath = new Option<string>("--output", "-o") { Description = "safetensors to write logits, loss and gradients to.", Required = true };
        var command = new Command("interchange", "Run a model on given weights and inputs; write outputs and all parameter gradients as safetensors.") { run, weights, inputs, outPath };
        command.SetAction(result =>
        {
            try
            {
                var manifest = RunManifest.Read(result.GetValue(run)!);
                if (manifest.Settings.IsText)
                {
                    throw new CliException($"interchange runs the copying and image-task models on [batch, time, features] inputs; {result.GetValue(run)} is a {manifest.Settings.Task} run, whose inputs are token ids");
                }

                var data = SafetensorsFile.Read(result.GetValue(inputs)!);
                var x = ToTensor(Find(data, "inputs", result.GetValue(inputs)!));
                var y = ToTensor(Find(data, "targets", result.GetValue(inputs)!));
                if (x.Dim != 3)
                {
                    throw new CliException($"'inputs' has shape [{string.Join(", ", x.Shape)}]; expected [batch, time, features]");
                }

                bool perStep = manifest.Settings.Task == TaskKind.Copying;
                var (_, model) = TaskRun.BuildModel(manifest.Settings, x.Size(2), 10, perStep, new Generator(0));
                LoadWeights(model, SafetensorsFile.Read(result.GetValue(weights)!), result.GetValue(weights)!);
                var logits = model.Forward(x);
                var loss = perStep ? Functional.CrossEntropy(logits, y, classDim: -1) : Functional.CrossEntropy(logits, y);
                loss.Backward();
                var tensors = new List<SafetensorsTensor>
                {
                    SafetensorsTensor.FromFloats("logits", logits.Contiguous().ToArray<float>(), logits.Shape.Select(d => (long)d).ToArray()),
                    SafetensorsTensor.FromFloats("loss", new[] { loss.Item<float>() }),
                };
                foreach (var (name, parameter) in model.NamedParameters())
                {
                    tensors.Add(SafetensorsTensor.FromFloats("grad." + name, parameter.Grad!.Contiguous().ToArray<float>(), parameter.Shape.Select(d => (long)d).ToArray()));
                }

                SafetensorsFile.Write(result.GetValue(outPath)!, tensors, new Dictionary<string, string> { ["format"] = "qcdsl-interchange-1" });
                output.WriteLine($"loss {loss.Item<float>():R}; wrote logits and {tensors.Count - 2} gradients to {result.GetValue(outPath)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or KeyNotFoundException or StateDictLoadException)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static SafetensorsTensor Find(SafetensorsDocument document, string name, string path) =>
        document.Tensors.FirstOrDefault(t => t.Name == name) ?? throw new CliException($"{path} has no tensor named '{name}'");

    private static Tensor ToTensor(SafetensorsTensor t)
    {
        var shape = t.Shape.Select(d => checked((int)d)).ToArray();
        return t.DType switch
        {
            "F32" => Torch.Tensor(t.ToFloats(), shape),
            "I64" => Torch.Tensor(t.ToInt64s(), shape),
            _ => throw new CliException($"tensor '{t.Name}' is {t.DType}; expected F32 (inputs, weights) or I64 (targets)"),
        };
    }

    private static void LoadWeights(Module model, SafetensorsDocument weights, string path)
    {
        var expected = model.StateDict();
        var missing = expected.Keys.Where(k => weights.Tensors.All(t => t.Name != k)).ToList();
        if (missing.Count > 0)
        {
            throw new CliException($"{path} lacks {missing.Count} of the model's tensors: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : "")}");
        }

        var dict = new Dictionary<string, Tensor>();
        foreach (var name in expected.Keys)
        {
            dict[name] = ToTensor(weights[name]);
        }

        model.LoadStateDict(dict, strict: true);
    }
}
