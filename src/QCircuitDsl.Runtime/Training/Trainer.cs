using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using QCircuitDsl.Runtime.Checkpoints;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Optim;
using QCircuitDsl.Runtime.Reporting;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Training;

/// <summary>
/// The training loop: epochs of mini-batches (train mode, zero grad, loss, backward, optional clipping, optimizer step,
/// optional per-step scheduler), then evaluation (eval mode, no grad) and the epoch's metrics line, scheduler step and
/// checkpoint. The user supplies the loss per batch as a function, so any model shape fits.
/// <para>Determinism: everything random comes from generators derived from <see cref="TrainerOptions.Seed"/> (see
/// <see cref="Seeding"/>) and every kernel is thread-count independent, so a run is reproducible bit for bit. A
/// checkpoint holds all state that influences later steps (weights, optimizer and scheduler state, generator states,
/// data position, the epoch's running sums), so <see cref="Resume"/> followed by <see cref="Fit"/> continues exactly
/// as the uninterrupted run would have, metrics file included.</para>
/// <para>A NaN or infinite loss (or gradient norm, when clipping) stops training with a
/// <see cref="TrainingDivergedException"/> before the bad step is applied; the last checkpoint is left as it was.</para>
/// </summary>
public sealed class Trainer<TBatch>
{
    public const string CheckpointFileName = "last.safetensors";
    private const string TrainPrefix = "train.";

    private readonly Module _model;
    private readonly Optimizer _optimizer;
    private readonly LRScheduler? _scheduler;
    private readonly Func<TBatch, BatchResult> _computeBatch;
    private readonly TrainerOptions _options;
    private readonly MetricAccumulator _train = new();
    private TrainingPosition _position = TrainingPosition.Start;
    private TrainingPosition? _resumedFrom;
    private bool _seeded;
    private IProgressReporter _reporter = NullProgressReporter.Instance;

    /// <param name="computeBatch">Runs the model on a batch and returns the mean loss (and accuracy counts). It is
    /// called in train mode with gradients enabled, and in eval mode under no-grad for evaluation.</param>
    public Trainer(Module model, Optimizer optimizer, Func<TBatch, BatchResult> computeBatch, TrainerOptions? options = null, LRScheduler? scheduler = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        _computeBatch = computeBatch ?? throw new ArgumentNullException(nameof(computeBatch));
        _options = options ?? new TrainerOptions();
        _scheduler = scheduler;
        if (_options.Epochs < 0) throw new ArgumentException($"Epochs is {_options.Epochs}; expected at least 0.", nameof(options));
        if (_scheduler is not null && !ReferenceEquals(_scheduler.Optimizer, _optimizer))
            throw new ArgumentException("the scheduler drives a different optimizer than the one given to the trainer.", nameof(scheduler));
    }

    /// <summary>The next batch to train and the number of steps taken.</summary>
    public TrainingPosition Position => _position;

    /// <summary>The last checkpoint written or resumed from, and the step it holds.</summary>
    public string? LastCheckpointPath { get; private set; }
    public long? LastCheckpointStep { get; private set; }

    /// <summary>Where checkpoints go, or null when checkpointing is off.</summary>
    public string? CheckpointPath => _options.CheckpointDirectory is { } dir ? Path.Combine(dir, CheckpointFileName) : null;

    /// <summary>
    /// Restores model, optimizer, scheduler, generators (<see cref="Torch.DefaultGenerator"/> of this thread and
    /// <see cref="TrainerOptions.Generators"/>), position and running sums from a checkpoint written by a trainer
    /// with the same configuration. The next <see cref="Fit"/> continues from there.
    /// </summary>
    public void Resume(string checkpointPath)
    {
        var checkpoint = CheckpointFile.Load(checkpointPath);
        CheckpointState.Restore(checkpoint, _model, _optimizer, _scheduler, Generators());
        _train.Load(checkpoint.Values, TrainPrefix);
        _position = checkpoint.Position;
        _resumedFrom = _position;
        _seeded = true; // the restored generator states replace seeding
        LastCheckpointPath = checkpointPath;
        LastCheckpointStep = _position.GlobalStep;
    }

