using System.Collections.Generic;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>
    /// A recurrent quantum cell declared with <c>layer</c> (the QRNN of Xu 2025): a circuit as memory whose
    /// parameter array is driven per step by a classical controller from (readout : input).
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

        /// <summary>The circuit whose state persists across steps.</summary>
        public CircuitSymbol? Memory { get; internal set; }
        public IReadOnlyList<BoundExpression> MemoryArguments { get; internal set; } = new BoundExpression[0];
        public ParamArraySymbol? DrivenArray { get; internal set; }
        public BoundExpression? Hidden { get; internal set; }
        /// <summary>relu, leaky_relu, gelu, glu or linear.</summary>
        public string Activation { get; internal set; } = "gelu";
        public BoundExpression? Inputs { get; internal set; }
    }
}
