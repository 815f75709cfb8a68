using System.Collections.Generic;
using System.Linq;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Diagnostics
{
    /// <summary>Collects diagnostics for one file; phases keep going after an error so a user sees them all at once.</summary>
    public sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();

        public DiagnosticBag(string filePath)
        {
            FilePath = filePath;
        }

        public string FilePath { get; }

        public IReadOnlyList<Diagnostic> Items => _items;

        public bool HasErrors => _items.Any(d => d.IsError);

        public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

        internal void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object[] args) =>
            _items.Add(descriptor.Create(FilePath, span, args));
    }
}
