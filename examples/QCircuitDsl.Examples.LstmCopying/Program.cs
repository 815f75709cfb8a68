using System.Globalization;
using LstmCopying;
using QCircuitDsl.Runtime.Training;
using QCircuitDsl.Runtime.Training.Recipes;

// Trains an LSTM on the copying-memory task and reports accuracy on the 10 copied symbols (chance: 1/8).
//   dotnet run -c Release --project examples/QCircuitDsl.Examples.LstmCopying -- --seed 1 --epochs 8 --delay 10
// Options: --seed --epochs --delay (T) --train (sequences) --test --hidden --batch --lr --out (default
// ./runs/lstm-copying) and --resume, which continues from <out>/last.safetensors exactly where it stopped.
try
{
    var a = new Arguments(args);
    var defaults = new CopyingMemorySettings();
    var settings = defaults with
    {
        Seed = a.ULong("seed", defaults.Seed),
        Epochs = a.Int("epochs", defaults.Epochs),
        Delay = a.Int("delay", defaults.Delay),
        TrainSequences = a.Int("train", defaults.TrainSequences),
        TestSequences = a.Int("test", defaults.TestSequences),
        HiddenSize = a.Int("hidden", defaults.HiddenSize),
        BatchSize = a.Int("batch", defaults.BatchSize),
        LearningRate = a.Double("lr", defaults.LearningRate),
        OutputDirectory = a.String("out", Path.Combine("runs", "lstm-copying")),
    };
    bool resume = a.Flag("resume");
    a.RejectUnknown();

    var experiment = new CopyingMemoryExperiment(settings);
    string checkpoint = experiment.Trainer.CheckpointPath!;
    if (resume)
    {
        experiment.Trainer.Resume(checkpoint);
        Console.WriteLine($"resumed from {checkpoint} at epoch {experiment.Trainer.Position.Epoch + 1}, step {experiment.Trainer.Position.GlobalStep}");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"copying task T={settings.Delay}: {settings.TrainSequences} train / {settings.TestSequences} test sequences of length {experiment.Task.SequenceLength}, LSTM hidden {settings.HiddenSize}, seed {settings.Seed}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"baselines: chance accuracy {CopyingMemoryExperiment.ChanceAccuracy:0.000}, memoryless cross-entropy {experiment.Task.BaselineCrossEntropy:0.0000}"));

    var result = experiment.Run();
    foreach (var epoch in result.Epochs)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch.Epoch}: train_loss {epoch.Train.Loss:0.0000}  test_loss {epoch.Test!.Loss:0.0000}  test_accuracy {epoch.Test.Accuracy:0.000}"));
    Console.WriteLine($"metrics: {Path.Combine(settings.OutputDirectory!, "metrics.jsonl")}, checkpoint: {checkpoint}");
    return 0;
}
catch (TrainingDivergedException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
