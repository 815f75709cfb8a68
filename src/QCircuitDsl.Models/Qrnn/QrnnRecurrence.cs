using System.Diagnostics;
using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The whole QRNN recurrence over a sequence as one autograd operation, so its memory barely grows with T.
/// Forward: for each step, u_t = (z_{t−1} : dropout(x_t)), θ_t = controller(u_t), ψ_t = U(θ_t)ψ_{t−1},
/// z_t = readout(ψ_t). It keeps only the readouts z_t (B·R values per step — the smallest thing θ_t can
/// be recomputed from: θ_t needs z_{t−1}, and z_{t−1} is a readout of ψ_{t−1}, which uncomputing needs
/// θ_t to reach), one dropout bit per input element, and the tape's state checkpoints.
/// Backward walks back in time: it recomputes u_t, a_t, v_t and θ_t from (z_{t−1}, x_t) with the same
/// kernels (bit-identical angles), uncomputes ψ_t → ψ_{t−1} while propagating the adjoint state, and
/// back-propagates through the controller by hand, accumulating exact weight gradients. The per-step
/// work reuses buffers that live as long as the operation: a step allocates nothing.
/// </summary>
internal sealed class QrnnRecurrenceFunction : Function
{
    private const string StateKey = "recurrence";

    private readonly QuantumSequence _sequence;
    private readonly ControllerActivation _activation;
    private readonly int _hidden;
    private readonly bool _lastOnly;
    private readonly double _dropout;
    private readonly Generator? _dropoutGenerator;

    /// <param name="dropout">Input dropout probability to apply (0 when not training).</param>
    public QrnnRecurrenceFunction(QuantumSequence sequence, ControllerActivation activation, int hidden, bool lastOnly, double dropout, Generator? dropoutGenerator)
    {
        _sequence = sequence;
        _activation = activation;
        _hidden = hidden;
        _lastOnly = lastOnly;
        _dropout = dropout;
        _dropoutGenerator = dropoutGenerator;
    }

    public override string Name => "QrnnRecurrenceBackward";

