using System;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Diagnostics
{
    public enum DiagnosticSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// A message about a .qc file, located by path and span. Value-equatable so the source generator
    /// can cache it; the Roslyn <c>Location</c> is only built when the generator reports it.
    /// </summary>
    public sealed class Diagnostic : IEquatable<Diagnostic>
    {
        public Diagnostic(string id, DiagnosticSeverity severity, string message, string filePath, SourceSpan span)
        {
            Id = id;
            Severity = severity;
            Message = message;
            FilePath = filePath;
            Span = span;
        }

        /// <summary>Stable identifier, e.g. <c>QC2004</c>; see <see cref="DiagnosticCatalog"/>.</summary>
        public string Id { get; }
        public DiagnosticSeverity Severity { get; }
        public string Message { get; }
        public string FilePath { get; }
        public SourceSpan Span { get; }

        public bool IsError => Severity == DiagnosticSeverity.Error;

        /// <summary>MSBuild-style: <c>file.qc(3,5): error QC2004: message</c>.</summary>
        public override string ToString() =>
            $"{FilePath}({Span.Line},{Span.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";

        public bool Equals(Diagnostic? other) =>
            other is not null && Id == other.Id && Severity == other.Severity && Message == other.Message &&
            FilePath == other.FilePath && Span.Equals(other.Span);

        public override bool Equals(object? obj) => obj is Diagnostic d && Equals(d);

        public override int GetHashCode() => (Id.GetHashCode() * 397) ^ Message.GetHashCode() ^ Span.GetHashCode();
    }
}
