using System.Diagnostics;
using System.Text;

namespace QCircuitDsl.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a child process and captures its output.</summary>
internal static class DotnetProcess
{
    /// <summary>Generous: a hang should fail the test, not the CI job; never an assertion on speed.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Inside 'dotnet test' the MSBuild that launched us leaves variables (MSBuildExtensionsPath,
        // MSBUILD_EXE_PATH, ...) that would make the child build use the parent's settings.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"dotnet {string.Join(' ', args)} did not finish within {Limit}:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
