using QCircuitDsl.Models.Mamba;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// Settings of a (HQC-)Mamba run. <see cref="Hybrid"/> and <see cref="Classical"/> give the paper's setting
/// (Ebrahimi &amp; Haddadi): 2 layers, expand 4, d_state 16, d_model 128 (hybrid) or 16 (classical), 4 epochs,
/// per-group learning rates in_proj 3e-4, x_proj 1e-4, out_proj 3e-4, others 1e-3, weight decay 0.01 on
/// classical weights and 0 on quantum ones and on A_log and D (AdamW).
/// </summary>
public sealed record MambaSettings
{
    public int DModel { get; init; } = 128;
    public int Layers { get; init; } = 2;
    public int Expand { get; init; } = 4;
    public int DState { get; init; } = 16;
    public MambaProjections Quantum { get; init; } = MambaProjections.All;
    public QuantumProjectionOptions QuantumOptions { get; init; } = QuantumProjectionOptions.Robust;
    /// <summary>Builds the quantum projections; null: the .qc layers of Mamba/projection.qc.</summary>
    public QuantumProjectionFactory? Projections { get; init; }
    public MambaOptimizerSettings Optimizer { get; init; } = new();
    public int Batch { get; init; } = 16;
    public int Epochs { get; init; } = 4;
    public ulong Seed { get; init; } = 1;
    public int TrainSize { get; init; }
    public int TestSize { get; init; }
    public double? GradientClipNorm { get; init; } = 1.0;

    public static MambaSettings Hybrid { get; } = new();
    public static MambaSettings Classical { get; } = new() { DModel = 16, Quantum = MambaProjections.None };
}

/// <summary>One training run of a Mamba classifier on an image-sequence task, on the runtime's trainer.</summary>
public sealed class MambaTaskRun
{
    public MambaTaskRun(MambaSettings settings, TaskData data, string? outputDirectory, IProgressReporter? reporter = null)
    {
        Settings = settings;
        Data = data;
        var init = Seeding.Generator(settings.Seed, Seeding.Init);
        var config = new MambaConfig(settings.DModel) { Expand = settings.Expand, DState = settings.DState };
        Model = new MambaClassifier(config, settings.Layers, data.Features, data.Classes, settings.Quantum, settings.QuantumOptions,
            generator: init, projections: settings.Projections);
        Optimizer = new AdamW(Model.ParameterGroups().ToParamGroups(settings.Optimizer), lr: settings.Optimizer.OtherLr, weightDecay: settings.Optimizer.WeightDecay);
        Trainer = new Trainer<TensorBatch>(Model, Optimizer, Loss, new TrainerOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            GradientClipNorm = settings.GradientClipNorm,
            Metrics = MetricKinds.Accuracy,
            MetricsPath = outputDirectory is null ? null : Path.Combine(outputDirectory, "metrics.jsonl"),
            CheckpointDirectory = outputDirectory,
            Reporter = reporter,
            StepLogInterval = 10,
        });
        Train = new TensorDataLoader(data.TrainInputs, data.TrainTargets, settings.Batch, shuffle: true, Seeding.Derive(settings.Seed, Seeding.Shuffle));
        Test = new TensorDataLoader(data.TestInputs, data.TestTargets, settings.Batch);
    }

    public MambaSettings Settings { get; }
    public TaskData Data { get; }
    public MambaClassifier Model { get; }
    public AdamW Optimizer { get; }
    public Trainer<TensorBatch> Trainer { get; }
    public TensorDataLoader Train { get; }
    public TensorDataLoader Test { get; }

    public TrainingResult Run(string? resumeFrom = null)
    {
        if (resumeFrom != null)
        {
            Trainer.Resume(resumeFrom);
        }

        return Trainer.Fit(Train, Test);
    }

    private BatchResult Loss(TensorBatch batch) => ClassificationLoss.Of(Model.Forward(batch.Inputs), batch.Targets);
}
