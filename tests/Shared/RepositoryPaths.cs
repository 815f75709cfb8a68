namespace QCircuitDsl.Tests.Shared;

/// <summary>Finds files of the repository from a test's output folder; linked into every test project that reads repository files.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ExampleCircuits => Path.Combine(Root, "examples", "circuits");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QCircuitDsl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QCircuitDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
