using System;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Emit;

namespace QCircuitDsl.Generators
{
    /// <summary>A .qc file as the pipeline sees it: path and text, nothing from Roslyn.</summary>
    internal sealed class QcFileSpec : IEquatable<QcFileSpec>
    {
        public QcFileSpec(string path, string text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }
        public string Text { get; }

        public bool Equals(QcFileSpec? other) => other is not null && Path == other.Path && Text == other.Text;

        public override bool Equals(object? obj) => obj is QcFileSpec f && Equals(f);

        public override int GetHashCode() => Path.GetHashCode() ^ Text.Length;
    }

    /// <summary>Everything the outputs need: generated files and diagnostics, both value-equatable.</summary>
    internal sealed class CompilationSpec : IEquatable<CompilationSpec>
    {
        public CompilationSpec(EquatableArray<GeneratedSource> sources, EquatableArray<Diagnostic> diagnostics)
        {
            Sources = sources;
            Diagnostics = diagnostics;
        }

        public EquatableArray<GeneratedSource> Sources { get; }
        public EquatableArray<Diagnostic> Diagnostics { get; }

        public bool Equals(CompilationSpec? other) => other is not null && Sources.Equals(other.Sources) && Diagnostics.Equals(other.Diagnostics);

        public override bool Equals(object? obj) => obj is CompilationSpec c && Equals(c);

        public override int GetHashCode() => Sources.GetHashCode() ^ Diagnostics.GetHashCode();
    }
}
