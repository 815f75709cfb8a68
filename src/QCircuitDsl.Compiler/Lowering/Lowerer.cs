using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Lowering
{
    /// <summary>
    /// Lowers a bound circuit at concrete integer arguments to the flat IR: evaluates sizes and
    /// indices, unrolls loops, inlines calls, applies <c>inv @</c>, and turns angles into affine
    /// expressions of the flat parameter vector.
    /// Twin: the construction code the emitter writes (Emit/ProgramBuilderEmitter.cs) performs the same
    /// steps at run time through <c>QCircuitDsl.Quantum.CircuitProgramBuilder</c>; tests check they agree.
    /// </summary>
    public sealed partial class Lowerer
    {
        /// <summary>Circuits larger than this are almost certainly a mistake in a size expression.</summary>
        public const int MaxQubits = 30;

        private readonly CircuitSymbol _root;
        private readonly List<Diagnostic> _diagnostics = new List<Diagnostic>();
        private readonly HashSet<Diagnostic> _seen = new HashSet<Diagnostic>();
        private readonly List<IrGate> _gates = new List<IrGate>();
        private readonly List<IrReadout> _readouts = new List<IrReadout>();
        private readonly List<IrParameterArray> _arrays = new List<IrParameterArray>();
        private readonly HashSet<int> _used = new HashSet<int>();
        private IrAmplitudeInput? _input;
        private int _qubitCount;
        private int _parameterCount;
        private string _filePath;

        private Lowerer(CircuitSymbol root)
        {
            _root = root;
            _filePath = root.FilePath;
        }

        /// <summary>Lowers <paramref name="circuit"/>; arguments not given take their defaults.</summary>
        public static LoweringResult Lower(CircuitSymbol circuit, IReadOnlyDictionary<string, long>? arguments = null)
        {
            var lowerer = new Lowerer(circuit);
            return lowerer.Run(arguments ?? new Dictionary<string, long>());
        }

        private LoweringResult Run(IReadOnlyDictionary<string, long> arguments)
        {
            var frame = new Frame(_root, null, null);
            try
            {
                foreach (var name in arguments.Keys.Where(k => _root.Parameters.All(p => p.Name != k)))
                {
                    Fail(DiagnosticCatalog.UnknownArgument, _root.Declaration.NameSpan, _root.Name, name, _root.Parameters.Count == 0 ? "none" : string.Join(", ", _root.Parameters.Select(p => p.Name)));
                }

                var args = new List<KeyValuePair<string, long>>();
                foreach (var p in _root.Parameters)
                {
                    long value;
                    if (arguments.TryGetValue(p.Name, out var given))
                    {
                        value = given;
                    }
                    else if (p.Default != null)
                    {
                        value = EvaluateInteger(p.Default, frame);
                    }
                    else
                    {
                        throw new LoweringException(DiagnosticCatalog.MissingArgument.Create(_filePath, p.Span, _root.Name, p.Name));
                    }

                    frame.Integers[p] = value;
                    args.Add(new KeyValuePair<string, long>(p.Name, value));
                }

                LowerStatements(_root.Body, frame, inverse: false);

                if (_qubitCount == 0)
                {
                    throw new LoweringException(DiagnosticCatalog.NoQubits.Create(_filePath, _root.Declaration.NameSpan, _root.Name));
                }

                if (_input != null && _input.Length > (1L << _qubitCount))
                {
                    Add(DiagnosticCatalog.AmplitudeInputTooLong.Create(_filePath, _root.Input!.Span, _input.Name, _input.Length, 1L << _qubitCount));
                }

                var ir = new IrCircuit(_root.Name, args, _qubitCount, _arrays, _input, _gates, _readouts);
                return new LoweringResult(_diagnostics.Any(d => d.IsError) ? null : ir, _diagnostics, _used);
            }
            catch (LoweringException e)
            {
                Add(e.Diagnostic);
                return new LoweringResult(null, _diagnostics, _used);
            }
        }

        private void Add(Diagnostic d)
        {
            if (_seen.Add(d))
            {
                _diagnostics.Add(d);
            }
        }

        private LoweringException Error(DiagnosticDescriptor descriptor, SourceSpan span, params object[] args) =>
            new LoweringException(descriptor.Create(_filePath, span, args));

        private void Fail(DiagnosticDescriptor descriptor, SourceSpan span, params object[] args) => throw Error(descriptor, span, args);

        private void LowerStatements(IReadOnlyList<BoundStatement> statements, Frame frame, bool inverse)
        {
            foreach (var s in statements)
            {
                LowerStatement(s, frame, inverse);
            }
        }

        private void LowerStatement(BoundStatement statement, Frame frame, bool inverse)
        {
            switch (statement)
            {
                case BoundQubitDeclaration q:
                    DeclareRegister(q.Register, frame);
                    break;
                case BoundParamDeclaration p:
                    DeclareArray(p.Array, frame);
                    break;
                case BoundLet let:
                    if (let.Variable.Value.IsInteger)
                    {
                        frame.Integers[let.Variable] = EvaluateInteger(let.Variable.Value, frame);
                    }
                    else
                    {
                        frame.Reals[let.Variable] = EvaluateAngle(let.Variable.Value, frame);
                    }

                    break;
                case BoundFor f:
                    LowerFor(f, frame, inverse);
                    break;
                case BoundEncodeStatement e:
                    if (frame.PassedQubits == null)
                    {
                        long length = EvaluateInteger(e.Input.Length, frame);
                        if (length < 1)
                        {
                            Fail(DiagnosticCatalog.NonPositiveSize, e.Span, "the length of input '" + e.Input.Name + "'", length);
                        }

                        _input = new IrAmplitudeInput(e.Input.Name, (int)length);
                    }

                    break;
                case BoundReadout r:
                    if (frame.PassedQubits == null)
                    {
                        Guard(() => _readouts.Add(new IrReadout(r.Kind, r.Axes, ResolveReadoutQubits(r, frame))));
                    }

                    break;
                case BoundGate g:
                    Guard(() => LowerGate(g, frame));
                    break;
                case BoundCall c:
                    LowerCall(c, frame);
                    break;
                default:
                    throw new InvalidOperationException("Unknown bound statement " + statement.GetType().Name);
            }
        }

        /// <summary>Runs one gate's or readout's lowering; an error skips it and lowering goes on.</summary>
        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (LoweringException e)
            {
                Add(e.Diagnostic);
            }
        }

        private void LowerFor(BoundFor f, Frame frame, bool inverse)
        {
            long start = EvaluateInteger(f.Start, frame);
            long step = f.Step != null ? EvaluateInteger(f.Step, frame) : 1;
            long end = EvaluateInteger(f.End, frame);
            if (step == 0)
            {
                Fail(DiagnosticCatalog.InvalidRange, f.Step!.Span, "a loop step of 0 never ends; expected a non-zero step");
            }

            for (long i = start; step > 0 ? i <= end : i >= end; i += step)
            {
                frame.Integers[f.Variable] = i;
                LowerStatements(f.Body, frame, inverse);
            }

            frame.Integers.Remove(f.Variable);
        }

        private void DeclareRegister(QubitRegisterSymbol register, Frame frame)
        {
            long size = EvaluateInteger(register.Size, frame);
            if (size < 1)
            {
                Fail(DiagnosticCatalog.NonPositiveSize, register.Span, "the size of qubit register '" + register.Name + "'", size);
            }

            int[] qubits;
            if (frame.PassedQubits == null)
            {
                if (_qubitCount + size > MaxQubits)
                {
                    Fail(DiagnosticCatalog.InvalidRange, register.Span, $"circuit '{_root.Name}' would have {_qubitCount + size} qubits; at most {MaxQubits} are supported");
                }

                qubits = Enumerable.Range(_qubitCount, (int)size).ToArray();
                _qubitCount += (int)size;
            }
            else
            {
                int available = frame.PassedQubits.Length - frame.QubitsTaken;
                if (size > available)
                {
                    Fail(DiagnosticCatalog.WrongQubitCount, register.Span, frame.Circuit.Name, frame.QubitsTaken + size + " or more", frame.PassedQubits.Length);
                }

                qubits = frame.PassedQubits.Skip(frame.QubitsTaken).Take((int)size).ToArray();
                frame.QubitsTaken += (int)size;
            }

            frame.Registers[register] = qubits;
        }

        private void DeclareArray(ParamArraySymbol array, Frame frame)
        {
            var shape = new int[array.Dimensions.Count];
            long size = 1;
            for (int d = 0; d < shape.Length; d++)
            {
                long v = EvaluateInteger(array.Dimensions[d], frame);
                if (v < 1)
                {
                    Fail(DiagnosticCatalog.NonPositiveSize, array.Dimensions[d].Span, "dimension " + d + " of parameter array '" + array.Name + "'", v);
                }

                shape[d] = (int)v;
                size *= v;
            }

            if (frame.Bindings == null)
            {
                frame.Arrays[array] = new PlacedArray(_parameterCount, shape);
                _arrays.Add(new IrParameterArray(array.Name, shape, _parameterCount));
                _parameterCount += (int)size;
                return;
            }

            if (!frame.Bindings.TryGetValue(array, out var slice))
            {
                Fail(DiagnosticCatalog.ParameterBindingMismatch, array.Span, $"parameter '{array.Name}' of '{frame.Circuit.Name}' is not bound by the call");
            }

            if (slice.Length != size)
            {
                Fail(DiagnosticCatalog.ParameterBindingMismatch, array.Span, $"parameter '{array.Name}' of '{frame.Circuit.Name}' has {size} elements but the call binds a slice of {slice.Length}");
            }

            frame.Arrays[array] = new PlacedArray(slice.Offset, shape);
        }
    }
}
