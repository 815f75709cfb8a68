using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Binding
{
    internal sealed partial class CircuitBinder
    {
        private static readonly ConstantSymbol Pi = new ConstantSymbol("pi", Math.PI);

        /// <summary>
        /// Binds an integer expression outside any circuit (a layer's arguments and sizes). Only the
        /// expression rules are used, so no circuit is needed.
        /// </summary>
        internal static BoundExpression BindStandaloneInteger(ExpressionSyntax syntax, Scope scope, string context, DiagnosticBag diagnostics) =>
            new CircuitBinder(null!, new Dictionary<string, CircuitSymbol>(), (c, s, n) => true, diagnostics).BindInteger(syntax, scope, context);

        /// <summary>Binds an expression that must be an integer (a size, index, bound or argument).</summary>
        private BoundExpression BindInteger(ExpressionSyntax syntax, Scope scope, string context)
        {
            var bound = BindExpression(syntax, scope);
            if (bound is BoundErrorExpression)
            {
                return bound;
            }

            if (!bound.IsInteger || bound.DependsOnParameters)
            {
                Report(DiagnosticCatalog.RealWhereIntegerRequired, syntax.Span, context);
                return new BoundErrorExpression(syntax.Span);
            }

            return bound;
        }

        /// <summary>Binds a gate angle or a real let: any number, affine in the parameters.</summary>
        private BoundExpression BindReal(ExpressionSyntax syntax, Scope scope) => BindExpression(syntax, scope);

        private BoundExpression BindExpression(ExpressionSyntax syntax, Scope scope)
        {
            switch (syntax)
            {
                case IntegerLiteralSyntax i:
                    return new BoundIntegerLiteral(i.Value, i.Span);
                case RealLiteralSyntax r:
                    return new BoundRealLiteral(r.Value, r.Span);
                case NameSyntax n:
                    return BindName(n, scope);
                case IndexSyntax ix:
                    return BindParameterElement(ix, scope);
                case CallSyntax c:
                    return BindBuiltin(c, scope);
                case UnarySyntax u:
                {
                    var operand = BindExpression(u.Operand, scope);
                    return operand is BoundErrorExpression ? operand : new BoundUnary(u.Operator[0], operand, u.Span);
                }

                case BinarySyntax b:
                    return BindBinary(b, scope);
                default:
                    throw new InvalidOperationException("Unknown expression syntax " + syntax.GetType().Name);
            }
        }

        private BoundExpression BindName(NameSyntax syntax, Scope scope)
        {
            var symbol = scope.Lookup(syntax.Name);
            if (symbol is null && syntax.Name == Pi.Name)
            {
                symbol = Pi;
            }

            switch (symbol)
            {
                case null:
                    Report(DiagnosticCatalog.UnknownIdentifier, syntax.Span, syntax.Name);
                    return new BoundErrorExpression(syntax.Span);
                case IntParameterSymbol _:
                case LoopVariableSymbol _:
                    return new BoundVariable((VariableSymbol)symbol, syntax.Span, true, false);
                case LetSymbol let:
                    return new BoundVariable(let, syntax.Span, let.Value.IsInteger, let.Value.DependsOnParameters);
                case ConstantSymbol c:
                    return new BoundVariable(c, syntax.Span, false, false);
                case ParamArraySymbol array:
                    array.IsReferenced = true; // the user meant to use it: don't also call it unused
                    Report(DiagnosticCatalog.WrongIndexCount, syntax.Span, array.Name, array.Dimensions.Count, 0);
                    return new BoundErrorExpression(syntax.Span);
                default:
                    Report(DiagnosticCatalog.WrongKindOfSymbol, syntax.Span, syntax.Name, SymbolDescriptions.Describe(symbol), "a number");
                    return new BoundErrorExpression(syntax.Span);
            }
        }

        /// <summary>Unwinds <c>a[i][j]</c> into the name and its indexers, outermost last.</summary>
        private static (ExpressionSyntax Root, List<IndexerSyntax> Indexers) Unwind(IndexSyntax syntax)
        {
            var indexers = new List<IndexerSyntax>();
            ExpressionSyntax e = syntax;
            while (e is IndexSyntax ix)
            {
                indexers.Insert(0, ix.Indexer);
                e = ix.Target;
            }

            return (e, indexers);
        }

        private BoundExpression BindParameterElement(IndexSyntax syntax, Scope scope)
        {
            var (root, indexers) = Unwind(syntax);
            if (!(root is NameSyntax name))
            {
                Report(DiagnosticCatalog.InvalidOperand, syntax.Span, "only parameter arrays can be indexed");
                return new BoundErrorExpression(syntax.Span);
            }

            var symbol = scope.Lookup(name.Name);
            if (symbol is null)
            {
                Report(DiagnosticCatalog.UnknownIdentifier, name.Span, name.Name);
                return new BoundErrorExpression(syntax.Span);
            }

            if (!(symbol is ParamArraySymbol array))
            {
                Report(DiagnosticCatalog.WrongKindOfSymbol, name.Span, name.Name, SymbolDescriptions.Describe(symbol), "a parameter array");
                return new BoundErrorExpression(syntax.Span);
            }

            array.IsReferenced = true;
            if (indexers.Count != array.Dimensions.Count)
            {
                Report(DiagnosticCatalog.WrongIndexCount, syntax.Span, array.Name, array.Dimensions.Count, indexers.Count);
                return new BoundErrorExpression(syntax.Span);
            }

            var indices = new List<BoundExpression>();
            foreach (var ix in indexers)
            {
                if (ix.End != null)
                {
                    Report(DiagnosticCatalog.InvalidRange, ix.Span, "a range selects several elements; a gate angle needs exactly one parameter element");
                    return new BoundErrorExpression(syntax.Span);
                }

                indices.Add(BindInteger(ix.Start, scope, "parameter index"));
            }

            return new BoundParameterElement(array, indices, syntax.Span);
        }

        private BoundExpression BindBuiltin(CallSyntax syntax, Scope scope)
        {
            int expected;
            switch (syntax.Function)
            {
                case "ceil_log2":
                    expected = 1;
                    break;
                case "min":
                case "max":
                    expected = 2;
                    break;
                default:
                    Report(DiagnosticCatalog.UnknownFunction, syntax.Span, syntax.Function);
                    return new BoundErrorExpression(syntax.Span);
            }

            if (syntax.Arguments.Count != expected)
            {
                Report(DiagnosticCatalog.WrongArgumentCount, syntax.Span, syntax.Function, expected, syntax.Arguments.Count);
                return new BoundErrorExpression(syntax.Span);
            }

            var args = syntax.Arguments.Select(a => BindInteger(a, scope, "argument of " + syntax.Function)).ToArray();
            return args.Any(a => a is BoundErrorExpression) ? new BoundErrorExpression(syntax.Span) : new BoundBuiltinCall(syntax.Function, args, syntax.Span);
        }

        private BoundExpression BindBinary(BinarySyntax syntax, Scope scope)
        {
            var left = BindExpression(syntax.Left, scope);
            var right = BindExpression(syntax.Right, scope);
            if (left is BoundErrorExpression || right is BoundErrorExpression)
            {
                return new BoundErrorExpression(syntax.Span);
            }

            char op = syntax.Operator[0];
            // Angles must stay affine in the parameters: that is what lets the adjoint pass apply the
            // chain rule per gate, and what the IR stores (AffineExpression).
            switch (op)
            {
                case '*' when left.DependsOnParameters && right.DependsOnParameters:
                    Report(DiagnosticCatalog.NonAffineParameterExpression, syntax.Span, "a product of two parameter-dependent values");
                    return new BoundErrorExpression(syntax.Span);
                case '/' when right.DependsOnParameters:
                    Report(DiagnosticCatalog.NonAffineParameterExpression, syntax.Span, "a division by a parameter-dependent value");
                    return new BoundErrorExpression(syntax.Span);
                case '%' when left.DependsOnParameters || right.DependsOnParameters:
                    Report(DiagnosticCatalog.NonAffineParameterExpression, syntax.Span, "'%' of a parameter-dependent value");
                    return new BoundErrorExpression(syntax.Span);
                case '^' when left.DependsOnParameters || right.DependsOnParameters:
                    Report(DiagnosticCatalog.NonAffineParameterExpression, syntax.Span, "a power of a parameter-dependent value");
                    return new BoundErrorExpression(syntax.Span);
            }

            return new BoundBinary(op, left, right, syntax.Span);
        }
    }
}
