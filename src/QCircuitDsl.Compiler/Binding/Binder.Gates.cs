using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Binding
{
    internal sealed partial class CircuitBinder
    {
        private BoundStatement? BindGateOrCall(GateCallSyntax syntax, Scope scope)
        {
            int extraControls = 0;
            bool inverse = false;
            foreach (var m in syntax.Modifiers)
            {
                if (m is InvModifierSyntax)
                {
                    inverse = !inverse;
                    continue;
                }

                var ctrl = (CtrlModifierSyntax)m;
                if (ctrl.Count is null)
                {
                    extraControls += 1;
                }
                else if (ConstantInteger(ctrl.Count) is long count && count >= 1)
                {
                    extraControls += (int)count;
                }
                else
                {
                    Report(DiagnosticCatalog.InvalidOperand, ctrl.Span, "the control count of 'ctrl(...) @' must be a positive integer literal");
                    return null;
                }
            }

            if (GateTable.TryGet(syntax.Name, out var gate))
            {
                return BindGate(syntax, gate, extraControls, inverse, scope);
            }

            if (_circuits.TryGetValue(syntax.Name, out var callee))
            {
                if (syntax.Modifiers.Count > 0)
                {
                    Report(DiagnosticCatalog.InvalidOperand, syntax.Span, "modifiers ('ctrl @', 'inv @') apply to gates, not to circuit calls");
                    return null;
                }

                return BindCall(syntax, callee, scope);
            }

            Report(DiagnosticCatalog.UnknownGateOrCircuit, syntax.NameSpan, syntax.Name);
            return null;
        }

        private BoundStatement? BindGate(GateCallSyntax syntax, GateDefinition gate, int extraControls, bool inverse, Scope scope)
        {
            bool ok = true;
            if (syntax.Arguments.Count != gate.Angles)
            {
                Report(DiagnosticCatalog.WrongArgumentCount, syntax.NameSpan, syntax.Name, gate.Angles, syntax.Arguments.Count);
                ok = false;
            }

            if (syntax.Bindings.Count > 0)
            {
                Report(DiagnosticCatalog.ParameterBindingMismatch, syntax.Bindings[0].Span, "'with' binds parameters of a called circuit; the gate '" + syntax.Name + "' takes none");
                ok = false;
            }

            var angles = syntax.Arguments.Select(a => BindReal(a, scope)).ToArray();
            var operands = syntax.Operands.Select(o => BindOperand(o, scope)).ToArray();
            if (angles.Any(a => a is BoundErrorExpression) || operands.Any(o => o is null))
            {
                return null;
            }

            int qubits = gate.Qubits + extraControls;
            bool broadcast = qubits == 1 && operands.Length == 1 && !operands[0]!.IsSingle;
            if (operands.Length != qubits)
            {
                Report(DiagnosticCatalog.WrongQubitCount, syntax.NameSpan, syntax.Name, qubits, operands.Length);
                return null;
            }

            if (!broadcast)
            {
                foreach (var o in operands.Where(o => !o!.IsSingle))
                {
                    Report(DiagnosticCatalog.InvalidOperand, o!.Span, $"'{syntax.Name}' acts on {qubits} single qubits; '{o.Register.Name}' without an index is a whole register (only single-qubit gates broadcast over registers)");
                    ok = false;
                }

                ReportStaticDuplicates(operands!);
            }

            return ok ? new BoundGate(syntax.Name, gate.Kind, gate.Controls + extraControls, inverse, angles, operands!, syntax.Span) : null;
        }

        /// <summary>Reports q[i], q[i] in one gate when it is visible without knowing the arguments.</summary>
        private void ReportStaticDuplicates(IReadOnlyList<BoundQubitOperand> operands)
        {
            for (int i = 0; i < operands.Count; i++)
            {
                for (int j = i + 1; j < operands.Count; j++)
                {
                    var a = operands[i];
                    var b = operands[j];
                    if (a.Register == b.Register && a.Index != null && b.Index != null && SameValue(a.Index, b.Index))
                    {
                        Report(DiagnosticCatalog.DuplicateQubit, b.Span, b.Register.Name + "[" + Describe(b.Index) + "]");
                    }
                }
            }
        }

        private static string Describe(BoundExpression e) => e switch
        {
            BoundIntegerLiteral l => l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            BoundVariable v => v.Variable.Name,
            _ => "…",
        };

        private static bool SameValue(BoundExpression a, BoundExpression b)
        {
            if (ConstantInteger(a) is long x && ConstantInteger(b) is long y)
            {
                return x == y;
            }

            return a is BoundVariable va && b is BoundVariable vb && va.Variable == vb.Variable;
        }

        /// <summary>The value of an integer expression made of literals only, else null.</summary>
        private static long? ConstantInteger(ExpressionSyntax syntax) => syntax switch
        {
            IntegerLiteralSyntax l => l.Value,
            UnarySyntax { Operator: "-" } u => -ConstantInteger(u.Operand),
            UnarySyntax { Operator: "+" } u => ConstantInteger(u.Operand),
            _ => null,
        };

        private static long? ConstantInteger(BoundExpression e)
        {
            switch (e)
            {
                case BoundIntegerLiteral l:
                    return l.Value;
                case BoundUnary u when u.Operator == '-':
                    return -ConstantInteger(u.Operand);
                case BoundUnary u:
                    return ConstantInteger(u.Operand);
                case BoundBinary b when b.IsInteger:
                {
                    var l = ConstantInteger(b.Left);
                    var r = ConstantInteger(b.Right);
                    if (l is null || r is null)
                    {
                        return null;
                    }

                    return IntegerArithmetic.TryApply(b.Operator, l.Value, r.Value, out var v) ? v : (long?)null;
                }

                default:
                    return null;
            }
        }

        private BoundStatement? BindCall(GateCallSyntax syntax, CircuitSymbol callee, Scope scope)
        {
            if (!_ensureBound(callee, syntax.NameSpan, _circuit.Name))
            {
                return null; // recursion, already reported
            }

            bool ok = true;
            int required = callee.Parameters.Count(p => p.Default is null);
            if (syntax.Arguments.Count < required || syntax.Arguments.Count > callee.Parameters.Count)
            {
                string expected = required == callee.Parameters.Count ? required.ToString(System.Globalization.CultureInfo.InvariantCulture) : required + " to " + callee.Parameters.Count;
                Report(DiagnosticCatalog.WrongArgumentCount, syntax.NameSpan, syntax.Name, expected, syntax.Arguments.Count);
                ok = false;
            }

            if (callee.Input != null)
            {
                Report(DiagnosticCatalog.InvalidOperand, syntax.NameSpan, $"circuit '{callee.Name}' encodes an input, so it can only run at the top level, not be called");
                ok = false;
            }

            var args = syntax.Arguments.Select((a, i) => BindInteger(a, scope, "argument " + (i + 1) + " of '" + callee.Name + "'")).ToList();
            var operands = syntax.Operands.Select(o => BindOperand(o, scope)).ToArray();
            var bindings = new List<KeyValuePair<ParamArraySymbol, BoundParameterSlice>>();
            foreach (var b in syntax.Bindings)
            {
                var target = callee.ParamArrays.FirstOrDefault(p => p.Name == b.Name);
                if (target is null)
                {
                    Report(DiagnosticCatalog.ParameterBindingMismatch, b.Span, $"circuit '{callee.Name}' has no parameter array '{b.Name}'");
                    ok = false;
                    continue;
                }

                if (bindings.Any(kv => kv.Key == target))
                {
                    Report(DiagnosticCatalog.ParameterBindingMismatch, b.Span, $"parameter '{b.Name}' of '{callee.Name}' is bound twice");
                    ok = false;
                    continue;
                }

                var slice = BindSlice(b.Value, scope);
                if (slice is null)
                {
                    ok = false;
                    continue;
                }

                bindings.Add(new KeyValuePair<ParamArraySymbol, BoundParameterSlice>(target, slice));
            }

            foreach (var missing in callee.ParamArrays.Where(p => bindings.All(kv => kv.Key != p)))
            {
                Report(DiagnosticCatalog.ParameterBindingMismatch, syntax.NameSpan, $"parameter '{missing.Name}' of '{callee.Name}' is not bound; add 'with {missing.Name} = ...' naming a slice of this circuit's parameters");
                ok = false;
            }

            if (!ok || args.Any(a => a is BoundErrorExpression) || operands.Any(o => o is null))
            {
                return null;
            }

            // Omitted arguments take the callee's defaults later, in the callee's frame (Lowerer, emitted Define),
            // because a default may use the callee's earlier arguments.
            return new BoundCall(callee, args, operands!, bindings, inverse: false, syntax.Span);
        }

        private BoundParameterSlice? BindSlice(ExpressionSyntax syntax, Scope scope)
        {
            ExpressionSyntax root = syntax;
            var indexers = new List<IndexerSyntax>();
            if (syntax is IndexSyntax ix)
            {
                (root, indexers) = Unwind(ix);
            }

            if (!(root is NameSyntax name) || !(scope.Lookup(name.Name) is ParamArraySymbol array))
            {
                Report(DiagnosticCatalog.ParameterBindingMismatch, syntax.Span, "a parameter binding needs a parameter array of this circuit, or a slice of one such as 'theta[l]' or 'theta[l][0:3]'");
                return null;
            }

            array.IsReferenced = true;
            if (indexers.Count > array.Dimensions.Count)
            {
                Report(DiagnosticCatalog.WrongIndexCount, syntax.Span, array.Name, "at most " + array.Dimensions.Count, indexers.Count);
                return null;
            }

            var prefix = new List<BoundExpression>();
            BoundExpression? rangeStart = null;
            BoundExpression? rangeEnd = null;
            for (int i = 0; i < indexers.Count; i++)
            {
                var indexer = indexers[i];
                if (indexer.End != null)
                {
                    if (i != indexers.Count - 1)
                    {
                        Report(DiagnosticCatalog.InvalidRange, indexer.Span, "a range in a parameter slice must be the last index, so the slice stays contiguous");
                        return null;
                    }

                    rangeStart = BindInteger(indexer.Start, scope, "slice start");
                    rangeEnd = BindInteger(indexer.End, scope, "slice end");
                }
                else
                {
                    prefix.Add(BindInteger(indexer.Start, scope, "parameter index"));
                }
            }

            return new BoundParameterSlice(array, prefix, rangeStart, rangeEnd, syntax.Span);
        }
    }
}
