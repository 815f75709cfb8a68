using System.Collections.Generic;

namespace QCircuitDsl.Compiler.Interpretation
{
    /// <summary>
    /// Result of <see cref="ReferenceInterpreter.Gradients"/>: the readout vector r at the given point and the
    /// gradient of L = Σ_k upstream[k]·r[k] with respect to every flat parameter and to the amplitude input.
    /// </summary>
    public sealed class InterpreterGradients
    {
        public InterpreterGradients(double[] readouts, double[] parameters, double[]? input)
        {
            Readouts = readouts;
            Parameters = parameters;
            Input = input;
        }

        /// <summary>The readout vector (same as <see cref="ReferenceInterpreter.Readouts"/> of the final state).</summary>
        public IReadOnlyList<double> Readouts { get; }

        /// <summary>∂L/∂p[i] for every flat parameter index i (length = <c>IrCircuit.ParameterCount</c>).</summary>
        public IReadOnlyList<double> Parameters { get; }

        /// <summary>∂L/∂x[j] for the raw (unnormalized) amplitude input, or null when the circuit has no input.</summary>
        public IReadOnlyList<double>? Input { get; }
    }
}
