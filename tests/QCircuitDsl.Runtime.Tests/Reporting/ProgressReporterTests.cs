using QCircuitDsl.Runtime.Reporting;
using Spectre.Console;

namespace QCircuitDsl.Runtime.Tests.Reporting;

public class ProgressReporterFactoryTests
{
    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(false, "true", null, true)]
    [InlineData(false, "1", null, true)]
    [InlineData(false, "false", null, false)]
    [InlineData(false, "0", null, false)]
    [InlineData(false, "", null, false)]
    [InlineData(false, null, "dumb", true)]
    [InlineData(false, null, "xterm-256color", false)]
    public void Plain_text_when_redirected_ci_or_dumb_terminal(bool redirected, string? ci, string? term, bool expected)
    {
        var env = new Dictionary<string, string?> { ["CI"] = ci, ["TERM"] = term };
        Assert.Equal(expected, ProgressReporterFactory.ShouldUsePlainText(redirected, k => env.GetValueOrDefault(k)));
    }
}

public class ProgressMathTests
{
    [Fact]
    public void Rate_and_remaining_use_average_since_start()
    {
        Assert.Equal(50.0, ProgressMath.Rate(100, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(8), ProgressMath.Remaining(100, 500, TimeSpan.FromSeconds(2)));
        Assert.Null(ProgressMath.Rate(0, TimeSpan.FromSeconds(2)));
        Assert.Null(ProgressMath.Remaining(10, 0, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.Zero, ProgressMath.Remaining(600, 500, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(123.45, "batch", "123.5 batch/s")]
    [InlineData(0.25, "epoch", "4.00 s/epoch")]
    [InlineData(null, "it", "? it/s")]
    public void FormatRate(double? rate, string unit, string expected) => Assert.Equal(expected, ProgressMath.FormatRate(rate, unit));

    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(61.4, "01:01")]
    [InlineData(3725, "1:02:05")]
    public void FormatDuration(double seconds, string expected) =>
        Assert.Equal(expected, ProgressMath.FormatDuration(TimeSpan.FromSeconds(seconds)));
}

public class PlainTextProgressReporterTests
{
    [Fact]
    public void Prints_start_throttled_progress_and_final_lines_without_ansi()
    {
        var clock = new ManualTimeProvider();
        var output = new StringWriter();
        using var reporter = new PlainTextProgressReporter(output, TimeSpan.FromSeconds(10), clock);

        using (var tracker = reporter.Start("epoch 1", total: 100, unit: "batch"))
        {
            for (int i = 0; i < 100; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(0.5)); // 2 batches/s → a line every 20 batches
                tracker.Advance();
                if (i == 30)
                    tracker.SetStatus("loss 0.125");
            }
        }

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("epoch 1: started, 100 batch", lines[0]);
        Assert.Equal("epoch 1: 20/100 (20.0%) | 2.0 batch/s | elapsed 00:10 | left 00:40", lines[1]);
        Assert.Equal("epoch 1: 40/100 (40.0%) | 2.0 batch/s | elapsed 00:20 | left 00:30 | loss 0.125", lines[2]);
        Assert.Equal("epoch 1: 100/100 (100.0%) | 2.0 batch/s | elapsed 00:50 | done | loss 0.125", lines[^1]);
        Assert.Equal(6, lines.Length); // start, 4 periodic (20, 40, 60, 80), final
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void Unknown_total_shows_count_and_rate_only()
    {
        var clock = new ManualTimeProvider();
        var output = new StringWriter();
        var reporter = new PlainTextProgressReporter(output, TimeSpan.FromSeconds(1), clock);

        var tracker = reporter.Start("scan", total: 0, unit: "file");
        clock.Advance(TimeSpan.FromSeconds(4));
        tracker.Advance(2);
        tracker.Complete();
        tracker.Complete(); // idempotent

        Assert.Equal("scan: started\nscan: 2 file | 2.00 s/file | elapsed 00:04\nscan: 2 file | 2.00 s/file | elapsed 00:04 | done\n", output.ToString());
    }

    [Fact]
    public void WriteLine_passes_messages_through()
    {
        var output = new StringWriter();
        new PlainTextProgressReporter(output).WriteLine("checkpoint saved");
        Assert.Equal("checkpoint saved\n", output.ToString());
    }
}

public class SpectreProgressReporterTests
{
    [Fact]
    public void Renders_description_counts_and_throughput_then_completes()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
        });

        using (var reporter = new SpectreProgressReporter(console))
        {
            using var tracker = reporter.Start("train [epoch 1]", total: 4, unit: "batch");
            for (int i = 0; i < 4; i++)
                tracker.Advance();
            tracker.SetStatus("loss 0.5");
            Assert.Equal(4, tracker.Completed);
        }

        string text = output.ToString();
        Assert.Contains("train [epoch 1]", text); // markup characters escaped, not interpreted
        Assert.Contains("loss 0.5", text);
        Assert.Contains("4/4", text);
        Assert.Contains("batch/s", text);
    }

    [Fact]
    public void Null_reporter_counts_silently()
    {
        using var tracker = NullProgressReporter.Instance.Start("x", 10);
        tracker.Advance(3);
        Assert.Equal(3, tracker.Completed);
    }
}
