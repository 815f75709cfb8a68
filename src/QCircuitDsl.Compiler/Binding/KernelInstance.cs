using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Text;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>
    /// An instantiation known at build time for which the generator emits a straight-line kernel: a circuit's
    /// all-default arguments, or a <c>specialize</c> target. Instantiations that cannot get a kernel are reported
    /// (QC9004) and not listed.
    /// </summary>
    public sealed class KernelInstance
    {
        public KernelInstance(CircuitSymbol circuit, IrCircuit instance, bool isDefault, string filePath, SourceSpan span)
        {
            Circuit = circuit;
            Instance = instance;
            IsDefault = isDefault;
            FilePath = filePath;
            Span = span;
        }

        public CircuitSymbol Circuit { get; }
        /// <summary>The lowered circuit; <see cref="IrCircuit.Arguments"/> holds every argument's value.</summary>
        public IrCircuit Instance { get; }
        public bool IsDefault { get; }
        /// <summary>Where the instantiation is declared (the circuit itself for the default one).</summary>
        public string FilePath { get; }
        public SourceSpan Span { get; }

        private Emit.KernelPlan? _plan;

        /// <summary>
        /// The optimized gates and blocks the kernel is written from, built once: the support check (QC9004) and the
        /// emitter share it instead of each running the pass pipeline.
        /// </summary>
        internal Emit.KernelPlan Plan => _plan ??= Emit.KernelPlan.Create(Instance);

        /// <summary><c>sim14(n = 10, layers = 1)</c>.</summary>
        public string Display => Describe(Instance);

        public static string Describe(IrCircuit c) => c.Name + "(" + ArgumentList(c.Arguments) + ")";

        /// <summary><c>n = 10, layers = 1</c>: arguments as the diagnostics and generated comments show them.</summary>
        public static string ArgumentList(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, long>> arguments) =>
            string.Join(", ", System.Linq.Enumerable.Select(arguments, a => a.Key + " = " + a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
