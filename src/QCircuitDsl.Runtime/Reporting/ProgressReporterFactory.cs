using Spectre.Console;

namespace QCircuitDsl.Runtime.Reporting;

/// <summary>Chooses a progress reporter for the current process.</summary>
public static class ProgressReporterFactory
{
    /// <summary>
    /// Spectre bars on an interactive terminal; plain lines (see <see cref="PlainTextProgressReporter"/>) when standard
    /// error is redirected or the environment says CI or a dumb terminal (<see cref="ShouldUsePlainText"/>). Progress goes
    /// to standard error in both cases so standard output stays clean for results.
    /// </summary>
    public static IProgressReporter Create(TimeSpan? plainTextInterval = null)
    {
        if (ShouldUsePlainText(Console.IsErrorRedirected, Environment.GetEnvironmentVariable))
            return new PlainTextProgressReporter(Console.Error, plainTextInterval);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new SpectreProgressReporter(console);
    }

    /// <summary>
    /// True when output is redirected, when <c>CI</c> is set to anything but "" / "0" / "false" (GitHub Actions, GitLab,
    /// and this project's own CI set CI=true), or when <c>TERM=dumb</c>: a redrawn bar would fill logs with ANSI noise there.
    /// </summary>
    public static bool ShouldUsePlainText(bool outputRedirected, Func<string, string?> environment)
    {
        if (outputRedirected)
            return true;
        string? ci = environment("CI");
        if (!string.IsNullOrWhiteSpace(ci) && ci.Trim() is not ("0" or "false" or "False" or "FALSE"))
            return true;
        return string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
    }
}
