using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Lowering
{
    public sealed class LoweringResult
    {
        public LoweringResult(IrCircuit? circuit, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyCollection<int> usedParameters)
        {
            Circuit = circuit;
            Diagnostics = diagnostics;
            UsedParameters = usedParameters;
        }

        /// <summary>The flat circuit, or null when lowering failed.</summary>
        public IrCircuit? Circuit { get; }
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
        /// <summary>Flat indices of parameters that some gate angle uses (for the unused-element warning).</summary>
        public IReadOnlyCollection<int> UsedParameters { get; }
        public bool Success => Circuit != null && !Diagnostics.Any(d => d.IsError);
    }
}
