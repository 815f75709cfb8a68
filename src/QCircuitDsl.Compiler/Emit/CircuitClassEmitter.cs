using System.Collections.Generic;
using System.IO;
using System.Linq;
using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Passes;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// Writes one circuit's class: the source circuit in its doc comment, constructors, the
    /// construction code (<see cref="ProgramBuilderEmitter"/>) and the engine it runs on.
    /// Execution strategy: the class derives from <c>QuantumCircuit</c>, whose engine runs the gate
    /// table built at construction; for the instantiations known at build time (<see cref="QcCompilation.KernelInstances"/>)
    /// it also holds straight-line kernels (<see cref="KernelEmitter"/>), and the constructor attaches the one whose
    /// arguments it matches.
    /// </summary>
    internal static class CircuitClassEmitter
    {
        public const string ToolName = "QCircuitDsl.Generators";
        public const string ToolVersion = "0.1.0";

        public static void Emit(SourceWriter w, CircuitSymbol circuit, IrCircuit? defaultInstance, IReadOnlyList<KernelInstance> kernels)
        {
            var className = Names.ClassName(circuit.Name);
            var file = Path.GetFileName(circuit.FilePath);

            w.Line("/// <summary>");
            w.Line($"/// Quantum circuit <c>{Names.Xml(circuit.Name)}</c> from <c>{Names.Xml(file)}</c>, compiled by QCircuitDsl.");
            w.Line("/// </summary>");
            w.Line("/// <remarks>");
            if (defaultInstance != null)
            {
                var args = string.Join(", ", defaultInstance.Arguments.Select(a => a.Key + " = " + a.Value));
                w.Line($"/// <para>With its default arguments ({Names.Xml(args)}): {defaultInstance.QubitCount} qubits, {defaultInstance.ParameterCount} parameters, {defaultInstance.Gates.Count} gates, {defaultInstance.ReadoutLength} readout values.</para>");
                var optimized = PassPipeline.Optimize(defaultInstance);
                var blocks = GateFusionPass.Fuse(optimized).Blocks.Count;
                w.Line($"/// <para>After constant folding, rotation merging and inverse cancellation: {optimized.Gates.Count} gates in {blocks} fusable blocks of at most 2 qubits.</para>");
            }

            if (kernels.Count > 0)
            {
                var list = string.Join("; ", kernels.Select(k => string.Join(", ", k.Instance.Arguments.Select(a => a.Key + " = " + a.Value))));
                w.Line($"/// <para>Straight-line kernels (used when the constructor arguments match): {Names.Xml(list)}.</para>");
            }

            w.Line("/// <para>Source:</para>");
            w.Line("/// <code>");
            foreach (var line in circuit.SourceText.Replace("\r\n", "\n").Split('\n'))
            {
                w.Line("/// " + Names.Xml(line));
            }

            w.Line("/// </code>");
            w.Line("/// </remarks>");
            w.Line($"[global::System.CodeDom.Compiler.GeneratedCode({Names.Literal(ToolName)}, {Names.Literal(ToolVersion)})]");
            using (w.Block($"public sealed partial class {className} : global::QCircuitDsl.Quantum.QuantumCircuit"))
            {
                w.Line("/// <summary>The name of the circuit in the .qc source.</summary>");
                w.Line($"public const string CircuitName = {Names.Literal(circuit.Name)};");
                w.Line();

                var ctorParams = string.Join(", ", circuit.Parameters.Select(ParameterDefaults.Declaration));
                var passArgs = string.Join(", ", circuit.Parameters.Select(p => "@" + p.Name));
                w.Line("/// <summary>Builds the circuit for these arguments; throws an exception naming the .qc line if an index is out of range for them.</summary>");
                w.Line($"public {className}({ctorParams})");
                w.Line("    : base(BuildProgram(" + passArgs + ")" + (kernels.Count > 0 ? ", SpecializedKernelFor(" + passArgs + ")" : "") + ")");
                w.Line("{");
                w.Line("}");

                if (kernels.Count > 0)
                {
                    w.Line();
                    EmitKernelSelection(w, circuit, kernels, ctorParams);
                }

                w.Line();
                w.Line("/// <summary>The flat gate table for these arguments, without an engine.</summary>");
                using (w.Block($"public static global::QCircuitDsl.Quantum.CircuitProgram BuildProgram({ctorParams})"))
                {
                    w.Line($"var __b = new global::QCircuitDsl.Quantum.CircuitProgramBuilder(CircuitName, {Names.Literal(file)});");
                    w.Line($"Define(__b{string.Concat(circuit.Parameters.Select(p => ", @" + p.Name))});");
                    w.Line("return __b.Build();");
                }

                w.Line();
                new ProgramBuilderEmitter(w, circuit.FileText, file).EmitDefine(circuit);
                foreach (var kernel in kernels)
                {
                    w.Line();
                    KernelEmitter.Emit(w, kernel);
                }
            }
        }

        /// <summary>
        /// The kernel whose instantiation equals the constructor arguments. An argument whose default is not a literal
        /// is nullable in C#; it matches only when passed explicitly.
        /// </summary>
        private static void EmitKernelSelection(SourceWriter w, CircuitSymbol circuit, IReadOnlyList<KernelInstance> kernels, string ctorParams)
        {
            w.Line("/// <summary>The generated straight-line kernel for these arguments when they match an instantiation known at build time, else null.</summary>");
            using (w.Block($"public static global::QCircuitDsl.Quantum.Kernels.SpecializedKernel? SpecializedKernelFor({ctorParams})"))
            {
                foreach (var k in kernels)
                {
                    var values = k.Instance.Arguments.ToDictionary(a => a.Key, a => a.Value);
                    var condition = circuit.Parameters.Count == 0
                        ? "true"
                        : string.Join(" && ", circuit.Parameters.Select(p => "@" + p.Name + " == " + values[p.Name].ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    using (w.Block($"if ({condition})"))
                    {
                        w.Line($"return {Names.KernelClassName(k.Instance)}.Instance;");
                    }

                    w.Line();
                }

                w.Line("return null;");
            }
        }
    }
}
