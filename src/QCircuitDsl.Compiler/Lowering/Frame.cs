using System.Collections.Generic;
using QCircuitDsl.Compiler.Binding;

namespace QCircuitDsl.Compiler.Lowering
{
    /// <summary>A flat parameter array placed in the caller's vector: where it starts and its evaluated shape.</summary>
    internal sealed class PlacedArray
    {
        public PlacedArray(int offset, int[] shape)
        {
            Offset = offset;
            Shape = shape;
        }

        public int Offset { get; }
        public int[] Shape { get; }

        public int Size
        {
            get
            {
                int s = 1;
                foreach (var d in Shape)
                {
                    s *= d;
                }

                return s;
            }
        }
    }

    /// <summary>
    /// One circuit being lowered: the values of its variables, where its registers sit among the
    /// absolute qubits, and where its parameter arrays sit in the flat vector. A call gets a new frame
    /// whose registers take the passed qubits and whose arrays are the bound slices.
    /// </summary>
    internal sealed class Frame
    {
        public Frame(CircuitSymbol circuit, int[]? passedQubits, IReadOnlyDictionary<ParamArraySymbol, (int Offset, int Length)>? bindings)
        {
            Circuit = circuit;
            PassedQubits = passedQubits;
            Bindings = bindings;
        }

        public CircuitSymbol Circuit { get; }
        /// <summary>Null at the top level, where registers get fresh qubits.</summary>
        public int[]? PassedQubits { get; }
        public IReadOnlyDictionary<ParamArraySymbol, (int Offset, int Length)>? Bindings { get; }
        public int QubitsTaken { get; set; }
        public Dictionary<VariableSymbol, long> Integers { get; } = new Dictionary<VariableSymbol, long>();
        public Dictionary<LetSymbol, Ir.AffineExpression> Reals { get; } = new Dictionary<LetSymbol, Ir.AffineExpression>();
        public Dictionary<QubitRegisterSymbol, int[]> Registers { get; } = new Dictionary<QubitRegisterSymbol, int[]>();
        public Dictionary<ParamArraySymbol, PlacedArray> Arrays { get; } = new Dictionary<ParamArraySymbol, PlacedArray>();
    }
}
