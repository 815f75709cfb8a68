using System.CommandLine;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling.Drawing;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl draw FILE --circuit NAME [--arg n=4] [--format text|svg] [-o OUT] [--width COLUMNS]</c>: draws the
/// lowered circuit as a text diagram (wrapped at --width) or as an SVG image (never wrapped).
/// </summary>
internal static class DrawCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "The .qc file(s); the circuit may call circuits of the other files.", Arity = ArgumentArity.OneOrMore };
        var circuit = new Option<string>("--circuit", "-c") { Description = "The circuit to draw.", Required = true };
        var args = new Option<string[]>("--arg", "-a") { Description = "An integer argument, name=value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format", "-f") { Description = "text (default) or svg.", DefaultValueFactory = _ => "text" };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the drawing to this file instead of standard output." };
        var width = new Option<int>("--width", "-w") { Description = "Text only: wrap the diagram into sections of at most this many characters.", DefaultValueFactory = _ => 100 };
        var command = new Command("draw", "Draw a circuit as a text diagram or an SVG image.") { files, circuit, args, format, outputFile, width };
        command.SetAction(result =>
        {
            int columns = result.GetValue(width);
            if (columns < 20)
            {
                throw new CliException($"--width {columns} is too small; expected at least 20 characters");
            }

            var kind = result.GetValue(format);
            if (kind is not ("text" or "svg"))
            {
                throw new CliException($"--format '{kind}' is not known; expected text or svg");
            }

            var ir = CircuitInput.Lower(result.GetValue(files)!, result.GetValue(circuit)!, result.GetValue(args), error);
            if (ir is null)
            {
                return 1;
            }

            var layout = CircuitLayout.Build(ir);
            var drawing = kind == "svg" ? SvgDiagramRenderer.Render(layout) : TextDiagramRenderer.Render(layout, columns);
            var path = result.GetValue(outputFile);
            if (path is null)
            {
                output.Write(drawing);
            }
            else
            {
                try
                {
                    File.WriteAllText(path, drawing);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {path}: {e.Message}");
                }

                output.WriteLine($"wrote {path} ({kind}, {layout.ColumnCount} columns)");
            }

            return 0;
        });
        return command;
    }
}

/// <summary>Compiles the files and lowers one circuit, as draw and analyze both need; null after printing diagnostics.</summary>
internal static class CircuitInput
{
    public static IrCircuit? Lower(string[] files, string name, string[]? args, TextWriter error)
    {
        var compilation = SourceLoader.Compile(files);
        if (SourceLoader.Print(compilation, error, verbose: false) > 0)
        {
            return null;
        }

        if (compilation.GetCircuit(name) is null)
        {
            throw new CliException($"no circuit named '{name}'; the files declare: {string.Join(", ", compilation.Circuits.Select(c => c.Name))}");
        }

        var lowered = compilation.Lower(name, SourceLoader.ParseArguments(args));
        if (!lowered.Success)
        {
            foreach (var d in lowered.Diagnostics)
            {
                error.WriteLine(d.ToString());
            }

            return null;
        }

        return lowered.Circuit!;
    }
}
