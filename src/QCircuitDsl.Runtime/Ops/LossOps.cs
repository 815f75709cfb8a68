using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Ops;

/// <summary>Loss functions with PyTorch's conventions (class dim 1, ignore_index, mean over non-ignored targets).</summary>
internal static class LossOps
{
    /// <summary>
    /// Negative log-likelihood of log-probabilities. Input [N, C] or [N, C, d1, ...] (classDim = 1, PyTorch's layout) or
    /// any layout with the class dim given by <paramref name="classDim"/> (e.g. -1 for [N, T, C]); target int64 of the
    /// input's shape without the class dim. Targets equal to <paramref name="ignoreIndex"/> contribute nothing and are
    /// excluded from the mean (which is NaN when every target is ignored, as in PyTorch).
    /// </summary>
    public static Tensor NllLoss(Tensor logProbs, Tensor target, int ignoreIndex, Reduction reduction, int classDim, string op = "nll_loss")
    {
        Elementwise.RequireFloat(logProbs, op);
        if (target.DType != DType.Int64)
            throw new ArgumentException($"{op}: target must be an int64 tensor of class indices, got {target.DType.Name()}");
        if (logProbs.Dim == 0) throw new ArgumentException($"{op}: input must have a class dimension, got a 0-d tensor");
        var cd = ShapeUtils.NormalizeDim(logProbs.Dim == 1 ? 0 : classDim, logProbs.Dim, op);
        var expected = logProbs.ShapeArray.Where((_, i) => i != cd).ToArray();
        if (!ShapeUtils.SameShape(expected, target.ShapeArray))
            throw new ArgumentException(
                $"{op}: expected target shape {ShapeUtils.Format(expected)} for input shape {ShapeUtils.Format(logProbs.ShapeArray)} with class dim {cd}, but got target shape {ShapeUtils.Format(target.ShapeArray)}");

        var classes = logProbs.ShapeArray[cd];
        var order = Enumerable.Range(0, logProbs.Dim).Where(i => i != cd).Append(cd).ToArray();
        var rows = StridedCopy.ToContiguous(ViewOps.Permute(logProbs.Detach(), order)).ToArray<double>();
        var targets = target.ToArray<long>();
        var losses = new double[targets.Length];
        var count = 0;
        for (var m = 0; m < targets.Length; m++)
        {
            var t = targets[m];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= classes)
                throw new IndexOutOfRangeException($"{op}: target {t} is out of bounds for {classes} classes (position {m})");
            losses[m] = -rows[m * classes + t];
            count++;
        }

        Tensor y = reduction switch
        {
            Reduction.None => Casting.To(Torch.Tensor(losses, target.Shape), logProbs.DType),
            Reduction.Sum => Torch.Scalar(losses.Sum(), logProbs.DType),
            _ => Torch.Scalar(losses.Sum() / count, logProbs.DType),
        };
        var movedShape = order.Select(i => logProbs.ShapeArray[i]).ToArray();
        var inverse = new int[order.Length];
        for (var i = 0; i < order.Length; i++) inverse[order[i]] = i;
        AutogradRecorder.Record("NllLossBackward", y, [logProbs], g =>
        {
            var gv = g.ToArray<double>();
            var grad = new double[rows.Length];
            for (var m = 0; m < targets.Length; m++)
            {
                var t = targets[m];
                if (t == ignoreIndex) continue;
                grad[m * classes + t] = reduction switch
                {
                    Reduction.None => -gv[m],
                    Reduction.Sum => -gv[0],
                    _ => -gv[0] / count,
                };
            }
            var moved = Casting.To(Torch.Tensor(grad, movedShape), g.DType);
            return [StridedCopy.Copy(ViewOps.Permute(moved, inverse))];
        });
        return y;
    }

    /// <summary>log_softmax over the class dim followed by nll_loss.</summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, int ignoreIndex, Reduction reduction, int classDim)
    {
        if (input.Dim == 0) throw new ArgumentException("cross_entropy: input must have a class dimension, got a 0-d tensor");
        var cd = ShapeUtils.NormalizeDim(input.Dim == 1 ? 0 : classDim, input.Dim, "cross_entropy");
        return NllLoss(SoftmaxOps.LogSoftmax(input, cd), target, ignoreIndex, reduction, cd, "cross_entropy");
    }

    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction)
    {
        if (!ShapeUtils.SameShape(input.ShapeArray, target.ShapeArray))
            throw new ArgumentException(
                $"mse_loss: input shape {ShapeUtils.Format(input.ShapeArray)} and target shape {ShapeUtils.Format(target.ShapeArray)} must match");
        var diff = BinaryOps.Sub(input, target);
        var squared = BinaryOps.Mul(diff, diff);
        return reduction switch
        {
            Reduction.None => squared,
            Reduction.Sum => ReductionOps.Sum(squared, null, false),
            _ => ReductionOps.Mean(squared, null, false),
        };
    }
}
