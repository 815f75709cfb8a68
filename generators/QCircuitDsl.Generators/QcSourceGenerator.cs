using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Emit;

namespace QCircuitDsl.Generators
{
    /// <summary>
    /// Compiles every <c>.qc</c> file in AdditionalFiles into circuit classes. The pipeline carries only
    /// value-equatable data (paths, texts, generated strings, diagnostics), so an edit that does not
    /// change the output regenerates nothing, and no Roslyn symbol or ANTLR object is cached.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class QcSourceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names, asserted by the incrementality tests.</summary>
        public static class Steps
        {
            public const string Files = "QcFiles";
            public const string Compilation = "QcCompilation";
            public const string Sources = "QcSources";
            public const string Diagnostics = "QcDiagnostics";
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(t => t.Path.EndsWith(".qc", StringComparison.OrdinalIgnoreCase))
                .Select((t, ct) => new QcFileSpec(t.Path, t.GetText(ct)?.ToString() ?? string.Empty))
                .WithTrackingName(Steps.Files);

            var rootNamespace = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns! : "QCircuitDsl.Generated");

            // Layers compile to QCircuitDsl.Models modules; the one fact needed from the compilation is
            // whether that library is referenced (a bool, so unrelated C# edits stay cached).
            var layersSupported = context.CompilationProvider.Select((c, _) => c.GetTypeByMetadataName(LayerBaseType) is not null);

            var compiled = files.Collect()
                .Combine(rootNamespace)
                .Combine(layersSupported)
                .Select((input, ct) => Compile(input.Left.Left, input.Left.Right, ct, input.Right))
                .WithTrackingName(Steps.Compilation);

            var sources = compiled.SelectMany((c, _) => c.Sources).WithTrackingName(Steps.Sources);
            context.RegisterSourceOutput(sources, (spc, source) => spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8)));

            // Diagnostics have their own output, so a moved diagnostic does not regenerate source.
            var diagnostics = compiled.Select((c, _) => c.Diagnostics).WithTrackingName(Steps.Diagnostics);
            context.RegisterSourceOutput(diagnostics, (spc, items) =>
            {
                foreach (var d in items)
                {
                    spc.ReportDiagnostic(ToRoslyn(d));
                }
            });
        }

        /// <summary>The base class of generated layer classes.</summary>
        internal const string LayerBaseType = "QCircuitDsl.Models.Qrnn.QrnnCell";

        internal static CompilationSpec Compile(ImmutableArray<QcFileSpec> files, string rootNamespace, CancellationToken ct, bool layersSupported = true)
        {
            try
            {
                var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new SourceFile(f.Path, f.Text)).ToArray();
                ct.ThrowIfCancellationRequested();
                var compilation = QcCompilation.Create(ordered);
                var generated = CSharpEmitter.Emit(compilation, rootNamespace, emitLayers: layersSupported);
                var diagnostics = compilation.Diagnostics.ToList();
                if (!layersSupported)
                {
                    diagnostics.AddRange(compilation.Layers.Select(l => DiagnosticCatalog.LayersNeedModels.Create(l.FilePath, l.Span, l.Name)));
                }

                return new CompilationSpec(new EquatableArray<GeneratedSource>(generated), new EquatableArray<QCircuitDsl.Compiler.Diagnostics.Diagnostic>(diagnostics));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                // The generator never throws: a bug in the compiler becomes a located build error.
                var path = files.Length > 0 ? files[0].Path : "(no .qc file)";
                var d = DiagnosticCatalog.InternalError.Create(path, QCircuitDsl.Compiler.Text.SourceSpan.None, e.GetType().Name + ": " + e.Message);
                return new CompilationSpec(new EquatableArray<GeneratedSource>(Array.Empty<GeneratedSource>()), new EquatableArray<QCircuitDsl.Compiler.Diagnostics.Diagnostic>(new[] { d }));
            }
        }

        private static readonly Dictionary<string, Microsoft.CodeAnalysis.DiagnosticDescriptor> Descriptors =
            DiagnosticCatalog.All.ToDictionary(d => d.Id, d => new Microsoft.CodeAnalysis.DiagnosticDescriptor(
                d.Id, d.Title, "{0}", "QCircuitDsl", ToRoslyn(d.Severity), isEnabledByDefault: true));

        private static Microsoft.CodeAnalysis.Diagnostic ToRoslyn(QCircuitDsl.Compiler.Diagnostics.Diagnostic d)
        {
            var s = d.Span;
            var location = Location.Create(
                d.FilePath,
                new TextSpan(s.Start, s.Length),
                new LinePositionSpan(new LinePosition(s.Line - 1, s.Column - 1), new LinePosition(s.EndLine - 1, s.EndColumn - 1)));
            return Microsoft.CodeAnalysis.Diagnostic.Create(Descriptors[d.Id], location, d.Message);
        }

        private static Microsoft.CodeAnalysis.DiagnosticSeverity ToRoslyn(QCircuitDsl.Compiler.Diagnostics.DiagnosticSeverity severity) => severity switch
        {
            QCircuitDsl.Compiler.Diagnostics.DiagnosticSeverity.Error => Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
            QCircuitDsl.Compiler.Diagnostics.DiagnosticSeverity.Warning => Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
            _ => Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
        };
    }
}
