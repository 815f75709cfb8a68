using System.CommandLine;
using System.Globalization;
using System.Text;
using QCircuitDsl.Cli.Plotting;
using QCircuitDsl.Models.Analysis;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.Serialization;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl grad-norms [--task copying] [--T 50] [--qubits 6] [--hidden 32] [--batch 32] [--seed 1] [-o grad-norms.csv] [--svg grad-norms.svg]</c>:
/// per-timestep ‖∂L/∂h_t‖ normalised by the last step, for a freshly initialised QRNN and an LSTM of the same
/// parameter count on one batch of the task (the QRNN paper's §4.6), as CSV and as an SVG plot.
/// </summary>
internal static class GradNormsCommand
{
    public static Command Create(TextWriter output)
    {
        var task = new Option<string>("--task") { Description = "copying (default) or mnist, pmnist, fashion-mnist (with --data).", DefaultValueFactory = _ => "copying" };
        var data = new Option<string?>("--data") { Description = "Dataset folder for image tasks." };
        var delay = new Option<int>("--T") { Description = "Copying delay T.", DefaultValueFactory = _ => 50 };
        var qubits = new Option<int>("--qubits") { DefaultValueFactory = _ => 6 };
        var hidden = new Option<int>("--hidden") { DefaultValueFactory = _ => 32 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 32 };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1 };
        var csv = new Option<string>("--output", "-o") { Description = "CSV file (t, qrnn, lstm).", DefaultValueFactory = _ => "grad-norms.csv" };
        var svg = new Option<string?>("--svg") { Description = "SVG plot (default: the CSV name with .svg)." };
        var command = new Command("grad-norms", "Per-timestep gradient norms of a QRNN and an LSTM (QRNN paper §4.6), as CSV and SVG.")
        {
            task, data, delay, qubits, hidden, batch, seed, csv, svg,
        };
        command.SetAction(result =>
        {
            var kind = result.GetValue(task) switch
            {
                "copying" => TaskKind.Copying,
                "mnist" => TaskKind.Mnist,
                "pmnist" => TaskKind.PMnist,
                "fashion-mnist" => TaskKind.FashionMnist,
                var t => throw new CliException($"--task '{t}' is not known; expected copying, mnist, pmnist or fashion-mnist"),
            };
            var s = new TaskSettings
            {
                Task = kind,
                Delay = result.GetValue(delay),
                Qubits = result.GetValue(qubits),
                Hidden = result.GetValue(hidden),
                Seed = result.GetValue(seed),
                TrainSize = result.GetValue(batch),
                TestSize = 1,
            };
            TaskData d;
            try
            {
                d = TaskData.Load(s, result.GetValue(data));
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                throw new CliException(e.Message);
            }

            var x = d.TrainInputs;
            var y = d.TrainTargets;
            var init = Seeding.Generator(s.Seed, Seeding.Init);
            var encoder = new QrnnEncoder(new QCircuitDsl.Models.Sim14(n: s.Qubits), d.Features, s.Hidden, ControllerActivation.Gelu, generator: init);
            var model = d.PerStep ? (Runtime.NN.Module<Tensor, Tensor>)new SequenceTagger(encoder, d.Classes, generator: init) : new SequenceClassifier(encoder, d.Classes, generator: init);
            var qrnn = GradientNormAnalysis.Qrnn(encoder, model, x, y);
            long target = model.Parameters().Sum(p => (long)p.Numel);
            int lstmHidden = RecurrentEncoder.HiddenForParameterCount(RecurrentKind.Lstm, d.Features, target, d.Classes);
            var lstm = GradientNormAnalysis.Lstm(lstmHidden, d.Classes, x, y, Seeding.Generator(s.Seed, Seeding.Init + ".lstm"));

            var text = new StringBuilder("t,qrnn,lstm\n");
            for (int t = 0; t < qrnn.Length; t++)
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $"{t + 1},{qrnn[t]:R},{lstm[t]:R}\n"));
            }

            var csvPath = result.GetValue(csv)!;
            var svgPath = result.GetValue(svg) ?? Path.ChangeExtension(csvPath, ".svg");
            AtomicFile.WriteAllText(csvPath, text.ToString());
            AtomicFile.WriteAllText(svgPath, SvgLinePlot.Render(
                $"‖∂L/∂h_t‖ / ‖∂L/∂h_T‖ — {d.Description.Split(';')[0]}", "time step t", "normalised gradient norm",
                new[] { ($"QRNN ({s.Qubits} qubits)", qrnn), ($"LSTM (hidden {lstmHidden})", lstm) }));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t = 1: QRNN {qrnn[0]:G4}, LSTM {lstm[0]:G4} (relative to t = {qrnn.Length}); wrote {csvPath} and {svgPath}"));
            return 0;
        });
        return command;
    }
}