    /// <summary>inputs: x [B, T, F], fc1.weight, fc1.bias, fc2.weight, fc2.bias → z_T [B, R] (last only) or z [B, T, R].</summary>
    public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs) =>
        inputs[0].DType == DType.Float32 ? Forward<float>(ctx, inputs) : Forward<double>(ctx, inputs);

    public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs) =>
        gradOutputs[0].DType == DType.Float32 ? Backward<float>(ctx, gradOutputs[0]) : Backward<double>(ctx, gradOutputs[0]);

    private Tensor[] Forward<T>(FunctionContext ctx, Tensor[] inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = inputs[0].Contiguous(); // the caller's own storage when already contiguous: no copy
        int batch = x.Size(0), steps = x.Size(1), features = x.Size(2);
        var circuit = _sequence.Circuit;
        var controller = new ControllerKernels<T>(_activation, batch, circuit.ReadoutLength + features, _hidden, circuit.ParameterCount,
            inputs[1].ToArray<T>(), inputs[2].ToArray<T>(), inputs[3].ToArray<T>(), inputs[4].ToArray<T>());
        var masks = _dropout > 0 ? new InputDropoutMasks(steps, batch, features, _dropout) : null;
        var state = new RecurrenceState<T>(_sequence.Tape<T>(), controller, x, masks, steps, features, circuit.ReadoutLength);
        var generator = _dropoutGenerator ?? Torch.DefaultGenerator;
        for (int t = 0; t < steps; t++)
        {
            masks?.Draw(t, generator);
            long start = Stopwatch.GetTimestamp();
            state.ComputeAngles(t);
            _sequence.ControllerTicks += Stopwatch.GetTimestamp() - start;
            state.Tape.Advance(controller.Theta, state.Readouts(t), last: t == steps - 1);
        }

        ctx.Items[StateKey] = state;
        return [Tensor.FromArray(state.Output(_lastOnly), _lastOnly ? [batch, state.R] : [batch, steps, state.R])];
    }

    private Tensor?[] Backward<T>(FunctionContext ctx, Tensor gradOutput) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = (RecurrenceState<T>)ctx.Items[StateKey];
        var tape = state.Tape;
        var controller = state.Controller;
        int batch = controller.Batch, steps = state.Steps, r = state.R, f = state.F, u = controller.Inputs;

        // A repeated pass over the same graph (retainGraph, or a Jacobian row by row) finds the state back at
        // step 0: walk it forward again with the recomputed angles.
        for (int t = tape.Cursor; t < steps; t++)
        {
            state.ComputeAngles(t);
            tape.Replay(controller.Theta);
        }

        tape.BeginBackward();
        var upstream = gradOutput.Contiguous().Span<T>();
        var grads = new ControllerKernels<T>.Gradients(controller);
        var readoutGradient = new T[batch * r];
        var carried = new T[batch * r]; // ∂L/∂z_t through the controller input of step t + 1
        var angleGradient = new T[batch * controller.Angles];
        bool needInput = ctx.NeedsInputGrad[0];
        var inputGradient = needInput ? new T[batch * steps * f] : null;
        for (int t = steps; t >= 1; t--)
        {
            for (int b = 0; b < batch; b++)
            {
                for (int k = 0; k < r; k++)
                {
                    T direct = _lastOnly
                        ? (t == steps ? upstream[b * r + k] : T.Zero)
                        : upstream[(b * steps + t - 1) * r + k];
                    readoutGradient[b * r + k] = carried[b * r + k] + direct;
                }
            }

            long start = Stopwatch.GetTimestamp();
            state.ComputeAngles(t - 1);
            _sequence.ControllerTicks += Stopwatch.GetTimestamp() - start;
            tape.Retreat(t, readoutGradient, controller.Theta, angleGradient);
            start = Stopwatch.GetTimestamp();
            controller.Backward(angleGradient, grads);
            _sequence.ControllerTicks += Stopwatch.GetTimestamp() - start;
            for (int b = 0; b < batch; b++)
            {
                var du = grads.Du.AsSpan(b * u, u);
                du[..r].CopyTo(carried.AsSpan(b * r, r));
                if (inputGradient is null)
                {
                    continue;
                }

                var dx = inputGradient.AsSpan((b * steps + t - 1) * f, f);
                for (int k = 0; k < f; k++)
                {
                    dx[k] = state.Masks is null ? du[r + k] : du[r + k] * state.Masks.Factor<T>(t - 1, b * f + k);
                }
            }
        }

        var needs = ctx.NeedsInputGrad;
        int h1 = controller.FirstWidth, h = controller.Hidden, p = controller.Angles;
        return
        [
            inputGradient is null ? null : Tensor.FromArray(inputGradient, [batch, steps, f]),
            needs[1] ? Tensor.FromArray(grads.W1, [h1, u]) : null,
            needs[2] ? Tensor.FromArray(grads.B1, [h1]) : null,
            needs[3] ? Tensor.FromArray(grads.W2, [p, h]) : null,
            needs[4] ? Tensor.FromArray(grads.B2, [p]) : null,
        ];
    }

    /// <summary>What the operation keeps between its forward and backward passes.</summary>
    private sealed class RecurrenceState<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Tensor _input;
        private readonly T[] _readouts;

        public RecurrenceState(QuantumMemoryTape<T> tape, ControllerKernels<T> controller, Tensor input, InputDropoutMasks? masks, int steps, int features, int readouts)
        {
            Tape = tape;
            Controller = controller;
            _input = input;
            Masks = masks;
            Steps = steps;
            F = features;
            R = readouts;
            _readouts = new T[steps * controller.Batch * readouts];
        }

        public QuantumMemoryTape<T> Tape { get; }
        public ControllerKernels<T> Controller { get; }
        public InputDropoutMasks? Masks { get; }
        public int Steps { get; }
        public int F { get; }
        public int R { get; }

        /// <summary>z_{t+1} for 0-based step t: time-major [T, B, R], so one step's readouts are contiguous.</summary>
        public Span<T> Readouts(int t) => _readouts.AsSpan(t * Controller.Batch * R, Controller.Batch * R);

        /// <summary>Fills u with (z_t : dropout(x_t)) for 0-based step t (z_0 = 0) and runs the controller to θ.</summary>
        public void ComputeAngles(int t)
        {
            var u = Controller.U;
            int width = Controller.Inputs, batch = Controller.Batch;
            ReadOnlySpan<T> x = _input.Span<T>();
            for (int b = 0; b < batch; b++)
            {
                var row = u.AsSpan(b * width, width);
                if (t == 0)
                {
                    row[..R].Clear();
                }
                else
                {
                    Readouts(t - 1).Slice(b * R, R).CopyTo(row);
                }

                var xt = x.Slice((b * Steps + t) * F, F);
                if (Masks is null)
                {
                    xt.CopyTo(row[R..]);
                    continue;
                }

                for (int k = 0; k < F; k++)
                {
                    // x·mask with the mask holding 1/(1 − p) or 0, as Functional.Dropout multiplies.
                    row[R + k] = xt[k] * Masks.Factor<T>(t, b * F + k);
                }
            }

            Controller.Forward();
        }

        /// <summary>The operation's output: z_T [B × R], or every z_t as [B, T, R].</summary>
        public T[] Output(bool lastOnly)
        {
            int batch = Controller.Batch;
            if (lastOnly)
            {
                return Readouts(Steps - 1).ToArray();
            }

            var all = new T[batch * Steps * R];
            for (int t = 0; t < Steps; t++)
            {
                var step = Readouts(t);
                for (int b = 0; b < batch; b++)
                {
                    step.Slice(b * R, R).CopyTo(all.AsSpan((b * Steps + t) * R, R));
                }
            }

            return all;
        }
    }
}
