using System.Reflection;
using QCircuitDsl.Tests.Shared;

namespace QCircuitDsl.Packaging.Tests;

/// <summary>
/// Packs QCircuitDsl.Quantum, QCircuitDsl.Runtime and QCircuitDsl.Generators into a temporary feed with a
/// unique prerelease version, then builds and runs tests/packaging/consumer against that feed in a
/// temporary folder outside the repository. Done once; the tests check the pieces.
/// </summary>
public sealed class PackagedConsumerFixture : IDisposable
{
    public static readonly string[] PackedProjects =
    {
        "src/QCircuitDsl.Quantum/QCircuitDsl.Quantum.csproj",
        "src/QCircuitDsl.Runtime/QCircuitDsl.Runtime.csproj",
        "generators/QCircuitDsl.Generators/QCircuitDsl.Generators.csproj",
    };

    public PackagedConsumerFixture()
    {
        // A version never seen before: the NuGet caches key packages by id and version only.
        Version = "0.1.0-local." + DateTime.UtcNow.Ticks;
        Root = Path.Combine(Path.GetTempPath(), "qcdsl-packaging-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Consumer = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(Feed);
        string configuration = typeof(PackagedConsumerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;

        foreach (var project in PackedProjects)
        {
            // --no-build/--no-restore: pack the outputs the solution build just made, and write nothing
            // into the repository (the nuspec goes to the temporary folder too).
            var (code, output) = DotnetProcess.Run(RepositoryPaths.Root, "pack", Path.Combine(RepositoryPaths.Root, project),
                "-c", configuration, "--no-build", "--no-restore", "-o", Feed,
                "-p:PackageVersion=" + Version, "-p:NuspecOutputPath=" + Path.Combine(Root, "nuspec") + "/", "-p:BuildProjectReferences=false");
            PackLog += output;
            if (code != 0)
            {
                Failure = $"dotnet pack {project} failed ({code}):\n{output}";
                return;
            }
        }

        CopyConsumer();
        var build = DotnetProcess.Run(Consumer, "build", "-c", "Release", "-p:QcPackageVersion=" + Version);
        BuildLog = build.Output;
        if (build.ExitCode != 0)
        {
            Failure = $"building the consumer failed ({build.ExitCode}):\n{build.Output}";
            return;
        }

        OutputDirectory = Path.Combine(Consumer, "bin", "Release", "net10.0");
        var run = DotnetProcess.Run(Consumer, Path.Combine(OutputDirectory, "Consumer.dll"));
        RunExitCode = run.ExitCode;
        RunOutput = run.Output;
    }

    public string Version { get; }
    public string Root { get; }
    public string Feed { get; }
    public string Consumer { get; }
    public string OutputDirectory { get; private set; } = "";
    public string PackLog { get; private set; } = "";
    public string BuildLog { get; private set; } = "";
    public int RunExitCode { get; private set; } = -1;
    public string RunOutput { get; private set; } = "";

    /// <summary>Why the setup stopped early, or null.</summary>
    public string? Failure { get; private set; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    private void CopyConsumer()
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "packaging", "consumer");
        Directory.CreateDirectory(Consumer);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(Consumer, Path.GetFileName(file)));
        }

        // Empty Directory.Build.* / Directory.Packages.props stop MSBuild from walking further up.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, name), "<Project />\n");
        }

        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="QCircuitDsl.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              <config>
                <!-- Private: the packed packages are extracted here, never into the machine's cache. -->
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <!-- Read-only reuse of what this machine already has (System.Numerics.Tensors, ...). -->
                <add key="machine" value="{cache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
