using System.Collections.Generic;
using System.IO;
using System.Linq;
using QCircuitDsl.Compiler.Binding;

namespace QCircuitDsl.Compiler.Emit
{
    /// <summary>
    /// Writes a recurrent-cell layer as an ordinary module: a class deriving from
    /// <c>QCircuitDsl.Models.Qrnn.QrnnCell</c> whose constructor builds the memory circuit at the layer's
    /// arguments and passes the controller's width and activation. Its parameters are the cell's
    /// (<c>controller.fc1.weight</c>, …), so optimizers and state dicts see them as usual.
    /// </summary>
    internal static class LayerClassEmitter
    {
        private const string Models = "global::QCircuitDsl.Models.Qrnn";
        private const string Tensors = "global::QCircuitDsl.Runtime.Tensors";

        public static void Emit(SourceWriter w, LayerSymbol layer, string defaultNamespace)
        {
            if (layer.Kind == LayerKind.Projection)
            {
                EmitProjection(w, layer, defaultNamespace);
                return;
            }

            var memory = layer.Memory!;
            var file = Path.GetFileName(layer.FilePath);
            var className = Names.ClassName(layer.Name);
            w.Line("/// <summary>");
            w.Line($"/// Layer <c>{Names.Xml(layer.Name)}</c> from <c>{Names.Xml(file)}</c>: a recurrent quantum cell (QRNN) whose memory is circuit");
            w.Line($"/// <c>{Names.Xml(memory.Name)}</c>, with its <c>{Names.Xml(layer.DrivenArray!.Name)}</c> angles computed each step by a classical controller ({Names.Xml(layer.Activation)}).");
            w.Line("/// </summary>");
            WriteSource(w, layer);
            w.Line($"[global::System.CodeDom.Compiler.GeneratedCode({Names.Literal(CircuitClassEmitter.ToolName)}, {Names.Literal(CircuitClassEmitter.ToolVersion)})]");
            using (w.Block($"public sealed partial class {className} : {Models}.QrnnCell"))
            {
                var locals = layer.Parameters.ToDictionary(p => (VariableSymbol)p, p => "((long)@" + p.Name + ")");
                var e = new ExpressionEmitter(locals);
                var parameters = Parameters(layer).Concat(new[]
                    {
                        "double inputDropout = 0.0",
                        $"{Tensors}.DType dtype = {Tensors}.DType.Float32",
                        $"{Tensors}.Generator? generator = null",
                        $"int checkpointInterval = {Models}.QuantumMemory.DefaultCheckpointInterval",
                    });
                var circuitClass = $"global::{memory.Namespace ?? defaultNamespace}.{Names.ClassName(memory.Name)}";
                var circuitArgs = string.Join(", ", layer.MemoryArguments.Select(e.Index));
                w.Line($"/// <summary>Builds the memory circuit <c>{Names.Xml(memory.Name)}</c> at these arguments and a freshly initialised controller.</summary>");
                w.Line($"public {className}({string.Join(", ", parameters)})");
                w.Line($"    : base(new {circuitClass}({circuitArgs}), {e.Index(layer.Inputs!)}, {e.Index(layer.Hidden!)}, {Models}.ControllerActivation.{Activation(layer.Activation)}, inputDropout, dtype, generator, checkpointInterval)");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <summary>The name of the layer in the .qc source.</summary>");
                w.Line($"public const string LayerName = {Names.Literal(layer.Name)};");
            }
        }

        private const string Mamba = "global::QCircuitDsl.Models.Mamba";

        /// <summary>A projection layer: a class deriving from <c>QuantumProjection</c> that passes the declared circuit.</summary>
        private static void EmitProjection(SourceWriter w, LayerSymbol layer, string defaultNamespace)
        {
            var circuit = layer.Memory!;
            var className = Names.ClassName(layer.Name);
            w.Line("/// <summary>");
            w.Line($"/// Layer <c>{Names.Xml(layer.Name)}</c> from <c>{Names.Xml(Path.GetFileName(layer.FilePath))}</c>: a quantum projection (HQC-Mamba) that amplitude-encodes");
            w.Line($"/// each token, applies circuit <c>{Names.Xml(circuit.Name)}</c> with trained weights <c>{Names.Xml(layer.WeightsArray!.Name)}</c> shared by all tokens, and maps its readouts to the output width.");
            w.Line("/// </summary>");
            WriteSource(w, layer);
            w.Line($"[global::System.CodeDom.Compiler.GeneratedCode({Names.Literal(CircuitClassEmitter.ToolName)}, {Names.Literal(CircuitClassEmitter.ToolVersion)})]");
            using (w.Block($"public sealed partial class {className} : {Mamba}.QuantumProjection"))
            {
                var e = new ExpressionEmitter(layer.Parameters.ToDictionary(p => (VariableSymbol)p, p => "((long)@" + p.Name + ")"));
                var parameters = Parameters(layer).Concat(new[]
                {
                    $"{Mamba}.QuantumProjectionOptions? options = null",
                    $"{Tensors}.DType dtype = {Tensors}.DType.Float32",
                    $"{Tensors}.Generator? generator = null",
                });
                var circuitClass = $"global::{circuit.Namespace ?? defaultNamespace}.{Names.ClassName(circuit.Name)}";
                w.Line($"/// <summary>Builds circuit <c>{Names.Xml(circuit.Name)}</c> at these arguments; <paramref name=\"options\"/> defaults to the robust encoding (bias amplitude and norm side channel).</summary>");
                w.Line($"public {className}({string.Join(", ", parameters)})");
                w.Line($"    : base({e.Index(layer.Inputs!)}, {e.Index(layer.Outputs!)}, new {circuitClass}({string.Join(", ", layer.MemoryArguments.Select(e.Index))}), options ?? {Mamba}.QuantumProjectionOptions.Robust, dtype, generator)");
                w.Line("{");
                w.Line("}");
                w.Line();
                w.Line("/// <summary>The name of the layer in the .qc source.</summary>");
                w.Line($"public const string LayerName = {Names.Literal(layer.Name)};");
            }
        }

        // The binder only accepts literal defaults for layers (QC2018), so every default is a C# default value.
        private static IEnumerable<string> Parameters(LayerSymbol layer) => layer.Parameters.Select(ParameterDefaults.Declaration);

        private static void WriteSource(SourceWriter w, LayerSymbol layer)
        {
            w.Line("/// <remarks>");
            w.Line("/// <code>");
            var text = layer.FileText.Substring(layer.Declaration.Span.Start, layer.Declaration.Span.Length);
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                w.Line("/// " + Names.Xml(line));
            }

            w.Line("/// </code>");
            w.Line("/// </remarks>");
        }

        private static string Activation(string name)
        {
            switch (name)
            {
                case "relu": return "Relu";
                case "leaky_relu": return "LeakyRelu";
                case "glu": return "Glu";
                case "linear": return "None";
                default: return "Gelu";
            }
        }
    }
}
