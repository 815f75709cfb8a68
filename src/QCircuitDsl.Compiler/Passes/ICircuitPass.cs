using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Passes
{
    /// <summary>
    /// A semantics-preserving rewrite of a circuit's gate list. A pass must leave the circuit's unitary
    /// (exactly, not up to global phase), its parameters, input and readouts unchanged, and must keep
    /// every parameter's influence on the gates (the gradient of the optimized circuit equals the original's).
    /// </summary>
    public interface ICircuitPass
    {
        string Name { get; }

        IrCircuit Run(IrCircuit circuit);
    }
}
