using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Quantum;

/// <summary>
/// The autograd node of one circuit call: inputs are (parameters[, amplitudes | state]), the output is the readout
/// vector [B, R]. Forward keeps only the circuit's output states; backward runs the adjoint method
/// (<see cref="QuantumCircuit.ReadoutBackward{T}"/> then <see cref="QuantumCircuit.Backward{T}"/>), which uncomputes
/// those states in place instead of storing one state per gate.
/// </summary>
internal sealed class QuantumCircuitFunction : Function
{
    private readonly QuantumCircuit _circuit;
    private readonly QuantumInputKind _inputKind;
    private readonly ParameterLayout _layout;
    private readonly int _batch;

    public QuantumCircuitFunction(QuantumCircuit circuit, QuantumInputKind inputKind, ParameterLayout layout, int batch)
    {
        _circuit = circuit;
        _inputKind = inputKind;
        _layout = layout;
        _batch = batch;
    }

    public override string Name => $"QuantumCircuitBackward<{_circuit.Name}>";

    public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs)
    {
        var dtype = inputs[0].DType;
        var run = dtype == DType.Float32 ? (QuantumRun)QuantumRun<float>.Start(_circuit, _inputKind, _layout, _batch, inputs)
            : QuantumRun<double>.Start(_circuit, _inputKind, _layout, _batch, inputs);
        // The run keeps its own copies of parameters and inputs plus the output states (no per-gate states). Saving
        // the inputs as well makes a second backward without retainGraph fail with autograd's "already freed" error.
        ctx.SaveForBackward(inputs);
        ctx.Items[RunKey] = run;
        return [run.Readouts()];
    }

    public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs)
    {
        var run = (QuantumRun)ctx.Items[RunKey];
        var inputs = ctx.SavedTensors.ToArray();
        return run.Backward(inputs, gradOutputs[0], ctx.NeedsInputGrad);
    }

    private const string RunKey = "quantum.run";
}
