using System.Collections.Generic;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Binding
{
    public enum LayerKind
    {
        /// <summary>memory, drive, inputs: the QRNN cell of Xu (2025).</summary>
        Recurrent,
        /// <summary>inputs, circuit, encode, weights, linear: HQC-Mamba's quantum projection.</summary>
        Projection,
    }

    /// <summary>
    /// A layer: a recurrent quantum cell (a circuit as memory whose parameter array is driven per step by a
    /// classical controller), or a quantum projection (amplitude-encoded inputs through a circuit with trained
    /// shared weights, then a Linear).
    /// </summary>
    public sealed class LayerSymbol : Symbol
    {
        internal LayerSymbol(LayerDeclarationSyntax declaration, string filePath, string? ns, string fileText)
            : base(declaration.Name, declaration.NameSpan)
        {
            Declaration = declaration;
            FilePath = filePath;
            Namespace = ns;
            FileText = fileText;
        }

        public LayerDeclarationSyntax Declaration { get; }
        public string FilePath { get; }
        public string? Namespace { get; }
        public string FileText { get; }
        public List<IntParameterSymbol> Parameters { get; } = new List<IntParameterSymbol>();

        /// <summary>The layer's circuit: the recurrent memory, or the projection's circuit.</summary>
        public CircuitSymbol? Memory { get; internal set; }
        public IReadOnlyList<BoundExpression> MemoryArguments { get; internal set; } = new BoundExpression[0];
        public ParamArraySymbol? DrivenArray { get; internal set; }
        public BoundExpression? Hidden { get; internal set; }
        /// <summary>relu, leaky_relu, gelu, glu or linear.</summary>
        public string Activation { get; internal set; } = "gelu";
        public BoundExpression? Inputs { get; internal set; }

        public LayerKind Kind { get; internal set; }
        /// <summary>Projection: the circuit's trained, shared weight array.</summary>
        public ParamArraySymbol? WeightsArray { get; internal set; }
        /// <summary>Projection: the output width of the final Linear.</summary>
        public BoundExpression? Outputs { get; internal set; }
    }
}
