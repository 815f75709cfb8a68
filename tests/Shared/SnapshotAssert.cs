using System.Runtime.CompilerServices;

namespace QCircuitDsl.Tests.Shared;

/// <summary>
/// Shared by every test project with baselines (linked, not copied).
/// A small Verify-style snapshot helper: compares text with a committed <c>*.verified.*</c> file next to
/// the test; on a mismatch writes <c>*.received.*</c> and fails with the one command that accepts it.
/// Set QCDSL_ACCEPT_SNAPSHOTS=1 to accept every received file in one run.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string name, string actual, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("QCDSL_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            return;
        }

        File.WriteAllText(received, actual);
        var relativeReceived = Path.GetRelativePath(RepositoryPaths.Root, received);
        var relativeVerified = Path.GetRelativePath(RepositoryPaths.Root, verified);
        Assert.Fail(
            (expected is null ? $"No snapshot yet for '{name}'." : $"Snapshot '{name}' differs: {FirstDifference(expected, actual)}") + Environment.NewLine +
            $"Review {relativeReceived}; to accept it run:" + Environment.NewLine +
            $"  mv {relativeReceived} {relativeVerified}" + Environment.NewLine +
            $"(or accept all: QCDSL_ACCEPT_SNAPSHOTS=1 dotnet test {Path.GetRelativePath(RepositoryPaths.Root, ProjectFolder(callerFile))})");
    }

    /// <summary>The test project folder that holds <paramref name="file"/> (the nearest folder with a .csproj).</summary>
    private static string ProjectFolder(string file)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(file)!); dir != null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0)
            {
                return dir.FullName;
            }
        }

        return RepositoryPaths.Root;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"first difference at line {i + 1}:{Environment.NewLine}  verified: {el}{Environment.NewLine}  received: {al}";
            }
        }

        return "line endings only";
    }
}
