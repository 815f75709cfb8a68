using System.Numerics;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Optim;

/// <summary>
/// Adam (torch.optim.Adam; lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0 added to the gradient as L2).
/// Update, following PyTorch's single-tensor implementation operation by operation:
/// t += 1; g += wd·p; m = lerp(m, g, 1 − β1); v = β2·v + (1 − β2)·g²;
/// denom = √v / √(1 − β2^t) + eps; p = p − (lr / (1 − β1^t))·m / denom.
/// With amsgrad, v in denom is replaced by the running maximum of v.
/// </summary>
public class Adam : Optimizer
{
    private readonly bool _decoupledWeightDecay;

    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weightDecay, amsgrad, maximize) { }

    public Adam(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : this(groups, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupledWeightDecay: false) { }

    private protected Adam(IEnumerable<ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weightDecay,
        bool amsgrad, bool maximize, bool decoupledWeightDecay)
        : base(groups, new Dictionary<string, double>
        {
            ["lr"] = lr, ["beta1"] = beta1, ["beta2"] = beta2, ["eps"] = eps, ["weight_decay"] = weightDecay,
            ["amsgrad"] = amsgrad ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
        }) =>
        _decoupledWeightDecay = decoupledWeightDecay;

    protected override void ValidateOptions(ParamGroup group)
    {
        base.ValidateOptions(group);
        if (group["eps"] < 0) throw new ArgumentException($"Invalid epsilon value: {group["eps"]}");
        if (group["beta1"] is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {group["beta1"]}");
        if (group["beta2"] is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {group["beta2"]}");
    }

    protected override void Update(Tensor parameter, Tensor grad, ParamGroup group, Dictionary<string, Tensor> state)
    {
        if (!state.ContainsKey("exp_avg"))
        {
            state["exp_avg"] = Torch.Zeros(parameter.Shape, parameter.DType);
            state["exp_avg_sq"] = Torch.Zeros(parameter.Shape, parameter.DType);
            if (group.Flag("amsgrad")) state["max_exp_avg_sq"] = Torch.Zeros(parameter.Shape, parameter.DType);
        }
        var step = IncrementStep(state);
        if (parameter.DType == DType.Float32) Update<float>(parameter, grad, group, state, step);
        else Update<double>(parameter, grad, group, state, step);
    }

    private void Update<T>(Tensor parameter, Tensor grad, ParamGroup group, Dictionary<string, Tensor> state, long step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = parameter.Span<T>();
        var g = grad.Span<T>();
        var m = state["exp_avg"].Span<T>();
        var v = state["exp_avg_sq"].Span<T>();
        var amsgrad = group.Flag("amsgrad");
        var vMax = amsgrad ? state["max_exp_avg_sq"].Span<T>() : default;
        var maximize = group.Flag("maximize");

        double lr = group.Lr, beta1 = group["beta1"], beta2 = group["beta2"], wdValue = group.WeightDecay;
        var wd = T.CreateTruncating(wdValue);
        var decay = T.CreateTruncating(1 - lr * wdValue);
        var lerpWeight = T.CreateTruncating(1 - beta1);
        var b2 = T.CreateTruncating(beta2);
        var oneMinusB2 = T.CreateTruncating(1 - beta2);
        // Scalars are computed in double, as Python floats are in PyTorch, then used in the parameter's precision.
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2Sqrt = T.CreateTruncating(Math.Sqrt(1 - Math.Pow(beta2, step)));
        var negStepSize = T.CreateTruncating(-(lr / biasCorrection1));
        var eps = T.CreateTruncating(group["eps"]);
        var half = T.CreateTruncating(0.5);

        for (var i = 0; i < p.Length; i++)
        {
            var gi = maximize ? -g[i] : g[i];
            if (wdValue != 0)
            {
                if (_decoupledWeightDecay) p[i] *= decay;
                else gi += wd * p[i];
            }
            // torch.lerp: start + w·(end − start) for w < 0.5, else end − (end − start)·(1 − w).
            m[i] = lerpWeight < half ? m[i] + lerpWeight * (gi - m[i]) : gi - (gi - m[i]) * (T.One - lerpWeight);
            v[i] = v[i] * b2 + oneMinusB2 * gi * gi;
            var second = v[i];
            if (amsgrad)
            {
                vMax[i] = T.Max(vMax[i], v[i]);
                second = vMax[i];
            }
            var denom = T.Sqrt(second) / biasCorrection2Sqrt + eps;
            p[i] += negStepSize * m[i] / denom;
        }
    }
}

/// <summary>
/// AdamW (torch.optim.AdamW; weight_decay default 1e-2): Adam with decoupled weight decay — p = p·(1 − lr·wd) before
/// the Adam step, and no L2 term in the gradient.
/// </summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weightDecay, amsgrad, maximize) { }

    public AdamW(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(groups, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupledWeightDecay: true) { }
}
