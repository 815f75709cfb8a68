using System.CommandLine;
using QCircuitDsl.Tooling.Analysis;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl analyze FILE --circuit NAME [--arg n=4] [--samples 5000] [--seed 1] [--bins 75] [--json]</c>: gate
/// counts and depth before and after the compiler's passes, and the expressibility and entangling capability
/// of Sim et al. (2019) estimated with the documented protocol (docs/analysis.md).
/// </summary>
internal static class AnalyzeCommand
{
    // Below this many amplitude updates (samples × 2^n × gates, both estimates) a run takes well under a
    // second and progress lines would only be noise.
    private const double ProgressThreshold = 1e10;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "The .qc file(s); the circuit may call circuits of the other files.", Arity = ArgumentArity.OneOrMore };
        var circuit = new Option<string>("--circuit", "-c") { Description = "The circuit to analyse.", Required = true };
        var args = new Option<string[]>("--arg", "-a") { Description = "An integer argument, name=value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var samples = new Option<int>("--samples", "-s") { Description = "Fidelity pairs for expressibility, and parameter draws for entangling capability.", DefaultValueFactory = _ => 5000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the SplitMix64 generator; a seed gives the same draws on every machine.", DefaultValueFactory = _ => 1UL };
        var bins = new Option<int>("--bins", "-b") { Description = "Equal-width fidelity bins on [0, 1].", DefaultValueFactory = _ => 75 };
        var json = new Option<bool>("--json") { Description = "Print JSON (otherwise a readable table)." };
        var command = new Command("analyze", "Count gates and estimate expressibility and entangling capability (Sim et al. 2019).") { files, circuit, args, samples, seed, bins, json };
        command.SetAction(result =>
        {
            var options = new AnalysisOptions(result.GetValue(samples), result.GetValue(bins), result.GetValue(seed));
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message.Replace("the sample count", "--samples").Replace("the bin count", "--bins"));
            }

            var ir = CircuitInput.Lower(result.GetValue(files)!, result.GetValue(circuit)!, result.GetValue(args), error);
            if (ir is null)
            {
                return 1;
            }

            if (ir.Input is not null)
            {
                throw new CliException($"circuit '{ir.Name}' has an amplitude input ('{ir.Input.Name}'); expressibility and entangling capability are defined for U(θ)|0…0⟩ without inputs, so it cannot be analysed");
            }

            double work = 3.0 * options.Samples * Math.Pow(2, ir.QubitCount) * Math.Max(1, ir.Gates.Count);
            var report = CircuitAnalyzer.Analyze(ir, options, work >= ProgressThreshold ? Progress(error) : null);
            output.Write(result.GetValue(json) ? AnalysisReportWriter.Json(report) + "\n" : AnalysisReportWriter.Text(report));
            return 0;
        });
        return command;
    }

    /// <summary>One stderr line each time a phase passes another tenth of its work.</summary>
    private static AnalysisProgress Progress(TextWriter error)
    {
        string phase = "";
        int lastTenth = 0;
        return (name, done, total) =>
        {
            if (name != phase)
            {
                phase = name;
                lastTenth = 0;
            }

            int tenth = (int)(10L * done / total);
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                error.WriteLine($"analyze: {name} {tenth * 10}% ({done}/{total})");
            }
        };
    }
}
