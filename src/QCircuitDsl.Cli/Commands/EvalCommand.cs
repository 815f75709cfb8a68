using System.CommandLine;
using QCircuitDsl.Models.Tasks;

namespace QCircuitDsl.Cli.Commands;

/// <summary><c>qcdsl eval --checkpoint FILE [--data DIR] [--json]</c>: rebuilds the run's model from its run.json, loads the checkpoint, and evaluates the test set.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "A last.safetensors written by 'qcdsl train'.", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder, if it moved since training." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("eval", "Evaluate a trained checkpoint on its task's test set.") { checkpoint, data, json };
        command.SetAction(result =>
        {
            var path = result.GetValue(checkpoint)!;
            if (!File.Exists(path))
            {
                throw new CliException($"checkpoint not found: {path}");
            }

            try
            {
                var manifest = RunManifest.Read(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var run = TaskRuns.Create(manifest.Settings, result.GetValue(data) ?? manifest.DataDirectory, outputDirectory: null, Runtime.Reporting.NullProgressReporter.Instance);
                var evaluation = run.Evaluate(path);
                output.WriteLine(result.GetValue(json)
                    ? TrainingOutput.EvaluationJson(evaluation, run.TestExamples)
                    : $"{manifest.Settings.Task} {manifest.Settings.Model}: {TrainingOutput.Describe(evaluation)} on {run.TestExamples} test examples");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }
}
