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
        var targets = target.ToArray<long>();
        for (var m = 0; m < targets.Length; m++)
        {
            var t = targets[m];
            if (t != ignoreIndex && (t < 0 || t >= classes))
                throw new IndexOutOfRangeException($"{op}: target {t} is out of bounds for {classes} classes (position {m})");
        }

        // Only the picked log-probabilities are read, straight from the (possibly strided) input: no copy of the
        // [rows, classes] matrix, which matters for large vocabularies.
        var picked = PickedOffsets(logProbs.ShapeArray, logProbs.StrideArray, logProbs.Offset, cd, targets, ignoreIndex);
        var losses = new double[targets.Length];
        var count = 0;
        for (var m = 0; m < targets.Length; m++)
        {
            if (picked[m] < 0) continue;
            losses[m] = -ReadAsDouble(logProbs, picked[m]);
            count++;
        }

        Tensor y = reduction switch
        {
            Reduction.None => Casting.To(Torch.Tensor(losses, target.Shape), logProbs.DType),
            Reduction.Sum => Torch.Scalar(losses.Sum(), logProbs.DType),
            _ => Torch.Scalar(losses.Sum() / count, logProbs.DType),
        };
        var inputShape = logProbs.ShapeArray;
        AutogradRecorder.Record("NllLossBackward", y, [logProbs], g =>
        {
            var gv = g.ToArray<double>();
            var grad = Tensor.Empty(g.DType, (int[])inputShape.Clone());
            var offsets = PickedOffsets(inputShape, grad.StrideArray, 0, cd, targets, ignoreIndex);
            for (var m = 0; m < targets.Length; m++)
            {
                if (offsets[m] < 0) continue;
                var value = reduction switch
                {
                    Reduction.None => -gv[m],
                    Reduction.Sum => -gv[0],
                    _ => -gv[0] / count,
                };
                if (g.DType == DType.Float32) grad.Data<float>()[offsets[m]] = (float)value;
                else grad.Data<double>()[offsets[m]] = value;
            }
            return [grad];
        });
        return y;
    }

    /// <summary>Storage offset of input[..., target, ...] for every target position (row-major over the target's
    /// shape), or −1 for ignored targets.</summary>
    private static int[] PickedOffsets(int[] shape, int[] strides, int baseOffset, int classDim, long[] targets, int ignoreIndex)
    {
        var outer = Enumerable.Range(0, shape.Length).Where(d => d != classDim).ToArray();
        var coord = new int[outer.Length];
        var offsets = new int[targets.Length];
        for (var m = 0; m < targets.Length; m++)
        {
            if (targets[m] == ignoreIndex) offsets[m] = -1;
            else
            {
                var off = baseOffset + (int)targets[m] * strides[classDim];
                for (var k = 0; k < outer.Length; k++) off += coord[k] * strides[outer[k]];
                offsets[m] = off;
            }
            for (var k = outer.Length - 1; k >= 0; k--)
            {
                if (++coord[k] < shape[outer[k]]) break;
                coord[k] = 0;
            }
        }
        return offsets;
    }

    private static double ReadAsDouble(Tensor t, int offset) =>
        t.DType == DType.Float32 ? t.Data<float>()[offset] : t.Data<double>()[offset];

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
