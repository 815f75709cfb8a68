using System.CommandLine;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Tooling.Qasm;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl import-qasm FILE.qasm [-o OUT.qc] [--name NAME]</c>: translates the OpenQASM 3 subset that .qc
/// shares into one .qc circuit, and checks the result compiles before writing it.
/// </summary>
internal static class ImportQasmCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The OpenQASM 3 file." };
        var name = new Option<string?>("--name", "-n") { Description = "The circuit name (default: the file name)." };
        var outFile = new Option<string?>("--output", "-o") { Description = "Write the .qc here instead of standard output." };
        var command = new Command("import-qasm", "Translate an OpenQASM 3 program into a .qc circuit.") { file, name, outFile };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"file not found: {path}");
            }

            var circuitName = result.GetValue(name) ?? QasmImporter.CircuitNameFor(path);
            string qc;
            try
            {
                qc = QasmImporter.Import(File.ReadAllText(path), circuitName, Path.GetFileName(path));
            }
            catch (QasmImportException e)
            {
                throw new CliException(e.Format(path));
            }

            // The translation must compile; if it does not, that is a bug here, and the user should see why.
            var check = QcCompilation.Create(circuitName + ".qc", qc);
            if (check.HasErrors)
            {
                foreach (var d in check.Diagnostics.Where(d => d.IsError))
                {
                    error.WriteLine(d.ToString());
                }

                throw new CliException($"internal error: the .qc translated from {path} does not compile");
            }

            if (result.GetValue(outFile) is string target)
            {
                try
                {
                    File.WriteAllText(target, qc);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {target}: {e.Message}");
                }
            }
            else
            {
                output.Write(qc);
            }

            return 0;
        });
        return command;
    }
}
