using QCircuitDsl.Runtime.Reporting;

namespace QCircuitDsl.Models.Tasks;

/// <summary>Builds the run of a task family from its settings and data folder (training, evaluation and <c>run.json</c> rebuilds).</summary>
public static class TaskRuns
{
    /// <summary>Loads the task's data (throwing <see cref="ArgumentException"/> or <see cref="IOException"/> naming what is wrong) and builds its run.</summary>
    public static ITaskRun Create(TaskSettings settings, string? dataDirectory, string? outputDirectory, IProgressReporter? reporter = null, bool recordTiming = true) =>
        settings.Task switch
        {
            TaskKind.Imdb => new TextClassificationRun(settings, ImdbData.Load(settings, dataDirectory), outputDirectory, reporter, recordTiming),
            TaskKind.Ptb => new LanguageModelRun(settings, PtbData.Load(settings, dataDirectory), outputDirectory, reporter, recordTiming),
            TaskKind.Multi30k => new TranslationRun(settings, Multi30kData.Load(settings, dataDirectory), outputDirectory, reporter, recordTiming),
            _ => new TaskRun(settings, TaskData.Load(settings, dataDirectory), outputDirectory, reporter, recordTiming),
        };
}
