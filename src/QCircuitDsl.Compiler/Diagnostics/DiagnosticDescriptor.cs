using System.Globalization;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Diagnostics
{
    /// <summary>An ID, a severity, a title and a message format: one entry of <see cref="DiagnosticCatalog"/>.</summary>
    public sealed class DiagnosticDescriptor
    {
        public DiagnosticDescriptor(string id, DiagnosticSeverity severity, string title, string messageFormat)
        {
            Id = id;
            Severity = severity;
            Title = title;
            MessageFormat = messageFormat;
        }

        public string Id { get; }
        public DiagnosticSeverity Severity { get; }
        public string Title { get; }
        public string MessageFormat { get; }

        public Diagnostic Create(string filePath, SourceSpan span, params object[] args) =>
            new Diagnostic(Id, Severity, string.Format(CultureInfo.InvariantCulture, MessageFormat, args), filePath, span);
    }
}
