using System;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Lowering
{
    public sealed partial class Lowerer
    {
        /// <summary>Evaluates an integer expression with the language's floored '/' and '%'.</summary>
        private long EvaluateInteger(BoundExpression e, Frame frame)
        {
            switch (e)
            {
                case BoundIntegerLiteral l:
                    return l.Value;
                case BoundVariable v when v.Variable is LetSymbol let && !frame.Integers.ContainsKey(let):
                    throw Error(DiagnosticCatalog.RealWhereIntegerRequired, e.Span, "'" + let.Name + "' is not an integer");
                case BoundVariable v:
                    return frame.Integers[v.Variable];
                case BoundUnary u:
                    return u.Operator == '-' ? -EvaluateInteger(u.Operand, frame) : EvaluateInteger(u.Operand, frame);
                case BoundBinary b:
                {
                    long l = EvaluateInteger(b.Left, frame);
                    long r = EvaluateInteger(b.Right, frame);
                    if (!IntegerArithmetic.TryApply(b.Operator, l, r, out var result))
                    {
                        if ((b.Operator == '/' || b.Operator == '%') && r == 0)
                        {
                            throw Error(DiagnosticCatalog.DivisionByZero, b.Span);
                        }

                        throw Error(DiagnosticCatalog.InvalidRange, b.Span, "integer overflow or negative exponent in '" + b.Operator + "'");
                    }

                    return result;
                }

                case BoundBuiltinCall c:
                {
                    long a = EvaluateInteger(c.Arguments[0], frame);
                    switch (c.Function)
                    {
                        case "ceil_log2": return IntegerArithmetic.CeilLog2(a);
                        case "min": return Math.Min(a, EvaluateInteger(c.Arguments[1], frame));
                        default: return Math.Max(a, EvaluateInteger(c.Arguments[1], frame));
                    }
                }

                default:
                    throw new InvalidOperationException("Not an integer expression: " + e.GetType().Name);
            }
        }

        /// <summary>
        /// Evaluates a gate angle. Arithmetic here is real: <c>1/2</c> is 0.5 in an angle, while in
        /// sizes and indices '/' is integer division. Integer variables enter as their values.
        /// </summary>
        private AffineExpression EvaluateAngle(BoundExpression e, Frame frame)
        {
            switch (e)
            {
                case BoundIntegerLiteral l:
                    return AffineExpression.FromConstant(l.Value);
                case BoundRealLiteral r:
                    return AffineExpression.FromConstant(r.Value);
                case BoundVariable v when v.Variable is ConstantSymbol c:
                    return AffineExpression.FromConstant(c.Value);
                case BoundVariable v when v.Variable is LetSymbol let && frame.Reals.TryGetValue(let, out var value):
                    return value;
                case BoundVariable v:
                    return AffineExpression.FromConstant(frame.Integers[v.Variable]);
                case BoundParameterElement p:
                    return AffineExpression.FromParameter(ElementIndex(p, frame));
                case BoundUnary u:
                    return u.Operator == '-' ? -EvaluateAngle(u.Operand, frame) : EvaluateAngle(u.Operand, frame);
                case BoundBuiltinCall c:
                    return AffineExpression.FromConstant(EvaluateInteger(c, frame));
                case BoundBinary b:
                {
                    var l = EvaluateAngle(b.Left, frame);
                    var r = EvaluateAngle(b.Right, frame);
                    switch (b.Operator)
                    {
                        case '+': return l + r;
                        case '-': return l - r;
                        case '*': return l.IsConstant ? r * l.Constant : l * r.Constant;
                        case '/':
                            if (r.Constant == 0.0)
                            {
                                throw Error(DiagnosticCatalog.DivisionByZero, b.Span);
                            }

                            return l / r.Constant;
                        case '%':
                            if (r.Constant == 0.0)
                            {
                                throw Error(DiagnosticCatalog.DivisionByZero, b.Span);
                            }

                            return AffineExpression.FromConstant(l.Constant - r.Constant * Math.Floor(l.Constant / r.Constant));
                        default:
                            return AffineExpression.FromConstant(Math.Pow(l.Constant, r.Constant));
                    }
                }

                default:
                    throw new InvalidOperationException("Not a real expression: " + e.GetType().Name);
            }
        }

        private int ElementIndex(BoundParameterElement p, Frame frame)
        {
            var placed = frame.Arrays[p.Array];
            int flat = 0;
            for (int d = 0; d < p.Indices.Count; d++)
            {
                long i = EvaluateInteger(p.Indices[d], frame);
                if (i < 0 || i >= placed.Shape[d])
                {
                    throw Error(DiagnosticCatalog.ParameterIndexOutOfRange, p.Indices[d].Span, i, p.Array.Name, d, placed.Shape[d]);
                }

                flat = flat * placed.Shape[d] + (int)i;
            }

            return placed.Offset + flat;
        }
    }
}