    /// <summary>Trains up to <see cref="TrainerOptions.Epochs"/> epochs (or <see cref="TrainerOptions.MaxSteps"/> steps).</summary>
    public TrainingResult Fit(IDataLoader<TBatch> train, IDataLoader<TBatch>? test = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!_seeded)
        {
            Torch.ManualSeed(unchecked((long)Seeding.Derive(_options.Seed, Seeding.TorchDefault)));
            _seeded = true;
        }
        var reporter = _reporter = _options.Reporter ?? ProgressReporterFactory.Create();
        var metrics = _options.MetricsPath is { } metricsPath ? MetricsLog.Open(metricsPath, _resumedFrom) : null;
        _resumedFrom = null;
        var epochs = new List<EpochSummary>();
        try
        {
            while (_position.Epoch < _options.Epochs)
            {
                if (MaxStepsReached) return Stop(epochs);
                var clock = Stopwatch.StartNew();
                if (_position.Batch < train.BatchCount)
                    RunBatches(train, reporter, metrics);
                if (MaxStepsReached) return Stop(epochs);
                epochs.Add(FinishEpoch(test, reporter, metrics, clock.Elapsed));
            }
            return new TrainingResult(epochs, _position, StoppedAtMaxSteps: false);
        }
        finally
        {
            metrics?.Dispose();
            if (_options.Reporter is null) reporter.Dispose();
            _reporter = NullProgressReporter.Instance;
        }
    }

    /// <summary>Loss and metrics of the model on <paramref name="data"/> (epoch 0's order), in eval mode without gradients.</summary>
    public EvaluationResult Evaluate(IDataLoader<TBatch> data, IProgressReporter? reporter = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sums = new MetricAccumulator();
        _model.Eval();
        try
        {
            using var tracker = (reporter ?? NullProgressReporter.Instance).Start("evaluating", data.BatchCount, _options.ProgressUnit);
            using (Torch.NoGrad())
                foreach (var batch in data.GetBatches(0))
                {
                    var result = _computeBatch(batch);
                    sums.Add(result.Loss.ToDouble(), result);
                    tracker.Advance();
                }
        }
        finally
        {
            _model.Train();
        }
        return Summarise(sums);
    }

    /// <summary>Runs a whole-set metric function in eval mode without gradients (see <see cref="TrainerOptions.TestMetrics"/>).</summary>
    public IReadOnlyDictionary<string, double> EvaluateExtra(Func<IReadOnlyDictionary<string, double>> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _model.Eval();
        try
        {
            using (Torch.NoGrad())
                return metrics();
        }
        finally
        {
            _model.Train();
        }
    }

    private bool MaxStepsReached => _options.MaxSteps is { } max && _position.GlobalStep >= max;

    private TrainingResult Stop(List<EpochSummary> epochs)
    {
        SaveCheckpoint(epochEnd: false);
        return new TrainingResult(epochs, _position, StoppedAtMaxSteps: true);
    }

    private void RunBatches(IDataLoader<TBatch> train, IProgressReporter reporter, Reporting.JsonLinesMetricsWriter? metrics)
    {
        int epoch = _position.Epoch;
        if (_position.Batch == 0) _train.Reset();
        using var tracker = reporter.Start($"epoch {epoch + 1}/{_options.Epochs}", train.BatchCount - _position.Batch, _options.ProgressUnit);
        var parameters = _optimizer.ParamGroups.SelectMany(g => g.Parameters).ToArray();
        foreach (var batch in train.GetBatches(epoch, _position.Batch))
        {
            if (MaxStepsReached) break;
            long step = _position.GlobalStep + 1;
            double lr = _optimizer.ParamGroups[0].Lr;
            _model.Train();
            _optimizer.ZeroGrad();
            var result = _computeBatch(batch);
            double loss = result.Loss.ToDouble();
            if (!double.IsFinite(loss)) Diverge("loss", loss, step, metrics);
            result.Loss.Backward();
            double? gradNorm = null;
            if (_options.GradientClipNorm is { } maxNorm)
            {
                gradNorm = Utils.ClipGradNorm_(parameters, maxNorm);
                if (!double.IsFinite(gradNorm.Value)) Diverge("gradient norm", gradNorm.Value, step, metrics);
            }
            _optimizer.Step();
            if (_scheduler is not null && _options.SchedulerInterval == SchedulerInterval.Step) _scheduler.Step();
            _train.Add(loss, result);
            _position = new TrainingPosition(epoch, _position.Batch + 1, step);

            if (metrics is not null && _options.StepLogInterval > 0 && step % _options.StepLogInterval == 0)
                metrics.Write(StepLine(step, loss, lr, gradNorm, result));
            tracker.Advance();
            tracker.SetStatus(string.Create(CultureInfo.InvariantCulture, $"loss {_train.MeanLoss:0.0000}"));
            if (_options.CheckpointEverySteps is int every && every > 0 && step % every == 0) SaveCheckpoint(epochEnd: false);
        }
        tracker.Complete();
    }

    private EpochSummary FinishEpoch(IDataLoader<TBatch>? test, IProgressReporter reporter, Reporting.JsonLinesMetricsWriter? metrics, TimeSpan elapsed)
    {
        int epoch = _position.Epoch + 1;
        var train = Summarise(_train);
        var evaluation = test is null ? null : Evaluate(test, reporter);
        if (evaluation is not null && _options.TestMetrics is { } testMetrics)
            evaluation = evaluation with { Extra = EvaluateExtra(testMetrics) };
        double lr = _optimizer.ParamGroups[0].Lr;
        var fields = new List<(string, object?)> { ("kind", "epoch"), ("epoch", epoch), ("step", _position.GlobalStep), ("train_loss", train.Loss) };
        AddMetrics(fields, "train_", train);
        if (evaluation is not null)
        {
            fields.Add(("test_loss", evaluation.Loss));
            AddMetrics(fields, "test_", evaluation);
        }
        fields.Add(("lr", lr));
        if (_options.RecordTiming) fields.Add(("epoch_seconds", elapsed.TotalSeconds));
        metrics?.Write(fields.ToArray());
        reporter.WriteLine($"epoch {epoch}/{_options.Epochs}: " + string.Join(", ", fields.Skip(3).Select(f => $"{f.Item1} {Format(f.Item2)}")));

        if (_scheduler is not null && _options.SchedulerInterval == SchedulerInterval.Epoch) _scheduler.Step();
        _position = new TrainingPosition(_position.Epoch + 1, 0, _position.GlobalStep);
        _train.Reset();
        SaveCheckpoint(epochEnd: true);
        return new EpochSummary(epoch, _position.GlobalStep, train, evaluation);
    }

    private (string, object?)[] StepLine(long step, double loss, double lr, double? gradNorm, BatchResult result)
    {
        var fields = new List<(string, object?)>
        {
            ("kind", "step"), ("epoch", _position.Epoch + 1), ("step", step), ("batch", _position.Batch), ("loss", loss), ("lr", lr),
        };
        if (gradNorm is { } norm) fields.Add(("grad_norm", norm));
        if (_options.Metrics.HasFlag(MetricKinds.Accuracy) && result.Predictions > 0)
            fields.Add(("accuracy", (double)result.Correct / result.Predictions));
        if (_options.Metrics.HasFlag(MetricKinds.Perplexity)) fields.Add(("perplexity", Math.Exp(loss)));
        return fields.ToArray();
    }

    private void AddMetrics(List<(string, object?)> fields, string prefix, EvaluationResult result)
    {
        if (result.Accuracy is { } accuracy) fields.Add((prefix + "accuracy", accuracy));
        if (result.Perplexity is { } perplexity) fields.Add((prefix + "perplexity", perplexity));
        foreach (var (name, value) in result.Extra) fields.Add((prefix + name, value));
    }

    private EvaluationResult Summarise(MetricAccumulator sums) => new(
        sums.MeanLoss,
        _options.Metrics.HasFlag(MetricKinds.Accuracy) ? sums.Accuracy : null,
        _options.Metrics.HasFlag(MetricKinds.Perplexity) ? sums.Perplexity : null,
        sums.Count);

    [DoesNotReturn]
    private void Diverge(string quantity, double value, long step, Reporting.JsonLinesMetricsWriter? metrics)
    {
        metrics?.Write(("kind", "diverged"), ("epoch", _position.Epoch + 1), ("step", step), ("batch", _position.Batch + 1), (quantity.Replace(' ', '_'), value));
        var error = new TrainingDivergedException(quantity, value, _position.Epoch + 1, step, _position.Batch, LastCheckpointPath, LastCheckpointStep);
        _reporter.WriteLine(error.Message);
        throw error;
    }

    private void SaveCheckpoint(bool epochEnd)
    {
        if (_options.CheckpointDirectory is not { } directory) return;
        Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string> { ["seed"] = _options.Seed.ToString(CultureInfo.InvariantCulture) };
        _train.Save(values, TrainPrefix);
        var checkpoint = CheckpointState.Capture(_model, _optimizer, _scheduler, Generators(), _position, values);
        string path = Path.Combine(directory, CheckpointFileName);
        CheckpointFile.Save(path, checkpoint);
        if (epochEnd && _options.KeepEpochCheckpoints)
            CheckpointFile.Save(Path.Combine(directory, $"epoch-{_position.Epoch:D4}.safetensors"), checkpoint);
        LastCheckpointPath = path;
        LastCheckpointStep = _position.GlobalStep;
    }

    /// <summary>The generators a checkpoint saves: this thread's default one plus the configured ones.</summary>
    private Dictionary<string, Generator> Generators()
    {
        var result = new Dictionary<string, Generator>(_options.Generators) { [Seeding.TorchDefault] = Torch.DefaultGenerator };
        return result;
    }

    private static string Format(object? value) => value switch
    {
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
