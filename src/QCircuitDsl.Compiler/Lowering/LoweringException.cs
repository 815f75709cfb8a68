using System;
using QCircuitDsl.Compiler.Diagnostics;

namespace QCircuitDsl.Compiler.Lowering
{
    /// <summary>Carries a located diagnostic out of deep evaluation; caught per statement so lowering reports many.</summary>
    internal sealed class LoweringException : Exception
    {
        public LoweringException(Diagnostic diagnostic) : base(diagnostic.ToString())
        {
            Diagnostic = diagnostic;
        }

        public Diagnostic Diagnostic { get; }
    }
}
