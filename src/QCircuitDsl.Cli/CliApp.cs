using System.CommandLine;
using QCircuitDsl.Cli.Commands;

namespace QCircuitDsl.Cli;

/// <summary>The <c>qcdsl</c> command line. Writers are passed in so tests run commands in-process.</summary>
public static class CliApp
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("QCircuitDsl: compile, check and simulate .qc quantum circuits.");
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(EmitCommand.Create(output, error));
        root.Subcommands.Add(SimulateCommand.Create(output, error));
        root.Subcommands.Add(ExportQasmCommand.Create(output, error));
        root.Subcommands.Add(ImportQasmCommand.Create(output, error));
        root.Subcommands.Add(TrainCommand.Create(output, error));
        root.Subcommands.Add(EvalCommand.Create(output, error));
        root.Subcommands.Add(GradNormsCommand.Create(output));
        root.Subcommands.Add(InterchangeCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output, error));
        root.Subcommands.Add(DrawCommand.Create(output, error));
        root.Subcommands.Add(AnalyzeCommand.Create(output, error));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        // Our own handler below prints user errors as one line; System.CommandLine's would print a stack trace.
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (CliException e)
        {
            error.WriteLine("error: " + e.Message);
            return e.ExitCode;
        }
    }
}

/// <summary>A user-facing failure: printed as one line, no stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 2) : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
