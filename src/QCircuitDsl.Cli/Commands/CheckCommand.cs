using System.CommandLine;

namespace QCircuitDsl.Cli.Commands;

/// <summary><c>qcdsl check FILE...</c>: compiles the files together and prints diagnostics; exit code 1 on any error.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "The .qc files to check (compiled together, so circuits may call each other).", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print notices (QC9xxx infos)." };
        var command = new Command("check", "Check .qc files and print diagnostics; exit code 1 on any error.") { files, verbose };
        command.SetAction(result =>
        {
            var compilation = SourceLoader.Compile(result.GetValue(files)!);
            int errors = SourceLoader.Print(compilation, output, result.GetValue(verbose));
            int warnings = compilation.Diagnostics.Count(d => d.Severity == Compiler.Diagnostics.DiagnosticSeverity.Warning);
            output.WriteLine($"{compilation.Circuits.Count} circuit(s): {errors} error(s), {warnings} warning(s).");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }
}
