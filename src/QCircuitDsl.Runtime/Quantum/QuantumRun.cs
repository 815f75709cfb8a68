using System.Numerics;
using QCircuitDsl.Quantum;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Quantum;

/// <summary>One forward call of a circuit, kept by the autograd node until its backward.</summary>
internal abstract class QuantumRun
{
    public abstract Tensor Readouts();

    public abstract Tensor?[] Backward(Tensor[] inputs, Tensor gradOutput, IReadOnlyList<bool> needsInputGrad);
}

/// <summary>
/// The typed work of <see cref="QuantumCircuitFunction"/> for float (T = float) or double tensors. Holds the output
/// states of the forward pass and the parameter/input values it used; nothing per gate.
/// </summary>
internal sealed class QuantumRun<T> : QuantumRun where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly QuantumCircuit _circuit;
    private readonly QuantumInputKind _inputKind;
    private readonly ParameterLayout _layout;
    private readonly int _batch;
    private readonly T[] _parameters;
    private readonly T[]? _input;
    private readonly int[] _parameterShape;
    private readonly int[]? _inputShape;
    private StateBatch<T> _states;
    private T[]? _readouts;
    // Backward uncomputes _states in place; a second backward (retained graph) must rebuild them first.
    private bool _statesConsumed;

    private QuantumRun(QuantumCircuit circuit, QuantumInputKind inputKind, ParameterLayout layout, int batch, Tensor[] inputs)
    {
        _circuit = circuit;
        _inputKind = inputKind;
        _layout = layout;
        _batch = batch;
        _parameters = inputs[0].ToArray<T>();
        _parameterShape = inputs[0].Shape;
        if (inputKind != QuantumInputKind.ZeroState)
        {
            _input = inputs[1].ToArray<T>();
            _inputShape = inputs[1].Shape;
        }
        _states = ComputeOutputStates();
    }

    public static QuantumRun<T> Start(QuantumCircuit circuit, QuantumInputKind inputKind, ParameterLayout layout, int batch, Tensor[] inputs)
    {
        var run = new QuantumRun<T>(circuit, inputKind, layout, batch, inputs);
        run._readouts = new T[batch * circuit.ReadoutLength];
        circuit.Readout(run._states, run._readouts);
        return run;
    }

    public override Tensor Readouts()
    {
        var values = _readouts ?? throw new InvalidOperationException("internal: readouts were already handed out");
        _readouts = null; // the tensor owns the array from here on
        return Tensor.FromArray(values, [_batch, _circuit.ReadoutLength]);
    }

    private StateBatch<T> ComputeOutputStates()
    {
        var states = _circuit.CreateStates<T>(_batch);
        switch (_inputKind)
        {
            case QuantumInputKind.Amplitudes:
                _circuit.EncodeInputs<T>(states, _input);
                break;
            case QuantumInputKind.State:
                // [B, D, 2] interleaved (re, im) → split layout.
                var x = _input!;
                for (int k = 0; k < states.Real.Length; k++)
                {
                    states.Real[k] = x[2 * k];
                    states.Imag[k] = x[2 * k + 1];
                }
                break;
        }
        _circuit.Forward<T>(states, _parameters, _layout);
        return states;
    }

    public override Tensor?[] Backward(Tensor[] inputs, Tensor gradOutput, IReadOnlyList<bool> needsInputGrad)
    {
        if (_statesConsumed) _states = ComputeOutputStates();
        var upstream = gradOutput.ToArray<T>();
        var adjoint = _circuit.CreateStates<T>(_batch);
        _circuit.ReadoutBackward<T>(_states, upstream, adjoint);
        // The parameter sweep is also what carries the adjoint back to the input, so it always runs.
        var parameterGradient = new T[_parameters.Length];
        _circuit.Backward<T>(_states, adjoint, _parameters, _layout, parameterGradient);
        _statesConsumed = true;

        var grads = new Tensor?[inputs.Length];
        if (needsInputGrad[0]) grads[0] = Tensor.FromArray(parameterGradient, (int[])_parameterShape.Clone());
        if (inputs.Length > 1 && needsInputGrad[1]) grads[1] = InputGradient(adjoint);
        return grads;
    }

    /// <summary>∂L/∂input from the adjoint g of the input states.</summary>
    private Tensor InputGradient(StateBatch<T> adjoint)
    {
        var x = _input!;
        var gradient = new T[x.Length];
        if (_inputKind == QuantumInputKind.Amplitudes)
            _circuit.EncodeInputsBackward<T>(x, adjoint, gradient);
        else
            // g = ∂L/∂Re ψ + i ∂L/∂Im ψ, so the (re, im) pair of the gradient is (Re g, Im g).
            for (int k = 0; k < adjoint.Real.Length; k++)
            {
                gradient[2 * k] = adjoint.Real[k];
                gradient[2 * k + 1] = adjoint.Imag[k];
            }
        return Tensor.FromArray(gradient, (int[])_inputShape!.Clone());
    }
}
