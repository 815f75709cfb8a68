using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>
    /// Binds a <c>layer</c> declaration: a recurrent cell (memory, drive, inputs) or a projection (inputs,
    /// circuit, encode, weights, linear). A projection with its own readout clause is reported as not
    /// compiled (QC9002): it reads out what its circuit declares.
    /// </summary>
    internal static class LayerBinder
    {
        private static readonly HashSet<string> ProjectionClauses = new HashSet<string> { "circuit", "encode", "weights", "readout", "linear" };
        private static readonly HashSet<string> Activations = new HashSet<string> { "relu", "leaky_relu", "gelu", "glu", "linear" };

        /// <returns>The layer, or null when it is not compiled (errors, or a projection with its own readout clause).</returns>
        public static LayerSymbol? Bind(LayerSymbol layer, IReadOnlyDictionary<string, CircuitSymbol> circuits, DiagnosticBag diagnostics)
        {
            var syntax = layer.Declaration;
            int errors = diagnostics.Items.Count(d => d.IsError);
            bool projection = syntax.Clauses.Any(c => ProjectionClauses.Contains(c.Keyword));
            if (projection && syntax.Clauses.Any(c => c.Keyword == "readout"))
            {
                // A projection reads out what its circuit declares; a second place to say it would disagree.
                diagnostics.Report(DiagnosticCatalog.LayerNotCompiled, syntax.NameSpan, syntax.Name);
                return null;
            }

            layer.Kind = projection ? LayerKind.Projection : LayerKind.Recurrent;

            var scope = new Scope(null);
            int ordinal = 0;
            foreach (var p in syntax.Parameters)
            {
                var symbol = new IntParameterSymbol(p.Name, p.Span, ordinal++);
                if (p.Default != null)
                {
                    if (p.Default is IntegerLiteralSyntax || (p.Default is UnarySyntax { Operator: "-", Operand: IntegerLiteralSyntax }))
                    {
                        symbol.Default = CircuitBinder.BindStandaloneInteger(p.Default, scope, "default of layer argument '" + p.Name + "'", diagnostics);
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticCatalog.LayerDefaultNotLiteral, p.Default.Span, p.Name);
                    }
                }

                if (!scope.TryDeclare(symbol))
                {
                    diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, p.Span, "argument", p.Name);
                }

                layer.Parameters.Add(symbol);
            }

            var seen = new HashSet<string>();
            foreach (var clause in syntax.Clauses)
            {
                if (!seen.Add(clause.Keyword))
                {
                    diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, clause.KeywordSpan, "clause", clause.Keyword);
                    continue;
                }

                switch (projection ? "projection:" + clause.Keyword : clause.Keyword)
                {
                    case "projection:circuit":
                        BindMemory(layer, clause, circuits, scope, diagnostics);
                        break;
                    case "projection:encode":
                        if (clause.Target?.Name != "amplitude" || clause.Target.Arguments != null || clause.Source != null)
                        {
                            diagnostics.Report(DiagnosticCatalog.UnknownEncoding, clause.Target?.NameSpan ?? clause.KeywordSpan, clause.Target?.Name ?? "(none)");
                        }

                        break;
                    case "projection:weights":
                        BindWeights(layer, clause, diagnostics);
                        break;
                    case "projection:linear":
                    case "projection:inputs":
                    case "inputs":
                        if (clause.Target is null || clause.Target.Arguments != null || clause.Source != null)
                        {
                            diagnostics.Report(DiagnosticCatalog.InvalidOperand, clause.Span, $"write '{clause.Keyword} NAME;' with NAME an argument of the layer");
                            break;
                        }

                        var width = CircuitBinder.BindStandaloneInteger(new NameSyntax(clause.Target.Name, clause.Target.NameSpan), scope, clause.Keyword + " width", diagnostics);
                        if (clause.Keyword == "linear")
                        {
                            layer.Outputs = width;
                        }
                        else
                        {
                            layer.Inputs = width;
                        }

                        break;
                    case "memory":
                        BindMemory(layer, clause, circuits, scope, diagnostics);
                        break;
                    case "drive":
                        BindDrive(layer, clause, scope, diagnostics);
                        break;
                    default:
                        diagnostics.Report(DiagnosticCatalog.UnknownLayerClause, clause.KeywordSpan, clause.Keyword);
                        break;
                }
            }

            var required = projection
                ? new[] { ("inputs", "inputs in_features;"), ("circuit", "circuit strongly_entangling(3, layers);"), ("encode", "encode amplitude;"), ("weights", "weights w;"), ("linear", "linear out_features;") }
                : new[] { ("memory", "memory sim14(n);"), ("drive", "drive theta from controller(hidden, gelu);"), ("inputs", "inputs features;") };
            foreach (var (keyword, example) in required.Where(r => !seen.Contains(r.Item1)))
            {
                diagnostics.Report(DiagnosticCatalog.MissingLayerClause, syntax.NameSpan, syntax.Name, keyword, example);
            }

            if (projection && layer.Memory != null && !layer.Memory.Body.OfType<BoundReadout>().Any())
            {
                diagnostics.Report(DiagnosticCatalog.InvalidOperand, syntax.NameSpan, $"circuit '{layer.Memory.Name}' reads nothing out; a projection maps its circuit's readouts to the output width");
            }

            return diagnostics.Items.Count(d => d.IsError) == errors ? layer : null;
        }

        private static void BindWeights(LayerSymbol layer, LayerClauseSyntax clause, DiagnosticBag diagnostics)
        {
            if (clause.Target is null || clause.Target.Arguments != null || clause.Source != null)
            {
                diagnostics.Report(DiagnosticCatalog.InvalidOperand, clause.Span, "write the trained weights as 'weights ARRAY;'");
                return;
            }

            if (layer.Memory is null)
            {
                diagnostics.Report(DiagnosticCatalog.MisplacedStatement, clause.Span, "'weights'", "must follow the 'circuit' clause whose parameters it names");
                return;
            }

            var array = layer.Memory.ParamArrays.FirstOrDefault(a => a.Name == clause.Target.Name);
            if (array is null || layer.Memory.ParamArrays.Count != 1)
            {
                diagnostics.Report(DiagnosticCatalog.ParameterBindingMismatch, clause.Target.NameSpan, array is null
                    ? $"circuit '{layer.Memory.Name}' has no parameter array '{clause.Target.Name}'"
                    : $"the projection trains every parameter of its circuit as shared weights, but '{layer.Memory.Name}' has {layer.Memory.ParamArrays.Count} parameter arrays; give it one");
                return;
            }

            layer.WeightsArray = array;
        }


        private static void BindMemory(LayerSymbol layer, LayerClauseSyntax clause, IReadOnlyDictionary<string, CircuitSymbol> circuits, Scope scope, DiagnosticBag diagnostics)
        {
            if (clause.Target is null || clause.Source != null)
            {
                diagnostics.Report(DiagnosticCatalog.InvalidOperand, clause.Span, "write the memory as 'memory CIRCUIT(arguments);'");
                return;
            }

            if (!circuits.TryGetValue(clause.Target.Name, out var circuit))
            {
                diagnostics.Report(DiagnosticCatalog.UnknownGateOrCircuit, clause.Target.NameSpan, clause.Target.Name);
                return;
            }

            var args = clause.Target.Arguments ?? new ExpressionSyntax[0];
            int required = circuit.Parameters.Count(p => p.Default is null);
            if (args.Count < required || args.Count > circuit.Parameters.Count)
            {
                diagnostics.Report(DiagnosticCatalog.WrongArgumentCount, clause.Target.NameSpan, circuit.Name, required == circuit.Parameters.Count ? required.ToString(System.Globalization.CultureInfo.InvariantCulture) : required + " to " + circuit.Parameters.Count, args.Count);
                return;
            }

            if (circuit.Input != null)
            {
                diagnostics.Report(DiagnosticCatalog.InvalidOperand, clause.Target.NameSpan, $"circuit '{circuit.Name}' encodes an input; a recurrent memory starts at |0…0⟩ and is driven by its angles only");
                return;
            }

            layer.Memory = circuit;
            layer.MemoryArguments = args.Select((a, i) => CircuitBinder.BindStandaloneInteger(a, scope, "argument " + (i + 1) + " of '" + circuit.Name + "'", diagnostics)).ToArray();
        }

        private static void BindDrive(LayerSymbol layer, LayerClauseSyntax clause, Scope scope, DiagnosticBag diagnostics)
        {
            if (clause.Target is null || clause.Target.Arguments != null || clause.Source is null || clause.Source.Name != "controller" || clause.Source.Arguments is null || clause.Source.Arguments.Count != 2)
            {
                diagnostics.Report(DiagnosticCatalog.InvalidOperand, clause.Span, "write the drive as 'drive ARRAY from controller(hidden, activation);'");
                return;
            }

            if (layer.Memory is null)
            {
                diagnostics.Report(DiagnosticCatalog.MisplacedStatement, clause.Span, "'drive'", "must follow the 'memory' clause it drives");
                return;
            }

            var array = layer.Memory.ParamArrays.FirstOrDefault(a => a.Name == clause.Target.Name);
            if (array is null)
            {
                diagnostics.Report(DiagnosticCatalog.ParameterBindingMismatch, clause.Target.NameSpan, $"circuit '{layer.Memory.Name}' has no parameter array '{clause.Target.Name}'");
                return;
            }

            if (layer.Memory.ParamArrays.Count != 1)
            {
                diagnostics.Report(DiagnosticCatalog.ParameterBindingMismatch, clause.Target.NameSpan, $"the controller drives every parameter of the memory, but '{layer.Memory.Name}' has {layer.Memory.ParamArrays.Count} parameter arrays; give it one");
                return;
            }

            layer.DrivenArray = array;
            layer.Hidden = CircuitBinder.BindStandaloneInteger(clause.Source.Arguments[0], scope, "controller hidden width", diagnostics);
            if (clause.Source.Arguments[1] is NameSyntax activation && Activations.Contains(activation.Name))
            {
                layer.Activation = activation.Name;
            }
            else
            {
                diagnostics.Report(DiagnosticCatalog.UnknownActivation, clause.Source.Arguments[1].Span, clause.Source.Arguments[1] is NameSyntax n ? n.Name : "(an expression)");
            }
        }
    }
}
