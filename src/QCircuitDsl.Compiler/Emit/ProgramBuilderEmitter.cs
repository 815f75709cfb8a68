using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// Writes a circuit's <c>Define</c> method: C# that replays the bound body against
    /// <c>CircuitProgramBuilder</c>, so a generated class can be constructed at any arguments.
    /// Twin: Lowering/Lowerer.cs does the same at compile time; every statement here has its case there.
    /// Each statement is preceded by its .qc text and a <c>At(line, column)</c> call, so that a
    /// construction-time error (an index out of range for these arguments) names the .qc line.
    /// </summary>
    internal sealed class ProgramBuilderEmitter
    {
        private const string B = ExpressionEmitter.Builder;
        private const string GateKindType = "global::QCircuitDsl.Quantum.GateKind";

        private readonly SourceWriter _w;
        private readonly string _sourceText;
        private readonly Dictionary<VariableSymbol, string> _locals = new Dictionary<VariableSymbol, string>();
        private readonly ExpressionEmitter _e;
        private int _unique;

        private readonly string _fileName;

        public ProgramBuilderEmitter(SourceWriter writer, string sourceText, string fileName)
        {
            _w = writer;
            _fileName = fileName;
            _sourceText = sourceText;
            _e = new ExpressionEmitter(_locals);
        }

        public void EmitDefine(CircuitSymbol circuit)
        {
            var parameters = string.Join("", circuit.Parameters.Select(p => ", " + (p.Default is null ? "long " : "long? ") + "__arg_" + p.Name));
            _w.Line("/// <summary>Appends this circuit's registers, parameters and gates to <paramref name=\"" + B + "\"/>; a call from another circuit runs it inside a call frame.</summary>");
            using (_w.Block($"internal static void Define(global::QCircuitDsl.Quantum.CircuitProgramBuilder {B}{parameters})"))
            {
                foreach (var p in circuit.Parameters)
                {
                    var local = Declare(p);
                    if (p.Default is null)
                    {
                        _w.Line($"long {local} = __arg_{p.Name};");
                    }
                    else
                    {
                        // Defaults may use earlier arguments, so they are evaluated here, in order.
                        _w.Line($"long {local} = __arg_{p.Name} ?? {_e.Integer(p.Default)};");
                    }
                }

                foreach (var s in circuit.Body)
                {
                    Statement(s);
                }
            }
        }

        private string Declare(VariableSymbol symbol)
        {
            // Unique C# names: the language allows a loop variable to reuse a name in a nested scope, C# does not.
            var name = "@" + symbol.Name + "_" + (_unique++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _locals[symbol] = name;
            return name;
        }

        private void Origin(BoundStatement s)
        {
            var text = _sourceText.Substring(s.Span.Start, Math.Min(s.Span.Length, _sourceText.Length - s.Span.Start));
            var firstLine = text.Replace("\r", "").Split('\n')[0].Trim();
            _w.Line("// " + firstLine);
            _w.Line($"{B}.At({s.Span.Line}, {s.Span.Column});");
        }

        private void Statement(BoundStatement s)
        {
            switch (s)
            {
                case BoundQubitDeclaration q:
                    Origin(s);
                    _w.Line($"{B}.DeclareQubits({Names.Literal(q.Register.Name)}, {_e.Index(q.Register.Size)});");
                    break;
                case BoundParamDeclaration p:
                    Origin(s);
                    _w.Line($"{B}.DeclareParameters({Names.Literal(p.Array.Name)}{string.Concat(p.Array.Dimensions.Select(d => ", " + _e.Index(d)))});");
                    break;
                case BoundLet let:
                {
                    Origin(s);
                    var local = Declare(let.Variable);
                    if (let.Variable.Value.IsInteger)
                    {
                        _w.Line($"long {local} = {_e.Integer(let.Variable.Value)};");
                    }
                    else
                    {
                        var type = let.Variable.Value.DependsOnParameters ? ExpressionEmitter.ParamExprType : "double";
                        _w.Line($"{type} {local} = {_e.Angle(let.Variable.Value)};");
                    }

                    break;
                }

                case BoundFor f:
                    For(f);
                    break;
                case BoundEncodeStatement enc:
                    Origin(s);
                    _w.Line($"{B}.DeclareAmplitudeInput({Names.Literal(enc.Input.Name)}, {_e.Index(enc.Input.Length)});");
                    break;
                case BoundReadout r:
                    Origin(s);
                    Readout(r);
                    break;
                case BoundGate g:
                    Origin(s);
                    Gate(g);
                    break;
                case BoundCall c:
                    Origin(s);
                    Call(c);
                    break;
                default:
                    throw new InvalidOperationException("Unknown bound statement " + s.GetType().Name);
            }
        }

        private void For(BoundFor f)
        {
            Origin(f);
            var v = Declare(f.Variable);
            var start = _e.Integer(f.Start);
            var end = _e.Integer(f.End);
            if (f.Step is null)
            {
                _w.Open($"for (long {v} = {start}; {v} <= {end}; {v}++)");
            }
            else
            {
                var step = "__step_" + (_unique++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _w.Line($"long {step} = {_e.Integer(f.Step)};");
                _w.Line($"if ({step} == 0) throw new global::System.ArgumentException({Names.Literal(_fileName + "(" + f.Span.Line + "," + f.Span.Column + "): a loop step of 0 never ends; expected a non-zero step")});");
                _w.Open($"for (long {v} = {start}; {step} > 0 ? {v} <= {end} : {v} >= {end}; {v} += {step})");
            }

            foreach (var s in f.Body)
            {
                Statement(s);
            }

            _w.Close();
        }

        private string Operand(BoundQubitOperand o)
        {
            var name = Names.Literal(o.Register.Name);
            if (o.Index is null)
            {
                return $"{B}.Register({name})";
            }

            return o.RangeEnd is null
                ? $"new int[] {{ {B}.Qubit({name}, {_e.Index(o.Index)}) }}"
                : $"{B}.QubitRange({name}, {_e.Index(o.Index)}, {_e.Index(o.RangeEnd)})";
        }

        private string Single(BoundQubitOperand o) => $"{B}.Qubit({Names.Literal(o.Register.Name)}, {_e.Index(o.Index!)})";

        private void Gate(BoundGate g)
        {
            var kind = g.Kind;
            bool adjoint = false;
            var angles = g.Angles.Select(_e.Angle).ToArray();
            if (g.Inverse)
            {
                (kind, adjoint) = GateInversion.Invert(kind, adjoint);
                angles = GateInversion.AngleSources(g.Kind).Select(i => "(-" + angles[i] + ")").ToArray();
            }

            var angleList = angles.Length == 0
                ? $"global::System.Array.Empty<{ExpressionEmitter.ParamExprType}>()"
                : $"new {ExpressionEmitter.ParamExprType}[] {{ {string.Join(", ", angles)} }}";
            var adjointArg = adjoint ? ", adjoint: true" : "";
            var kindText = GateKindType + "." + kind;

            if (g.Operands.Count == 1 && !g.Operands[0].IsSingle)
            {
                // A single-qubit gate on a register or slice applies to each of its qubits.
                using (_w.Block($"foreach (int __q in {Operand(g.Operands[0])})"))
                {
                    _w.Line($"{B}.Gate({kindText}, global::System.Array.Empty<int>(), new int[] {{ __q }}, {angleList}{adjointArg});");
                }

                return;
            }

            var controls = g.Operands.Take(g.ControlCount).Select(Single).ToArray();
            var targets = g.Operands.Skip(g.ControlCount).Select(Single).ToArray();
            var controlList = controls.Length == 0 ? "global::System.Array.Empty<int>()" : $"new int[] {{ {string.Join(", ", controls)} }}";
            _w.Line($"{B}.Gate({kindText}, {controlList}, new int[] {{ {string.Join(", ", targets)} }}, {angleList}{adjointArg});");
        }

        private void Call(BoundCall c)
        {
            var qubits = $"global::QCircuitDsl.Quantum.CodegenSupport.Concat({string.Join(", ", c.Operands.Select(Operand))})";
            var bindings = c.Bindings.Select(kv =>
                $"new global::System.Collections.Generic.KeyValuePair<string, global::QCircuitDsl.Quantum.ParameterSlice>({Names.Literal(kv.Key.Name)}, {Slice(kv.Value)})");
            _w.Line($"{B}.EnterCall({Names.Literal(c.Callee.Name)}, {qubits}, new global::System.Collections.Generic.KeyValuePair<string, global::QCircuitDsl.Quantum.ParameterSlice>[] {{ {string.Join(", ", bindings)} }});");
            var args = c.Callee.Parameters.Select((p, i) => i < c.Arguments.Count ? _e.Integer(c.Arguments[i]) : "null");
            _w.Line($"{Names.ClassName(c.Callee.Name)}.Define({B}{string.Concat(args.Select(a => ", " + a))});");
            _w.Line($"{B}.ExitCall();");
        }

        private string Slice(BoundParameterSlice s)
        {
            var name = Names.Literal(s.Array.Name);
            var prefix = s.Prefix.Count == 0 ? "global::System.Array.Empty<int>()" : $"new int[] {{ {string.Join(", ", s.Prefix.Select(_e.Index))} }}";
            return s.RangeStart is null
                ? $"{B}.Slice({name}, {prefix})"
                : $"{B}.Slice({name}, {prefix}, {_e.Index(s.RangeStart)}, {_e.Index(s.RangeEnd!)})";
        }

        private void Readout(BoundReadout r)
        {
            var qubits = r.Operands.Count == 0 ? "global::System.Array.Empty<int>()" : $"global::QCircuitDsl.Quantum.CodegenSupport.Concat({string.Join(", ", r.Operands.Select(Operand))})";
            switch (r.Kind)
            {
                case IrReadoutKind.ExpvalEach:
                    _w.Line($"{B}.ReadoutExpvalEach({Names.Literal(r.Axes)}, {qubits});");
                    break;
                case IrReadoutKind.PauliString:
                    _w.Line($"{B}.ReadoutPauli({Names.Literal(r.Axes)}, {qubits});");
                    break;
                case IrReadoutKind.Probabilities:
                    _w.Line($"{B}.ReadoutProbabilities({qubits});");
                    break;
                default:
                    _w.Line($"{B}.ReadoutState();");
                    break;
            }
        }
    }
}
