using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Models.Tasks;

/// <summary>
/// What <c>qcdsl train</c> and <c>qcdsl eval</c> need from a run of any task family (image and copying sequences,
/// text classification, language modelling, translation): its description, its size, training with resume, and
/// evaluation of a checkpoint on the test split.
/// </summary>
public interface ITaskRun
{
    TaskSettings Settings { get; }

    /// <summary>The data: source, split sizes, sequence shape.</summary>
    string TaskDescription { get; }

    /// <summary>The model: QRNN or baseline, sizes, and how a baseline was matched.</summary>
    string ModelDescription { get; }

    /// <summary>Trained parameters without word embeddings (as the paper counts them).</summary>
    long ParameterCount { get; }

    /// <summary>All trained parameters, embeddings included.</summary>
    long TotalParameterCount { get; }

    /// <summary>Examples in the test split: reviews, sentence pairs, sequences, or (language modelling) predicted tokens.</summary>
    int TestExamples { get; }

    /// <summary>Where this run's trainer writes its checkpoint (null without a run folder).</summary>
    string? CheckpointPath { get; }

    /// <summary>The last checkpoint written or resumed from.</summary>
    string? LastCheckpointPath { get; }

    TrainingResult Run(string? resumeFrom = null);

    /// <summary>Loads <paramref name="checkpointPath"/> and evaluates the test split, whole-set metrics (BLEU) included.</summary>
    EvaluationResult Evaluate(string checkpointPath);
}
