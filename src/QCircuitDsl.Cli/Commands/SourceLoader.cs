using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;

namespace QCircuitDsl.Cli.Commands;

/// <summary>Reads .qc files and compiles them together, as the generator does for a project.</summary>
internal static class SourceLoader
{
    public static QcCompilation Compile(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"file not found: {path}");
            }

            files.Add(new SourceFile(path, File.ReadAllText(path)));
        }

        if (files.Count == 0)
        {
            throw new CliException("no .qc file given");
        }

        return QcCompilation.Create(files);
    }

    /// <summary>Prints errors and warnings (and notices when verbose); returns the error count.</summary>
    public static int Print(QcCompilation compilation, TextWriter writer, bool verbose)
    {
        foreach (var d in compilation.Diagnostics.Where(d => verbose || d.Severity != DiagnosticSeverity.Info))
        {
            writer.WriteLine(d.ToString());
        }

        return compilation.Diagnostics.Count(d => d.IsError);
    }

    /// <summary>Parses repeated <c>--arg name=value</c> options.</summary>
    public static IReadOnlyDictionary<string, long> ParseArguments(IEnumerable<string>? items)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in items ?? Array.Empty<string>())
        {
            var eq = item.IndexOf('=');
            if (eq <= 0 || !long.TryParse(item.AsSpan(eq + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                throw new CliException($"--arg '{item}' is not of the form name=integer (for example --arg n=4)");
            }

            result[item[..eq]] = value;
        }

        return result;
    }
}
