using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Binding;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// Writes bound expressions as C#. Integer expressions become <c>long</c> arithmetic with the
    /// language's floored '/' and '%' (through CodegenSupport); angles become <c>double</c> or, where
    /// they involve parameters, <c>ParamExpr</c> arithmetic — the same affine values the Lowerer builds.
    /// </summary>
    internal sealed class ExpressionEmitter
    {
        internal const string Support = "global::QCircuitDsl.Quantum.CodegenSupport";
        internal const string ParamExprType = "global::QCircuitDsl.Quantum.ParamExpr";
        internal const string Builder = "__b";

        private readonly Dictionary<VariableSymbol, string> _locals;

        public ExpressionEmitter(Dictionary<VariableSymbol, string> locals)
        {
            _locals = locals;
        }

        public string Local(VariableSymbol symbol) => _locals[symbol];

        /// <summary>An int-typed C# expression, checked for overflow.</summary>
        public string Index(BoundExpression e) => $"{Support}.ToInt32({Integer(e)})";

        public string Integer(BoundExpression e)
        {
            switch (e)
            {
                case BoundIntegerLiteral l:
                    return Names.Literal(l.Value);
                case BoundVariable v:
                    return _locals[v.Variable];
                case BoundUnary u:
                    return u.Operator == '-' ? $"checked(-{Integer(u.Operand)})" : Integer(u.Operand);
                case BoundBinary b:
                {
                    string l = Integer(b.Left);
                    string r = Integer(b.Right);
                    switch (b.Operator)
                    {
                        case '/': return $"{Support}.FloorDiv({l}, {r})";
                        case '%': return $"{Support}.FloorMod({l}, {r})";
                        case '^': return $"{Support}.Pow({l}, {r})";
                        default: return $"checked({l} {b.Operator} {r})";
                    }
                }

                case BoundBuiltinCall c:
                {
                    var args = c.Arguments.Select(Integer).ToArray();
                    switch (c.Function)
                    {
                        case "ceil_log2": return $"{Support}.CeilLog2({args[0]})";
                        case "min": return $"global::System.Math.Min({args[0]}, {args[1]})";
                        default: return $"global::System.Math.Max({args[0]}, {args[1]})";
                    }
                }

                default:
                    throw new InvalidOperationException("Not an integer expression: " + e.GetType().Name);
            }
        }

        /// <summary>
        /// An angle: a C# <c>double</c> expression, or a <c>ParamExpr</c> one when
        /// <see cref="BoundExpression.DependsOnParameters"/>. Arithmetic is real, as in the Lowerer.
        /// </summary>
        public string Angle(BoundExpression e)
        {
            switch (e)
            {
                case BoundIntegerLiteral l:
                    return Names.Literal((double)l.Value);
                case BoundRealLiteral r:
                    return Names.Literal(r.Value);
                case BoundVariable v when v.Variable is ConstantSymbol:
                    return "global::System.Math.PI";
                case BoundVariable v when v.IsInteger:
                    return $"(double){_locals[v.Variable]}";
                case BoundVariable v:
                    return _locals[v.Variable];
                case BoundParameterElement p:
                    return $"{Builder}.Parameter({Names.Literal(p.Array.Name)}, {string.Join(", ", p.Indices.Select(Index))})";
                case BoundUnary u:
                    return u.Operator == '-' ? $"(-{Angle(u.Operand)})" : Angle(u.Operand);
                case BoundBuiltinCall c:
                    return $"(double){Integer(c)}";
                case BoundBinary b:
                {
                    string l = Angle(b.Left);
                    string r = Angle(b.Right);
                    switch (b.Operator)
                    {
                        case '%': return $"{Support}.FloorMod({l}, {r})";
                        case '^': return $"global::System.Math.Pow({l}, {r})";
                        default: return $"({l} {b.Operator} {r})";
                    }
                }

                default:
                    throw new InvalidOperationException("Not a real expression: " + e.GetType().Name);
            }
        }
    }
}
