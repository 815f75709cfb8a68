using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>One target of a <c>specialize</c> declaration after binding: the circuit and its given arguments.</summary>
    public sealed class BoundSpecialization
    {
        public BoundSpecialization(CircuitSymbol circuit, IReadOnlyDictionary<string, long> arguments, string filePath, SourceSpan span)
        {
            Circuit = circuit;
            Arguments = arguments;
            FilePath = filePath;
            Span = span;
        }

        public CircuitSymbol Circuit { get; }
        /// <summary>The arguments written in the declaration, by name (the others take their defaults).</summary>
        public IReadOnlyDictionary<string, long> Arguments { get; }
        public string FilePath { get; }
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// Binds <c>specialize name(args);</c>: the circuit must exist, arguments follow a gate call's list (positional, then
    /// named), each is an integer literal and given once. Lowering at the arguments (index errors) happens in
    /// <see cref="QcCompilation"/> once the whole project is bound.
    /// </summary>
    internal static class SpecializationBinder
    {
        public static IEnumerable<BoundSpecialization> Bind(SpecializeDeclarationSyntax declaration, string filePath,
            IReadOnlyDictionary<string, CircuitSymbol> circuits, DiagnosticBag bag)
        {
            foreach (var target in declaration.Targets)
            {
                if (!circuits.TryGetValue(target.Circuit, out var circuit))
                {
                    var known = circuits.Count == 0 ? "(none declared)" : string.Join(", ", circuits.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
                    bag.Report(DiagnosticCatalog.UnknownSpecializedCircuit, target.NameSpan, target.Circuit, known);
                    continue;
                }

                if (BindArguments(target, circuit, bag) is { } arguments)
                {
                    yield return new BoundSpecialization(circuit, arguments, filePath, target.Span);
                }
            }
        }

        private static Dictionary<string, long>? BindArguments(SpecializeTargetSyntax target, CircuitSymbol circuit, DiagnosticBag bag)
        {
            var parameters = circuit.Parameters;
            int positional = target.Arguments.TakeWhile(a => a.Name is null).Count();
            if (positional > parameters.Count)
            {
                bag.Report(DiagnosticCatalog.WrongArgumentCount, target.Span, circuit.Name, parameters.Count, target.Arguments.Count);
                return null;
            }

            var result = new Dictionary<string, long>(System.StringComparer.Ordinal);
            bool ok = true;
            for (int i = 0; i < target.Arguments.Count; i++)
            {
                var argument = target.Arguments[i];
                string? name = argument.Name ?? (i < positional ? parameters[i].Name : null);
                if (name is null)
                {
                    // A positional argument after a named one: the grammar allows it, the meaning would be unclear.
                    bag.Report(DiagnosticCatalog.ParameterBindingMismatch, argument.Span,
                        $"a positional argument follows a named one in 'specialize {circuit.Name}(...)'; expected positional arguments first, then named ones");
                    ok = false;
                    continue;
                }

                if (parameters.All(p => p.Name != name))
                {
                    var names = parameters.Count == 0 ? "none" : string.Join(", ", parameters.Select(p => p.Name));
                    bag.Report(DiagnosticCatalog.UnknownArgument, argument.Span, circuit.Name, name, names);
                    ok = false;
                    continue;
                }

                if (result.ContainsKey(name))
                {
                    bag.Report(DiagnosticCatalog.ArgumentGivenTwice, argument.Span, name, circuit.Name);
                    ok = false;
                    continue;
                }

                if (Literal(argument.Value) is long value)
                {
                    result[name] = value;
                }
                else
                {
                    bag.Report(DiagnosticCatalog.SpecializeArgumentNotLiteral, argument.Value.Span, name, circuit.Name);
                    ok = false;
                }
            }

            foreach (var missing in parameters.Where(p => p.Default is null && !result.ContainsKey(p.Name)))
            {
                if (ok)
                {
                    bag.Report(DiagnosticCatalog.MissingArgument, target.Span, circuit.Name, missing.Name);
                }

                ok = false;
            }

            return ok ? result : null;
        }

        private static long? Literal(ExpressionSyntax e) => e switch
        {
            IntegerLiteralSyntax lit => lit.Value,
            UnarySyntax { Operator: "-", Operand: IntegerLiteralSyntax neg } => -neg.Value,
            UnarySyntax { Operator: "+", Operand: IntegerLiteralSyntax pos } => pos.Value,
            _ => null,
        };
    }
}
