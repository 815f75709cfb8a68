using QCircuitDsl.Compiler.Binding;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>How an integer argument of a circuit or layer becomes a C# constructor parameter.</summary>
    internal static class ParameterDefaults
    {
        /// <summary>The default as a C# literal value when it is an int literal (possibly negated), else null.</summary>
        public static long? LiteralValue(BoundExpression? value)
        {
            long? v = value switch
            {
                BoundIntegerLiteral lit => lit.Value,
                BoundUnary { Operator: '-', Operand: BoundIntegerLiteral neg } => -neg.Value,
                _ => null,
            };
            return v is long x && x >= int.MinValue && x <= int.MaxValue ? v : null;
        }

        /// <summary>
        /// <c>int @n = 4</c> for a literal default, <c>int? @n = null</c> for another default (evaluated later, since
        /// it may use earlier arguments), <c>int @n</c> without one.
        /// </summary>
        public static string Declaration(IntParameterSymbol p) =>
            LiteralValue(p.Default) is long v ? $"int @{p.Name} = {v}"
            : p.Default is null ? $"int @{p.Name}"
            : $"int? @{p.Name} = null";
    }
}
