using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Analysis;

/// <summary>
/// The gradient analysis of the QRNN paper (§4.6): for one batch, the norm of the loss gradient with respect
/// to the hidden state of every step, ‖∂L/∂h_t‖, normalised by the last step's. For the QRNN, h_t is the
/// quantum state |ψ_t⟩ (the adjoint state's norm, read off the uncomputing backward pass); for the LSTM it is
/// the hidden vector h_t (captured with autograd, recurrent and readout paths summed). A curve that stays
/// near 1 back to t = 1 means early inputs still receive gradient; one that decays means vanishing gradients.
/// </summary>
public static class GradientNormAnalysis
{
    /// <summary>Per-step norms for a QRNN on inputs x [B, T, F] with per-step targets [B, T] (tagger) or [B] (classifier).</summary>
    public static double[] Qrnn(QrnnEncoder encoder, Module<Tensor, Tensor> model, Tensor x, Tensor targets)
    {
        var logits = model.Forward(x);
        Loss(logits, targets).Backward();
        var norms = encoder.Cell.LastSequence!.StateGradientNorms;
        return Normalise(Enumerable.Range(1, x.Size(1)).Select(t => norms.TryGetValue(t, out var v) ? v : 0.0).ToArray());
    }

    /// <summary>Per-step norms for an LSTM cell unrolled over x [B, T, F], with a linear head of <paramref name="classes"/>.</summary>
    public static double[] Lstm(int hidden, int classes, Tensor x, Tensor targets, Generator generator)
    {
        var cell = new LSTMCell(x.Size(2), hidden, generator: generator);
        var head = new Linear(hidden, classes, generator: generator);
        var states = new List<Tensor>();
        (Tensor H, Tensor C)? state = null;
        foreach (var step in x.Unbind(1))
        {
            state = cell.Forward(step, state);
            states.Add(state.Value.H);
        }

        var logits = targets.Dim == 2 ? head.Forward(Torch.Stack(states, dim: 1)) : head.Forward(states[^1]);
        var grads = Torch.Grad(new[] { Loss(logits, targets) }, states.ToArray(), allowUnused: true);
        return Normalise(grads.Select(g => g is null ? 0.0 : MeanRowNorm(g)).ToArray());
    }

    private static Tensor Loss(Tensor logits, Tensor targets) =>
        targets.Dim == 2 ? Functional.CrossEntropy(logits, targets, classDim: -1) : Functional.CrossEntropy(logits, targets);

    /// <summary>Mean over the batch of each row's Euclidean norm, summed in double whatever the gradient's dtype.</summary>
    private static double MeanRowNorm(Tensor g)
    {
        var values = g.Double().ToArray<double>();
        int rows = g.Size(0), width = values.Length / rows;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            double s = 0;
            for (int i = 0; i < width; i++)
            {
                s += values[r * width + i] * values[r * width + i];
            }

            total += Math.Sqrt(s);
        }

        return total / rows;
    }

    private static double[] Normalise(double[] norms)
    {
        double last = norms[^1];
        return last > 0 ? norms.Select(v => v / last).ToArray() : norms;
    }
}
