using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Syntax;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>
    /// Binds one circuit body: resolves names, gates and calls, types every expression, and reports
    /// every problem it finds (it never stops at the first). Callees are bound first through
    /// <see cref="_ensureBound"/>, which is also how recursion is detected.
    /// </summary>
    internal sealed partial class CircuitBinder
    {
        private readonly CircuitSymbol _circuit;
        private readonly IReadOnlyDictionary<string, CircuitSymbol> _circuits;
        private readonly Func<CircuitSymbol, SourceSpan, string, bool> _ensureBound;
        private readonly DiagnosticBag _diagnostics;
        private BoundStatement? _encode;
        private bool _seenGate;
        private bool _seenReadout;

        public CircuitBinder(CircuitSymbol circuit, IReadOnlyDictionary<string, CircuitSymbol> circuits, Func<CircuitSymbol, SourceSpan, string, bool> ensureBound, DiagnosticBag diagnostics)
        {
            _circuit = circuit;
            _circuits = circuits;
            _ensureBound = ensureBound;
            _diagnostics = diagnostics;
        }

        private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object[] args) => _diagnostics.Report(descriptor, span, args);

        /// <summary>Binds the header's defaults. Runs for every circuit before any body, so calls can fill defaults.</summary>
        public static void BindHeader(CircuitSymbol circuit, DiagnosticBag diagnostics)
        {
            var binder = new CircuitBinder(circuit, new Dictionary<string, CircuitSymbol>(), (c, s, n) => true, diagnostics);
            var scope = new Scope(null);
            int ordinal = 0;
            foreach (var p in circuit.Declaration.Parameters)
            {
                var symbol = new IntParameterSymbol(p.Name, p.Span, ordinal++);
                if (p.Default != null)
                {
                    // A default may use earlier arguments: circuit c(int n, int m = 2 * n).
                    symbol.Default = binder.BindInteger(p.Default, scope, "default value of argument '" + p.Name + "'");
                }

                if (!scope.TryDeclare(symbol))
                {
                    binder.Report(DiagnosticCatalog.DuplicateDeclaration, p.Span, "argument", p.Name);
                }

                circuit.Parameters.Add(symbol);
            }
        }

        public void BindBody()
        {
            var scope = new Scope(null);
            foreach (var p in _circuit.Parameters)
            {
                scope.TryDeclare(p);
            }

            foreach (var statement in _circuit.Declaration.Body)
            {
                BindStatement(statement, scope, topLevel: true, _circuit.Body);
            }

            if (_circuit.Registers.Count == 0)
            {
                Report(DiagnosticCatalog.NoQubits, _circuit.Declaration.NameSpan, _circuit.Name);
            }

            if (_encode is BoundEncodeStatement enc)
            {
                var covered = enc.Operands.Select(o => o.Register).ToList();
                if (!covered.SequenceEqual(_circuit.Registers))
                {
                    Report(DiagnosticCatalog.InvalidOperand, enc.Span, "amplitude encoding must cover all qubit registers of the circuit, whole and in declaration order");
                }
            }

            foreach (var array in _circuit.ParamArrays.Where(a => !a.IsReferenced))
            {
                Report(DiagnosticCatalog.UnusedParameter, array.Span, array.Name, "");
            }
        }

        private void BindStatement(StatementSyntax syntax, Scope scope, bool topLevel, List<BoundStatement> output)
        {
            switch (syntax)
            {
                case QubitDeclarationSyntax q:
                    if (RequireTopLevel(topLevel, q.Span, "a qubit register") && RequireBeforeGates(q.Span, "a qubit register"))
                    {
                        var size = BindInteger(q.Size, scope, "size of qubit register '" + q.Name + "'");
                        var register = new QubitRegisterSymbol(q.Name, q.Span, size, _circuit.Registers.Count);
                        if (Declare(scope, register, "qubit register"))
                        {
                            _circuit.Registers.Add(register);
                            output.Add(new BoundQubitDeclaration(register));
                        }
                    }

                    break;

                case ParamDeclarationSyntax p:
                    if (RequireTopLevel(topLevel, p.Span, "a parameter array") && RequireBeforeGates(p.Span, "a parameter array"))
                    {
                        var dims = p.Dimensions.Select(d => BindInteger(d, scope, "size of parameter array '" + p.Name + "'")).ToArray();
                        var array = new ParamArraySymbol(p.Name, p.Span, dims, _circuit.ParamArrays.Count);
                        if (Declare(scope, array, "parameter array"))
                        {
                            _circuit.ParamArrays.Add(array);
                            output.Add(new BoundParamDeclaration(array));
                        }
                    }

                    break;

                case LetSyntax let:
                {
                    var value = BindReal(let.Value, scope);
                    var symbol = new LetSymbol(let.Name, let.Span, value);
                    Declare(scope, symbol, "name");
                    output.Add(new BoundLet(symbol, let.Span));
                    break;
                }

                case ForSyntax f:
                    output.Add(BindFor(f, scope));
                    break;

                case EncodeSyntax e:
                    BindEncode(e, scope, topLevel, output);
                    break;

                case ReadoutSyntax r:
                    BindReadout(r, scope, topLevel, output);
                    break;

                case GateCallSyntax g:
                    if (_seenReadout && topLevel)
                    {
                        Report(DiagnosticCatalog.MisplacedStatement, g.Span, "'" + g.Name + "'", "cannot follow a readout; readouts come after all gates");
                    }

                    _seenGate = true;
                    var bound = BindGateOrCall(g, scope);
                    if (bound != null)
                    {
                        output.Add(bound);
                    }

                    break;

                default:
                    throw new InvalidOperationException("Unknown statement syntax " + syntax.GetType().Name);
            }
        }

        private bool RequireTopLevel(bool topLevel, SourceSpan span, string what)
        {
            if (!topLevel)
            {
                Report(DiagnosticCatalog.MisplacedStatement, span, what, "must be declared at the top level of the circuit, not inside a loop");
            }

            return topLevel;
        }

        /// <summary>Declarations come before gates, so a register's qubits and an array's offset never depend on gate order.</summary>
        private bool RequireBeforeGates(SourceSpan span, string what)
        {
            if (_seenGate || _seenReadout)
            {
                Report(DiagnosticCatalog.MisplacedStatement, span, what, "must be declared before the first gate");
                return false;
            }

            return true;
        }

        private bool Declare(Scope scope, Symbol symbol, string kind)
        {
            if (!scope.TryDeclare(symbol))
            {
                Report(DiagnosticCatalog.DuplicateDeclaration, symbol.Span, kind, symbol.Name);
                return false;
            }

            return true;
        }

        private BoundStatement BindFor(ForSyntax syntax, Scope scope)
        {
            var start = BindInteger(syntax.Start, scope, "loop start");
            var step = syntax.Step != null ? BindInteger(syntax.Step, scope, "loop step") : null;
            var end = BindInteger(syntax.End, scope, "loop end");
            if (step is BoundIntegerLiteral { Value: 0 })
            {
                Report(DiagnosticCatalog.InvalidRange, syntax.Step!.Span, "a loop step of 0 never ends; expected a non-zero step");
            }

            var bodyScope = new Scope(scope);
            var variable = new LoopVariableSymbol(syntax.Variable, syntax.Span);
            bodyScope.TryDeclare(variable);
            var body = new List<BoundStatement>();
            foreach (var s in syntax.Body)
            {
                BindStatement(s, bodyScope, topLevel: false, body);
            }

            return new BoundFor(variable, start, step, end, body, syntax.Span);
        }

        private void BindEncode(EncodeSyntax syntax, Scope scope, bool topLevel, List<BoundStatement> output)
        {
            if (syntax.Encoding != "amplitude")
            {
                Report(DiagnosticCatalog.UnknownEncoding, syntax.EncodingSpan, syntax.Encoding);
                return;
            }

            if (!topLevel || _seenGate || _encode != null)
            {
                Report(DiagnosticCatalog.MisplacedStatement, syntax.Span, "'encode'", "must appear once, at the top level, before the first gate");
                return;
            }

            var length = BindInteger(syntax.Length, scope, "length of input '" + syntax.InputName + "'");
            var operands = new List<BoundQubitOperand>();
            foreach (var o in syntax.Operands)
            {
                var operand = BindOperand(o, scope);
                if (operand == null)
                {
                    continue;
                }

                if (operand.Index != null)
                {
                    Report(DiagnosticCatalog.InvalidOperand, o.Span, "amplitude encoding takes whole registers, not single qubits or slices");
                    continue;
                }

                operands.Add(operand);
            }

            var input = new AmplitudeInputSymbol(syntax.InputName, syntax.Span, length);
            Declare(scope, input, "input");
            _circuit.Input = input;
            var bound = new BoundEncodeStatement(input, operands, syntax.Span);
            _encode = bound;
            output.Add(bound);
        }

        private void BindReadout(ReadoutSyntax syntax, Scope scope, bool topLevel, List<BoundStatement> output)
        {
            if (!topLevel)
            {
                Report(DiagnosticCatalog.MisplacedStatement, syntax.Span, "a readout", "must be at the top level of the circuit, after all gates");
                return;
            }

            _seenReadout = true;
            switch (syntax.Kind)
            {
                case "expval":
                {
                    if (syntax.Arguments.Count == 0)
                    {
                        Report(DiagnosticCatalog.WrongArgumentCount, syntax.KindSpan, "expval", "1 to 3", 0);
                        return;
                    }

                    var axes = "";
                    foreach (var a in syntax.Arguments)
                    {
                        if (a.Operand != null || !IsAxis(a.Name, "xyz"))
                        {
                            Report(DiagnosticCatalog.InvalidAxis, a.Span, a.Operand != null ? a.Name + " " + a.Operand.Name : a.Name, "x, y, z (for a Pauli string, use 'readout pauli(z q[0], ...)')");
                            return;
                        }

                        axes += char.ToLowerInvariant(a.Name[0]);
                    }

                    var operands = BindOperands(syntax.Operands, scope, allowAllWhenEmpty: true);
                    output.Add(new BoundReadout(IrReadoutKind.ExpvalEach, axes, operands, syntax.Span));
                    break;
                }

                case "pauli":
                {
                    if (syntax.Arguments.Count == 0 || syntax.Operands.Count > 0)
                    {
                        Report(DiagnosticCatalog.InvalidOperand, syntax.Span, "a Pauli string is written as 'readout pauli(z q[0], x q[2]);': an axis and one qubit per factor");
                        return;
                    }

                    var axes = "";
                    var operands = new List<BoundQubitOperand>();
                    foreach (var a in syntax.Arguments)
                    {
                        if (!IsAxis(a.Name, "xyzi"))
                        {
                            Report(DiagnosticCatalog.InvalidAxis, a.Span, a.Name, "x, y, z, i");
                            return;
                        }

                        var operand = a.Operand != null ? BindOperand(a.Operand, scope) : null;
                        if (operand == null || !operand.IsSingle)
                        {
                            Report(DiagnosticCatalog.InvalidOperand, a.Span, "each Pauli factor acts on one qubit, e.g. 'z q[0]'");
                            return;
                        }

                        axes += char.ToLowerInvariant(a.Name[0]);
                        operands.Add(operand);
                    }

                    output.Add(new BoundReadout(IrReadoutKind.PauliString, axes, operands, syntax.Span));
                    break;
                }

                case "probs":
                    if (syntax.Arguments.Count > 0)
                    {
                        Report(DiagnosticCatalog.WrongArgumentCount, syntax.KindSpan, "probs", 0, syntax.Arguments.Count);
                        return;
                    }

                    output.Add(new BoundReadout(IrReadoutKind.Probabilities, "", BindOperands(syntax.Operands, scope, allowAllWhenEmpty: true), syntax.Span));
                    break;

                case "state":
                    if (syntax.Arguments.Count > 0 || syntax.Operands.Count > 0)
                    {
                        Report(DiagnosticCatalog.InvalidOperand, syntax.Span, "'readout state;' takes no arguments: it returns all amplitudes");
                        return;
                    }

                    output.Add(new BoundReadout(IrReadoutKind.State, "", Array.Empty<BoundQubitOperand>(), syntax.Span));
                    break;

                default:
                    Report(DiagnosticCatalog.UnknownReadout, syntax.KindSpan, syntax.Kind);
                    break;
            }
        }

        private static bool IsAxis(string name, string allowed) => name.Length == 1 && allowed.IndexOf(char.ToLowerInvariant(name[0])) >= 0;

        /// <summary>Binds operands; an empty list means "all registers" where <paramref name="allowAllWhenEmpty"/>.</summary>
        private IReadOnlyList<BoundQubitOperand> BindOperands(IReadOnlyList<OperandSyntax> syntax, Scope scope, bool allowAllWhenEmpty)
        {
            if (syntax.Count == 0 && allowAllWhenEmpty)
            {
                return _circuit.Registers.Select(r => new BoundQubitOperand(r, null, null, r.Span)).ToArray();
            }

            return syntax.Select(o => BindOperand(o, scope)).Where(o => o != null).Select(o => o!).ToArray();
        }

        private BoundQubitOperand? BindOperand(OperandSyntax syntax, Scope scope)
        {
            var symbol = scope.Lookup(syntax.Name);
            if (symbol is null)
            {
                Report(DiagnosticCatalog.UnknownIdentifier, syntax.Span, syntax.Name);
                return null;
            }

            if (!(symbol is QubitRegisterSymbol register))
            {
                Report(DiagnosticCatalog.WrongKindOfSymbol, syntax.Span, syntax.Name, SymbolDescriptions.Describe(symbol), "a qubit register");
                return null;
            }

            if (syntax.Indexer is null)
            {
                return new BoundQubitOperand(register, null, null, syntax.Span);
            }

            var index = BindInteger(syntax.Indexer.Start, scope, "qubit index");
            var end = syntax.Indexer.End != null ? BindInteger(syntax.Indexer.End, scope, "qubit range end") : null;
            return new BoundQubitOperand(register, index, end, syntax.Span);
        }
    }
}
