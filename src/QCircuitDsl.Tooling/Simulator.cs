using QCircuitDsl.Compiler.Interpretation;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Tooling;

/// <summary>
/// Runs a lowered circuit once, in double precision, and returns amplitudes, readouts and (given
/// upstream weights) the gradients of sum(upstream · readouts) — the contract of <c>qcdsl simulate</c>.
/// </summary>
public static class Simulator
{
    public static SimulationResult Run(IrCircuit circuit, SimulationRequest request)
    {
        var flat = FlattenParameters(circuit, request.Parameters);
        ValidateVector(request.Input, circuit.Input?.Length, "input", circuit.Input is null ? "the circuit has no 'encode amplitude' input" : null);
        if (circuit.Input != null && request.Input is null)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' encodes input '{circuit.Input.Name}' of length {circuit.Input.Length}; pass it with --input.");
        }

        ValidateVector(request.Upstream, circuit.ReadoutLength, "upstream gradient (--grad)", null);
        return request.Engine == SimulationEngine.Interpreter
            ? RunInterpreter(circuit, flat, request)
            : RunRuntime(circuit, flat, request);
    }

    /// <summary>Maps {"theta": [...]} onto the flat vector, checking every array is given with its exact length.</summary>
    public static double[] FlattenParameters(IrCircuit circuit, IReadOnlyDictionary<string, double[]> parameters)
    {
        var unknown = parameters.Keys.Where(k => circuit.ParameterArrays.All(a => a.Name != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"circuit '{circuit.Name}' has no parameter array named {string.Join(", ", unknown.Select(u => "'" + u + "'"))}; it declares {Describe(circuit)}.");
        }

        var flat = new double[circuit.ParameterCount];
        foreach (var array in circuit.ParameterArrays)
        {
            if (!parameters.TryGetValue(array.Name, out var values))
            {
                throw new ArgumentException($"parameter array '{array.Name}' ({array.Size} values, shape [{string.Join(", ", array.Shape)}]) is missing from the parameters.");
            }

            if (values.Length != array.Size)
            {
                throw new ArgumentException($"parameter array '{array.Name}' has {values.Length} values; expected {array.Size} (shape [{string.Join(", ", array.Shape)}], flattened row-major).");
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new ArgumentException($"parameter {array.Name}[{i}] (flat) is {values[i]}; expected a finite number.");
                }
            }

            values.CopyTo(flat, array.Offset);
        }

        return flat;
    }

    private static string Describe(IrCircuit c) =>
        c.ParameterArrays.Count == 0 ? "no parameters" : string.Join(", ", c.ParameterArrays.Select(a => $"'{a.Name}' ({a.Size})"));

    private static void ValidateVector(double[]? values, int? expected, string what, string? forbidden)
    {
        if (values is null)
        {
            return;
        }

        if (forbidden != null)
        {
            throw new ArgumentException($"an {what} was given, but {forbidden}.");
        }

        if (values.Length != expected)
        {
            throw new ArgumentException($"the {what} has {values.Length} values; expected {expected}.");
        }
    }

    private static SimulationResult RunRuntime(IrCircuit circuit, double[] parameters, SimulationRequest request)
    {
        var engine = new QuantumCircuit(IrProgramConverter.ToProgram(circuit));
        var states = engine.CreateStates<double>(1);
        if (request.Input != null)
        {
            engine.EncodeInputs<double>(states, request.Input);
        }

        engine.Forward<double>(states, parameters, ParameterLayout.Shared);
        var readouts = new double[engine.ReadoutLength];
        engine.Readout<double>(states, readouts);
        var real = states.RealOf(0).ToArray();
        var imag = states.ImagOf(0).ToArray();
        if (request.Upstream is null)
        {
            return new SimulationResult(circuit.QubitCount, real, imag, readouts, null, null);
        }

        var adjoint = engine.CreateStates<double>(1);
        engine.ReadoutBackward<double>(states, request.Upstream, adjoint);
        var gradient = new double[engine.ParameterCount];
        engine.Backward<double>(states, adjoint, parameters, ParameterLayout.Shared, gradient);
        double[]? inputGradient = null;
        if (request.Input != null)
        {
            inputGradient = new double[request.Input.Length];
            engine.EncodeInputsBackward<double>(request.Input, adjoint, inputGradient);
        }

        return new SimulationResult(circuit.QubitCount, real, imag, readouts, Split(circuit, gradient), inputGradient);
    }

    private static SimulationResult RunInterpreter(IrCircuit circuit, double[] parameters, SimulationRequest request)
    {
        var state = ReferenceInterpreter.Run(circuit, parameters, request.Input);
        var readouts = ReferenceInterpreter.Readouts(circuit, state);
        var real = state.Select(a => a.Real).ToArray();
        var imag = state.Select(a => a.Imaginary).ToArray();
        if (request.Upstream is null)
        {
            return new SimulationResult(circuit.QubitCount, real, imag, readouts, null, null);
        }

        var g = ReferenceInterpreter.Gradients(circuit, parameters, request.Input, request.Upstream);
        return new SimulationResult(circuit.QubitCount, real, imag, readouts, Split(circuit, g.Parameters.ToArray()), g.Input?.ToArray());
    }

    private static IReadOnlyDictionary<string, double[]> Split(IrCircuit circuit, double[] flat)
    {
        var result = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var a in circuit.ParameterArrays)
        {
            result[a.Name] = flat.AsSpan(a.Offset, a.Size).ToArray();
        }

        return result;
    }
}
