using System.Collections.Generic;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>A lexical scope: the circuit body, a for-loop body. Lookups walk outwards.</summary>
    internal sealed class Scope
    {
        private readonly Dictionary<string, Symbol> _symbols = new Dictionary<string, Symbol>();

        public Scope(Scope? parent)
        {
            Parent = parent;
        }

        public Scope? Parent { get; }

        public bool TryDeclare(Symbol symbol)
        {
            if (_symbols.ContainsKey(symbol.Name))
            {
                return false;
            }

            _symbols[symbol.Name] = symbol;
            return true;
        }

        public Symbol? Lookup(string name)
        {
            for (var s = this; s != null; s = s.Parent)
            {
                if (s._symbols.TryGetValue(name, out var symbol))
                {
                    return symbol;
                }
            }

            return null;
        }
    }
}
