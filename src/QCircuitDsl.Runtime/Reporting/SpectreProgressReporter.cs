using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// Live progress bars for interactive terminals via Spectre.Console: description, bar, percentage, done/total,
/// throughput and estimated time left. Spectre's progress display is callback-shaped (<c>Progress.Start(ctx =&gt; …)</c>)
/// while training loops want an object they can advance, so the display runs on a background task for the
/// reporter's lifetime and trackers are added to its context from the caller's thread (Spectre's context and tasks
/// are thread-safe). Dispose the reporter to end the display.
/// </summary>
public sealed class SpectreProgressReporter : IProgressReporter
{
    private readonly IAnsiConsole _console;
    private readonly ManualResetEventSlim _ready = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Task _display;
    private readonly ConcurrentDictionary<int, string> _units = new();
    private ProgressContext? _context;
    private bool _disposed;

    public SpectreProgressReporter(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Console;
        var progress = _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new CountColumn(),
                new ThroughputColumn(_units),
                new RemainingTimeColumn(),
                new SpinnerColumn());
        _display = Task.Run(() =>
        {
            try
            {
                progress.Start(ctx =>
                {
                    _context = ctx;
                    _ready.Set();
                    _stop.Wait();
                });
            }
            finally
            {
                _ready.Set(); // never leave the constructor waiting if Spectre failed to start
            }
        });
        _ready.Wait();
        if (_context is null)
            _display.GetAwaiter().GetResult(); // surfaces Spectre's exception
    }

    public IProgressTracker Start(string description, long total, string unit = "it")
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var task = _context!.AddTask(Markup.Escape(description), autoStart: true, maxValue: total > 0 ? total : 1);
        task.IsIndeterminate = total <= 0;
        _units[task.Id] = unit;
        return new Tracker(task, description, total);
    }

    public void WriteLine(string message) => _console.WriteLine(message);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Set();
        _display.GetAwaiter().GetResult();
        _ready.Dispose();
        _stop.Dispose();
    }

    private sealed class Tracker(ProgressTask task, string description, long total) : IProgressTracker
    {
        private long _completed;

        public string Description => description;
        public long Total => total;
        public long Completed => Interlocked.Read(ref _completed);

        public void Advance(long amount = 1)
        {
            Interlocked.Add(ref _completed, amount);
            task.Increment(amount);
        }

        public void SetStatus(string? status) =>
            task.Description = string.IsNullOrEmpty(status)
                ? Markup.Escape(description)
                : $"{Markup.Escape(description)} [grey]{Markup.Escape(status)}[/]";

        public void Complete()
        {
            if (task.IsFinished)
                return;
            if (total <= 0)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            }
            task.StopTask();
        }

        public void Dispose() => Complete();
    }

    /// <summary>"done/total".</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.IsIndeterminate ? $"{task.Value:0}" : $"{task.Value:0}/{task.MaxValue:0}", new Style(Color.Grey));
    }

    /// <summary>Items per second in the tracker's unit, from Spectre's own speed estimate.</summary>
    private sealed class ThroughputColumn(ConcurrentDictionary<int, string> units) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(ProgressMath.FormatRate(task.Speed, units.GetValueOrDefault(task.Id, "it")), new Style(Color.Aqua));
    }
}
