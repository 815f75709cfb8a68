using System.CommandLine;
using System.Globalization;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Cli.Commands;

/// <summary>
/// <c>qcdsl simulate FILE --circuit NAME --arg n=4 --params P.json [--input X.json] [--readout xyz|probs|state] [--grad U.json] [--json]</c>:
/// runs a circuit once in double precision and prints amplitudes, readouts and gradients in the
/// documented JSON format, so results can be compared with any other simulator.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string[]>("files") { Description = "The .qc file(s); the circuit may call circuits of the other files.", Arity = ArgumentArity.OneOrMore };
        var circuit = new Option<string>("--circuit", "-c") { Description = "The circuit to run.", Required = true };
        var args = new Option<string[]>("--arg", "-a") { Description = "An integer argument, name=value; repeatable.", AllowMultipleArgumentsPerToken = false };
        var parameters = new Option<string?>("--params", "-p") { Description = "JSON file mapping each parameter array to its values, flattened row-major: {\"theta\": [0.1, ...]}." };
        var input = new Option<string?>("--input") { Description = "JSON array: the input vector for 'encode amplitude'." };
        var readout = new Option<string?>("--readout") { Description = "Replace the circuit's readouts: xyz (⟨X⟩,⟨Y⟩,⟨Z⟩ of each qubit), probs, or state." };
        var grad = new Option<string?>("--grad") { Description = "JSON array of upstream weights u: also print the gradients of sum(u · readouts)." };
        var engine = new Option<string>("--engine") { Description = "runtime (the engine generated classes use) or interpreter (the reference interpreter).", DefaultValueFactory = _ => "runtime" };
        var json = new Option<bool>("--json") { Description = "Print JSON (otherwise a readable summary)." };
        var command = new Command("simulate", "Run a circuit once and print amplitudes, readouts and gradients.") { file, circuit, args, parameters, input, readout, grad, engine, json };
        command.SetAction(result =>
        {
            var compilation = SourceLoader.Compile(result.GetValue(file)!);
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

            var ir = WithReadout(lowered.Circuit!, result.GetValue(readout));
            var request = new SimulationRequest(
                ReadJson(result.GetValue(parameters), SimulationJson.ReadParameters) ?? new Dictionary<string, double[]>(),
                ReadJson(result.GetValue(input), SimulationJson.ReadVector),
                ReadJson(result.GetValue(grad), SimulationJson.ReadVector),
                ParseEngine(result.GetValue(engine)!));
            SimulationResult simulation;
            try
            {
                simulation = Simulator.Run(ir, request);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message);
            }

            output.WriteLine(result.GetValue(json) ? SimulationJson.Write(simulation) : Summary(ir, simulation));
            return 0;
        });
        return command;
    }

    private static T? ReadJson<T>(string? path, Func<string, string, T> read) where T : class
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"file not found: {path}");
        }

        try
        {
            return read(File.ReadAllText(path), path);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static SimulationEngine ParseEngine(string value) => value switch
    {
        "runtime" => SimulationEngine.Runtime,
        "interpreter" => SimulationEngine.Interpreter,
        _ => throw new CliException($"--engine '{value}' is not known; expected runtime or interpreter"),
    };

    private static IrCircuit WithReadout(IrCircuit circuit, string? readout)
    {
        var all = Enumerable.Range(0, circuit.QubitCount).ToArray();
        IrReadout[]? replacement = readout switch
        {
            null when circuit.Readouts.Count > 0 => null,
            null or "xyz" => new[] { new IrReadout(IrReadoutKind.ExpvalEach, "xyz", all) },
            "probs" => new[] { new IrReadout(IrReadoutKind.Probabilities, "", all) },
            "state" => new[] { new IrReadout(IrReadoutKind.State, "", all) },
            _ => throw new CliException($"--readout '{readout}' is not known; expected xyz, probs or state"),
        };
        return replacement is null
            ? circuit
            : new IrCircuit(circuit.Name, circuit.Arguments, circuit.QubitCount, circuit.ParameterArrays, circuit.Input, circuit.Gates, replacement);
    }

    private static string Summary(IrCircuit circuit, SimulationResult r)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"circuit {circuit.Name}({string.Join(", ", circuit.Arguments.Select(a => a.Key + "=" + a.Value))}): {r.Qubits} qubits, {circuit.Gates.Count} gates, {circuit.ParameterCount} parameters");
        w.WriteLine("readouts: " + string.Join(" ", r.Readouts.Select(v => v.ToString("F6", CultureInfo.InvariantCulture))));
        if (r.Gradients != null)
        {
            foreach (var kv in r.Gradients)
            {
                w.WriteLine($"d/d{kv.Key}: " + string.Join(" ", kv.Value.Select(v => v.ToString("F6", CultureInfo.InvariantCulture))));
            }
        }

        return w.ToString().TrimEnd();
    }
}
