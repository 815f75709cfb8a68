using System.Globalization;
using Consumer.Circuits;
using QCircuitDsl.Quantum;

// Prints what the packaging test checks: where the generated class lives and its readouts at θ = (1, 1).
var circuit = new Packaged();
var states = circuit.CreateStates<double>(batchSize: 1);
circuit.Forward<double>(states, new[] { 1.0, 1.0 }, ParameterLayout.Shared);
var readouts = new double[circuit.ReadoutLength];
circuit.Readout<double>(states, readouts);
Console.WriteLine("class: " + typeof(Packaged).FullName);
Console.WriteLine("readouts: " + string.Join(" ", readouts.Select(v => v.ToString("F6", CultureInfo.InvariantCulture))));
