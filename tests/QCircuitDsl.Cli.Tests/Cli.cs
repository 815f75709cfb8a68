using System.Globalization;
using System.Text.Json;

namespace QCircuitDsl.Cli.Tests;

/// <summary>Runs the CLI in-process and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>A temporary folder for one test's files, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qcdsl-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public string WriteJson(string name, object value) => Write(name, JsonSerializer.Serialize(value));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class Cli
{
    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string ExamplesDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "examples", "circuits");
                if (File.Exists(System.IO.Path.Combine(candidate, "bell.qc")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("examples/circuits not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Example(string name) => System.IO.Path.Combine(ExamplesDirectory, name);

    /// <summary>Asserts a user-facing failure: the exit code, one "error: ..." line with the phrase, and no stack trace.</summary>
    public static void AssertUserError(CliRun run, int exitCode, string phrase)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(phrase, run.Error);
        Assert.StartsWith("error: ", run.Error);
        Assert.DoesNotContain("Unhandled exception", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal("", run.Output);
    }
}
