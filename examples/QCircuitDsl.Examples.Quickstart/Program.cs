using Quickstart;
using QCircuitDsl.Quantum;

// The generator turned ring.qc into the class Ring. Run a batch of 2 samples that share parameters.
var circuit = new Ring(n: 3);
var parameters = new double[circuit.ParameterCount];
for (int i = 0; i < parameters.Length; i++)
{
    parameters[i] = 0.3 * (i + 1);
}

var states = circuit.CreateStates<double>(batchSize: 2);
circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
var readouts = new double[2 * circuit.ReadoutLength];
circuit.Readout<double>(states, readouts);
Console.WriteLine($"<Z> per qubit: {string.Join(", ", readouts.Take(circuit.ReadoutLength).Select(v => v.ToString("F4")))}");

// Gradient of L = sum of the readouts, by the adjoint method (the states are uncomputed in place).
var adjoint = circuit.CreateStates<double>(2);
circuit.ReadoutBackward<double>(states, Enumerable.Repeat(1.0, readouts.Length).ToArray(), adjoint);
var gradient = new double[circuit.ParameterCount];
circuit.Backward<double>(states, adjoint, parameters, ParameterLayout.Shared, gradient);
Console.WriteLine($"dL/dtheta: {string.Join(", ", gradient.Select(v => v.ToString("F4")))}");
