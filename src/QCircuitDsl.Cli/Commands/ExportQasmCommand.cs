using System.CommandLine;
using QCircuitDsl.Tooling;
using QCircuitDsl.Tooling.Qasm;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl export-qasm FILE --circuit NAME [--arg n=4] [--params P.json] [-o OUT]</c>: writes the lowered
/// circuit as OpenQASM 3, with concrete angles when parameter values are given and <c>input float[64]</c>
/// parameters otherwise.
/// </summary>
internal static class ExportQasmCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "The .qc file(s); the circuit may call circuits of the other files.", Arity = ArgumentArity.OneOrMore };
        var circuit = new Option<string>("--circuit", "-c") { Description = "The circuit to export.", Required = true };
        var args = new Option<string[]>("--arg", "-a") { Description = "An integer argument, name=value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var parameters = new Option<string?>("--params", "-p") { Description = "JSON {\"theta\": [...]} (flattened row-major): write concrete angles instead of input parameters." };
        var outFile = new Option<string?>("--output", "-o") { Description = "Write the OpenQASM here instead of standard output." };
        var command = new Command("export-qasm", "Write a circuit as OpenQASM 3.") { files, circuit, args, parameters, outFile };
        command.SetAction(result =>
        {
            var paths = result.GetValue(files)!;
            var compilation = SourceLoader.Compile(paths);
            if (SourceLoader.Print(compilation, error, verbose: false) > 0)
            {
                return 1;
            }

            var name = result.GetValue(circuit)!;
            if (compilation.GetCircuit(name) is null)
            {
                throw new CliException($"no circuit named '{name}'; the files declare: {string.Join(", ", compilation.Circuits.Select(c => c.Name))}");
            }

            var lowered = compilation.Lower(name, SourceLoader.ParseArguments(result.GetValue(args)));
            if (!lowered.Success)
            {
                foreach (var d in lowered.Diagnostics)
                {
                    error.WriteLine(d.ToString());
                }

                return 1;
            }

            var ir = lowered.Circuit!;
            string qasm;
            try
            {
                double[]? values = null;
                if (result.GetValue(parameters) is string paramsPath)
                {
                    values = Simulator.FlattenParameters(ir, ReadParameters(paramsPath));
                }

                qasm = QasmExporter.Export(ir, new QasmExportOptions(values, string.Join(", ", paths.Select(Path.GetFileName))));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            if (result.GetValue(outFile) is string target)
            {
                try
                {
                    File.WriteAllText(target, qasm);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {target}: {e.Message}");
                }
            }
            else
            {
                output.Write(qasm);
            }

            return 0;
        });
        return command;
    }

    private static IReadOnlyDictionary<string, double[]> ReadParameters(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file not found: {path}");
        }

        try
        {
            return SimulationJson.ReadParameters(File.ReadAllText(path), path);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}
