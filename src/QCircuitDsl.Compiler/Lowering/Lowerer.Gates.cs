using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Lowering
{
    public sealed partial class Lowerer
    {
        private void LowerGate(BoundGate gate, Frame frame)
        {
            var angles = gate.Angles.Select(a => EvaluateAngle(a, frame)).ToArray();
            var kind = gate.Kind;
            bool adjoint = false;
            if (gate.Inverse)
            {
                (kind, adjoint) = GateInversion.Invert(kind, adjoint);
                var sources = GateInversion.AngleSources(gate.Kind);
                angles = sources.Select(i => -angles[i]).ToArray();
            }

            foreach (var a in angles)
            {
                foreach (var t in a.Terms)
                {
                    _used.Add(t.ParameterIndex);
                }
            }

            // A single-qubit gate on a register or slice applies to each of its qubits.
            if (gate.Operands.Count == 1 && !gate.Operands[0].IsSingle)
            {
                foreach (var q in ResolveOperand(gate.Operands[0], frame))
                {
                    _gates.Add(new IrGate(kind, new int[0], new[] { q }, angles, adjoint, gate.Span));
                }

                return;
            }

            var qubits = gate.Operands.Select(o => ResolveSingle(o, frame)).ToArray();
            for (int i = 0; i < qubits.Length; i++)
            {
                for (int j = i + 1; j < qubits.Length; j++)
                {
                    if (qubits[i] == qubits[j])
                    {
                        Fail(DiagnosticCatalog.DuplicateQubit, gate.Operands[j].Span, "q[" + qubits[j] + "] (absolute)");
                    }
                }
            }

            var controls = qubits.Take(gate.ControlCount).ToArray();
            var targets = qubits.Skip(gate.ControlCount).ToArray();
            _gates.Add(new IrGate(kind, controls, targets, angles, adjoint, gate.Span));
        }

        private void LowerCall(BoundCall call, Frame frame)
        {
            var qubits = call.Operands.SelectMany(o => ResolveOperand(o, frame)).ToArray();
            var duplicate = qubits.GroupBy(q => q).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                Fail(DiagnosticCatalog.DuplicateQubit, call.Span, "q[" + duplicate.Key + "] (absolute)");
            }

            var bindings = new Dictionary<ParamArraySymbol, (int Offset, int Length)>();
            foreach (var kv in call.Bindings)
            {
                bindings[kv.Key] = ResolveSlice(kv.Value, frame);
            }

            var callee = new Frame(call.Callee, qubits, bindings);
            for (int i = 0; i < call.Callee.Parameters.Count; i++)
            {
                var p = call.Callee.Parameters[i];
                // Defaults are evaluated in the callee's frame, where earlier arguments are already set.
                callee.Integers[p] = i < call.Arguments.Count ? EvaluateInteger(call.Arguments[i], frame) : EvaluateInteger(p.Default!, callee);
            }

            var savedPath = _filePath;
            _filePath = call.Callee.FilePath;
            try
            {
                LowerStatements(call.Callee.Body, callee, inverse: false);
            }
            finally
            {
                _filePath = savedPath;
            }

            if (callee.QubitsTaken != qubits.Length)
            {
                Fail(DiagnosticCatalog.WrongQubitCount, call.Span, call.Callee.Name, callee.QubitsTaken, qubits.Length);
            }
        }

        private int[] ResolveReadoutQubits(BoundReadout readout, Frame frame)
        {
            var qubits = readout.Operands.SelectMany(o => ResolveOperand(o, frame)).ToArray();
            if (readout.Kind == IrReadoutKind.State)
            {
                return qubits;
            }

            var duplicate = qubits.GroupBy(q => q).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                Fail(DiagnosticCatalog.DuplicateQubit, readout.Span, "q[" + duplicate.Key + "] (absolute)");
            }

            if (readout.Kind == IrReadoutKind.Probabilities && qubits.Length > 20)
            {
                Fail(DiagnosticCatalog.InvalidRange, readout.Span, "probabilities of more than 20 qubits would be over a million values; read out fewer qubits");
            }

            return qubits;
        }

        private int ResolveSingle(BoundQubitOperand operand, Frame frame)
        {
            var register = frame.Registers[operand.Register];
            long index = EvaluateInteger(operand.Index!, frame);
            if (index < 0 || index >= register.Length)
            {
                Fail(DiagnosticCatalog.QubitIndexOutOfRange, operand.Index!.Span, index, operand.Register.Name, register.Length);
            }

            return register[index];
        }

        private int[] ResolveOperand(BoundQubitOperand operand, Frame frame)
        {
            var register = frame.Registers[operand.Register];
            if (operand.Index == null)
            {
                return register;
            }

            if (operand.RangeEnd == null)
            {
                return new[] { ResolveSingle(operand, frame) };
            }

            long first = EvaluateInteger(operand.Index, frame);
            long last = EvaluateInteger(operand.RangeEnd, frame);
            if (first < 0 || first >= register.Length)
            {
                Fail(DiagnosticCatalog.QubitIndexOutOfRange, operand.Index.Span, first, operand.Register.Name, register.Length);
            }

            if (last >= register.Length)
            {
                Fail(DiagnosticCatalog.QubitIndexOutOfRange, operand.RangeEnd.Span, last, operand.Register.Name, register.Length);
            }

            if (last < first)
            {
                Fail(DiagnosticCatalog.InvalidRange, operand.Span, $"the slice {operand.Register.Name}[{first}:{last}] is reversed; expected first ≤ last (bounds are inclusive)");
            }

            return register.Skip((int)first).Take((int)(last - first + 1)).ToArray();
        }

        private (int Offset, int Length) ResolveSlice(BoundParameterSlice slice, Frame frame)
        {
            var placed = frame.Arrays[slice.Array];
            int offset = placed.Offset;
            int stride = placed.Size;
            int d = 0;
            foreach (var index in slice.Prefix)
            {
                stride /= placed.Shape[d];
                long i = EvaluateInteger(index, frame);
                if (i < 0 || i >= placed.Shape[d])
                {
                    Fail(DiagnosticCatalog.ParameterIndexOutOfRange, index.Span, i, slice.Array.Name, d, placed.Shape[d]);
                }

                offset += (int)i * stride;
                d++;
            }

            if (slice.RangeStart == null)
            {
                return (offset, stride);
            }

            if (d >= placed.Shape.Length)
            {
                Fail(DiagnosticCatalog.WrongIndexCount, slice.Span, slice.Array.Name, "at most " + placed.Shape.Length, d + 1);
            }

            stride /= placed.Shape[d];
            long first = EvaluateInteger(slice.RangeStart, frame);
            long last = EvaluateInteger(slice.RangeEnd!, frame);
            if (first < 0 || first >= placed.Shape[d])
            {
                Fail(DiagnosticCatalog.ParameterIndexOutOfRange, slice.RangeStart.Span, first, slice.Array.Name, d, placed.Shape[d]);
            }

            if (last >= placed.Shape[d])
            {
                Fail(DiagnosticCatalog.ParameterIndexOutOfRange, slice.RangeEnd!.Span, last, slice.Array.Name, d, placed.Shape[d]);
            }

            if (last < first)
            {
                Fail(DiagnosticCatalog.InvalidRange, slice.Span, $"the slice of '{slice.Array.Name}' from {first} to {last} is reversed; expected first ≤ last (bounds are inclusive)");
            }

            return (offset + (int)first * stride, (int)(last - first + 1) * stride);
        }
    }
}
