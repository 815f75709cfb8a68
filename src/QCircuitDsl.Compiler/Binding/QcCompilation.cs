using System;
using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Lowering;
using QCircuitDsl.Compiler.Syntax;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>One .qc file's path and text.</summary>
    public sealed class SourceFile
    {
        public SourceFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }
        public string Text { get; }
    }

    /// <summary>
    /// All .qc files of a project, parsed and bound together (a circuit may call one declared in
    /// another file). Circuits whose arguments all have defaults are also lowered once, so that index
    /// errors show up at build time with their location.
    /// </summary>
    public sealed class QcCompilation
    {
        private readonly Dictionary<string, CircuitSymbol> _circuits = new Dictionary<string, CircuitSymbol>(StringComparer.Ordinal);
        private readonly Dictionary<string, DiagnosticBag> _bags = new Dictionary<string, DiagnosticBag>();
        private readonly Dictionary<CircuitSymbol, IrCircuit> _defaults = new Dictionary<CircuitSymbol, IrCircuit>();
        private readonly List<Diagnostic> _diagnostics = new List<Diagnostic>();
        private readonly List<LayerSymbol> _layers = new List<LayerSymbol>();
        private readonly Dictionary<CircuitSymbol, int> _state = new Dictionary<CircuitSymbol, int>();
        private readonly Stack<CircuitSymbol> _binding = new Stack<CircuitSymbol>();
        private readonly List<KernelInstance> _kernels = new List<KernelInstance>();
        private readonly Dictionary<string, KernelInstance> _specialized = new Dictionary<string, KernelInstance>(StringComparer.Ordinal);

        private QcCompilation()
        {
        }

        public IReadOnlyList<CircuitSymbol> Circuits => _circuits.Values.ToArray();

        /// <summary>The compiled layers (recurrent cells), in declaration order.</summary>
        public IReadOnlyList<LayerSymbol> Layers => _layers;

        /// <summary>Every diagnostic, ordered by file then position.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

        public bool HasErrors => _diagnostics.Any(d => d.IsError);

        /// <summary>The circuits lowered at their default arguments (those that have defaults for all).</summary>
        public IReadOnlyDictionary<CircuitSymbol, IrCircuit> DefaultInstances => _defaults;

        /// <summary>
        /// The instantiations that get generated straight-line kernels (all-default ones first, then <c>specialize</c>
        /// targets in source order); those that cannot are reported as QC9004 and left out.
        /// </summary>
        public IReadOnlyList<KernelInstance> KernelInstances => _kernels;

        public static QcCompilation Create(IEnumerable<SourceFile> files)
        {
            var compilation = new QcCompilation();
            compilation.Compile(files.ToArray());
            return compilation;
        }

        public static QcCompilation Create(string path, string text) => Create(new[] { new SourceFile(path, text) });

        public CircuitSymbol? GetCircuit(string name) => _circuits.TryGetValue(name, out var c) ? c : null;

        /// <summary>Lowers a circuit at the given arguments (others take defaults).</summary>
        public LoweringResult Lower(string circuit, IReadOnlyDictionary<string, long>? arguments = null)
        {
            var symbol = GetCircuit(circuit) ?? throw new ArgumentException($"no circuit named '{circuit}'; the files declare: {string.Join(", ", _circuits.Keys)}", nameof(circuit));
            if (HasErrors)
            {
                throw new InvalidOperationException("the compilation has errors; fix them before lowering:" + Environment.NewLine + string.Join(Environment.NewLine, _diagnostics.Where(d => d.IsError)));
            }

            return Lowerer.Lower(symbol, arguments);
        }

        private DiagnosticBag Bag(string path)
        {
            if (!_bags.TryGetValue(path, out var bag))
            {
                bag = new DiagnosticBag(path);
                _bags[path] = bag;
            }

            return bag;
        }

        private void Compile(IReadOnlyList<SourceFile> files)
        {
            var order = new List<CircuitSymbol>();
            var layerDeclarations = new List<LayerSymbol>();
            var specializations = new List<(SpecializeDeclarationSyntax Syntax, string Path)>();
            foreach (var file in files)
            {
                var parsed = SyntaxParser.Parse(file.Path, file.Text);
                var bag = Bag(file.Path);
                foreach (var d in parsed.Diagnostics)
                {
                    bag.Add(d);
                }

                foreach (var declaration in parsed.Unit.Declarations)
                {
                    if (declaration is LayerDeclarationSyntax layer)
                    {
                        layerDeclarations.Add(new LayerSymbol(layer, file.Path, parsed.Unit.Namespace, file.Text));
                        continue;
                    }

                    if (declaration is SpecializeDeclarationSyntax specialize)
                    {
                        specializations.Add((specialize, file.Path));
                        continue;
                    }

                    var c = (CircuitDeclarationSyntax)declaration;
                    if (_circuits.ContainsKey(c.Name) || GateTable.TryGet(c.Name, out _))
                    {
                        bag.Report(DiagnosticCatalog.DuplicateDeclaration, c.NameSpan, GateTable.TryGet(c.Name, out _) ? "standard gate" : "circuit", c.Name);
                        continue;
                    }

                    var symbol = new CircuitSymbol(c, file.Path, parsed.Unit.Namespace, file.Text);
                    _circuits[c.Name] = symbol;
                    order.Add(symbol);
                }
            }

            foreach (var circuit in order)
            {
                CircuitBinder.BindHeader(circuit, Bag(circuit.FilePath));
            }

            foreach (var circuit in order)
            {
                EnsureBound(circuit, circuit.Span, circuit.Name);
            }

            foreach (var layer in layerDeclarations)
            {
                if (_circuits.ContainsKey(layer.Name) || _layers.Any(l => l.Name == layer.Name))
                {
                    Bag(layer.FilePath).Report(DiagnosticCatalog.DuplicateDeclaration, layer.Span, "circuit or layer", layer.Name);
                    continue;
                }

                if (LayerBinder.Bind(layer, _circuits, Bag(layer.FilePath)) is { } bound)
                {
                    _layers.Add(bound);
                }
            }

            var boundSpecializations = specializations
                .SelectMany(s => SpecializationBinder.Bind(s.Syntax, s.Path, _circuits, Bag(s.Path)))
                .ToList();

            bool bindingErrors = _bags.Values.Any(b => b.HasErrors);
            if (!bindingErrors)
            {
                foreach (var circuit in order.Where(c => !c.HasDefaultInstantiation))
                {
                    var missing = string.Join(", ", circuit.Parameters.Where(p => p.Default is null).Select(p => "'" + p.Name + "'"));
                    Bag(circuit.FilePath).Report(DiagnosticCatalog.InstantiationDeferred, circuit.Span, circuit.Name, " (no default for " + missing + ")");
                }

                foreach (var circuit in order.Where(c => c.HasDefaultInstantiation))
                {
                    var result = Lowerer.Lower(circuit);
                    var bag = Bag(circuit.FilePath);
                    foreach (var d in result.Diagnostics)
                    {
                        bag.Add(d);
                    }

                    if (result.Circuit != null)
                    {
                        _defaults[circuit] = result.Circuit;
                        ReportUnusedElements(circuit, result, bag);
                        AddKernel(new KernelInstance(circuit, result.Circuit, isDefault: true, circuit.FilePath, circuit.Declaration.NameSpan));
                    }
                }

                foreach (var specialization in boundSpecializations)
                {
                    LowerSpecialization(specialization);
                }
            }

            _diagnostics.AddRange(_bags.Values.SelectMany(b => b.Items)
                .GroupBy(d => d.FilePath).SelectMany(g => g.OrderBy(d => d.Span.Start))
                .Distinct());
        }

        private void LowerSpecialization(BoundSpecialization specialization)
        {
            var bag = Bag(specialization.FilePath);
            var circuit = specialization.Circuit;
            var written = circuit.Name + "(" + KernelInstance.ArgumentList(specialization.Arguments) + ")";
            var result = Lowerer.Lower(circuit, specialization.Arguments);
            if (!result.Success || result.Circuit == null)
            {
                var first = result.Diagnostics.FirstOrDefault(d => d.IsError);
                bag.Report(DiagnosticCatalog.SpecializationFailed, specialization.Span, written, first == null ? "lowering failed" : $"{System.IO.Path.GetFileName(first.FilePath)}({first.Span.Line},{first.Span.Column}): {first.Message}");
                return;
            }

            var instance = new KernelInstance(circuit, result.Circuit, isDefault: false, specialization.FilePath, specialization.Span);
            var key = instance.Display;
            if (_defaults.TryGetValue(circuit, out var defaults) && KernelInstance.Describe(defaults) == key)
            {
                bag.Report(DiagnosticCatalog.DuplicateSpecialization, specialization.Span, key, "its default arguments always get a kernel");
                return;
            }

            if (_specialized.TryGetValue(key, out var earlier))
            {
                bag.Report(DiagnosticCatalog.DuplicateSpecialization, specialization.Span, key, $"{System.IO.Path.GetFileName(earlier.FilePath)}({earlier.Span.Line},{earlier.Span.Column})");
                return;
            }

            _specialized[key] = instance;
            AddKernel(instance);
        }

        /// <summary>Keeps the instance when a kernel can be emitted for it, else reports why not (QC9004).</summary>
        private void AddKernel(KernelInstance instance)
        {
            var reason = Emit.KernelPlan.Unsupported(instance);
            if (reason != null && instance.IsDefault && instance.Instance.QubitCount < Emit.KernelPlan.MinQubits)
            {
                // Small circuits run on the straightforward engine anyway; only an explicit request deserves a notice.
                return;
            }

            if (reason != null)
            {
                Bag(instance.FilePath).Report(DiagnosticCatalog.KernelNotEmitted, instance.Span, instance.Display, reason);
                return;
            }

            _kernels.Add(instance);
        }

        /// <returns>False when binding <paramref name="circuit"/> now would be recursive.</returns>
        private bool EnsureBound(CircuitSymbol circuit, SourceSpan callSite, string caller)
        {
            _state.TryGetValue(circuit, out var state);
            if (state == 2)
            {
                return true;
            }

            if (state == 1)
            {
                var chain = _binding.Reverse().SkipWhile(c => c != circuit).Select(c => c.Name).Concat(new[] { circuit.Name });
                Bag(_binding.Peek().FilePath).Report(DiagnosticCatalog.RecursiveCall, callSite, string.Join(" → ", chain));
                return false;
            }

            _state[circuit] = 1;
            _binding.Push(circuit);
            new CircuitBinder(circuit, _circuits, EnsureBound, Bag(circuit.FilePath)).BindBody();
            _binding.Pop();
            _state[circuit] = 2;
            return true;
        }

        private static void ReportUnusedElements(CircuitSymbol circuit, LoweringResult result, DiagnosticBag bag)
        {
            foreach (var array in result.Circuit!.ParameterArrays)
            {
                var unused = Enumerable.Range(array.Offset, array.Size).Where(i => !result.UsedParameters.Contains(i)).ToList();
                var symbol = circuit.ParamArrays.First(p => p.Name == array.Name);
                if (unused.Count == 0 || !symbol.IsReferenced)
                {
                    continue; // fully used, or already reported as an unused array
                }

                var names = string.Join(", ", unused.Take(4).Select(array.ElementName)) + (unused.Count > 4 ? $" and {unused.Count - 4} more" : "");
                bag.Report(DiagnosticCatalog.UnusedParameter, symbol.Span, array.Name, $" at elements {names} (with the default arguments)");
            }
        }
    }
}
