using System.Globalization;
using System.Text;

namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// Progress as ordinary text lines, for redirected output and CI logs: no ANSI escapes, no carriage-return redraws,
/// and at most one line per tracker every <see cref="Interval"/> (plus a start line and a final line), so a long run
/// produces a readable log instead of megabytes of bar frames. Line format:
/// <c>{description}: {done}/{total} ({pct}%) | {rate} | elapsed {mm:ss} | left {mm:ss}[ | {status}]</c>.
/// </summary>
public sealed class PlainTextProgressReporter : IProgressReporter
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    /// <param name="output">Where lines go (the factory passes standard error so stdout stays for results).</param>
    /// <param name="interval">Minimum time between progress lines of one tracker; default 10 s.</param>
    /// <param name="time">Clock; injectable so tests need not sleep.</param>
    public PlainTextProgressReporter(TextWriter output, TimeSpan? interval = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _time = time ?? TimeProvider.System;
        Interval = interval ?? TimeSpan.FromSeconds(10);
    }

    public TimeSpan Interval { get; }

    public IProgressTracker Start(string description, long total, string unit = "it")
    {
        var tracker = new Tracker(this, description, total, unit);
        Emit(total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{description}: started, {total} {unit}")
            : $"{description}: started");
        return tracker;
    }

    public void WriteLine(string message) => Emit(message);

    public void Dispose()
    {
        lock (_lock)
            _output.Flush();
    }

    private void Emit(string line)
    {
        lock (_lock)
        {
            _output.Write(line);
            _output.Write('\n');
            _output.Flush();
        }
    }

    private sealed class Tracker : IProgressTracker
    {
        private readonly PlainTextProgressReporter _owner;
        private readonly long _startTimestamp;
        private readonly string _unit;
        private readonly Lock _gate = new();
        private long _lastPrintTimestamp;
        private long _completed;
        private string? _status;
        private bool _finished;

        public Tracker(PlainTextProgressReporter owner, string description, long total, string unit)
        {
            _owner = owner;
            Description = description;
            Total = total;
            _unit = unit;
            _startTimestamp = owner._time.GetTimestamp();
            _lastPrintTimestamp = _startTimestamp;
        }

        public string Description { get; }
        public long Total { get; }
        public long Completed => Interlocked.Read(ref _completed);

        public void Advance(long amount = 1)
        {
            long done = Interlocked.Add(ref _completed, amount);
            long now = _owner._time.GetTimestamp();
            lock (_gate)
            {
                // At 100% the final line from Complete() says it all; skip a redundant periodic one.
                if (_finished || (Total > 0 && done >= Total) || _owner._time.GetElapsedTime(_lastPrintTimestamp, now) < _owner.Interval)
                    return;
                _lastPrintTimestamp = now;
            }
            _owner.Emit(FormatLine(done, now, final: false));
        }

        public void SetStatus(string? status)
        {
            lock (_gate)
                _status = status;
        }

        public void Complete()
        {
            lock (_gate)
            {
                if (_finished)
                    return;
                _finished = true;
            }
            _owner.Emit(FormatLine(Completed, _owner._time.GetTimestamp(), final: true));
        }

        public void Dispose() => Complete();

        private string FormatLine(long done, long now, bool final)
        {
            TimeSpan elapsed = _owner._time.GetElapsedTime(_startTimestamp, now);
            var line = new StringBuilder();
            line.Append(Description).Append(": ");
            if (Total > 0)
            {
                double percent = 100.0 * done / Total;
                line.Append(CultureInfo.InvariantCulture, $"{done}/{Total} ({percent:0.0}%)");
            }
            else
            {
                line.Append(CultureInfo.InvariantCulture, $"{done} {_unit}");
            }
            line.Append(" | ").Append(ProgressMath.FormatRate(ProgressMath.Rate(done, elapsed), _unit));
            line.Append(" | elapsed ").Append(ProgressMath.FormatDuration(elapsed));
            if (final)
                line.Append(" | done");
            else if (Total > 0)
                line.Append(" | left ").Append(ProgressMath.FormatDuration(ProgressMath.Remaining(done, Total, elapsed)));
            string? status;
            lock (_gate)
                status = _status;
            if (!string.IsNullOrEmpty(status))
                line.Append(" | ").Append(status);
            return line.ToString();
        }
    }
}
