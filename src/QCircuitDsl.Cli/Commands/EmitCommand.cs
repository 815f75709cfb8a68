using System.CommandLine;
using QCircuitDsl.Compiler.Emit;

namespace QCircuitDsl.Cli.Commands;

/// <summary><c>qcdsl emit FILE...</c>: prints the C# the source generator writes for the files.</summary>
internal static class EmitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "The .qc files.", Arity = ArgumentArity.OneOrMore };
        var ns = new Option<string>("--namespace") { Description = "Namespace for circuits whose file has no 'namespace' line.", DefaultValueFactory = _ => "QCircuitDsl.Generated" };
        var command = new Command("emit", "Print the generated C# for .qc files.") { files, ns };
        command.SetAction(result =>
        {
            var compilation = SourceLoader.Compile(result.GetValue(files)!);
            if (SourceLoader.Print(compilation, error, verbose: false) > 0)
            {
                return 1;
            }

            foreach (var source in CSharpEmitter.Emit(compilation, result.GetValue(ns)!))
            {
                output.WriteLine("// ---- " + source.HintName);
                output.Write(source.Text);
            }

            return 0;
        });
        return command;
    }
}
