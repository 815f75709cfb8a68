using System.Numerics;
using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Optim;

/// <summary>
/// Stochastic gradient descent with PyTorch's update (torch.optim.SGD, defaults lr 1e-3, no momentum):
/// d = g + wd·p; with momentum: b = d on the first step, else b = μ·b + (1 − dampening)·d, and d = d + μ·b (Nesterov)
/// or d = b; finally p = p − lr·d. With maximize the gradient is negated first.
/// </summary>
public sealed class SGD : Optimizer
{
    public SGD(IEnumerable<Tensor> parameters, double lr = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weightDecay, nesterov, maximize) { }

    public SGD(IEnumerable<ParamGroup> groups, double lr = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false, bool maximize = false)
        : base(groups, new Dictionary<string, double>
        {
            ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weightDecay,
            ["nesterov"] = nesterov ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
        }) { }

    protected override void ValidateOptions(ParamGroup group)
    {
        base.ValidateOptions(group);
        if (group["momentum"] < 0) throw new ArgumentException($"Invalid momentum value: {group["momentum"]}");
        if (group.Flag("nesterov") && (group["momentum"] <= 0 || group["dampening"] != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }

    protected override void Update(Tensor parameter, Tensor grad, ParamGroup group, Dictionary<string, Tensor> state)
    {
        if (parameter.DType == DType.Float32) Update<float>(parameter, grad, group, state);
        else Update<double>(parameter, grad, group, state);
    }

    private static void Update<T>(Tensor parameter, Tensor grad, ParamGroup group, Dictionary<string, Tensor> state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = parameter.Span<T>();
        var g = grad.Span<T>();
        var lr = T.CreateTruncating(group.Lr);
        var wd = T.CreateTruncating(group.WeightDecay);
        var momentum = T.CreateTruncating(group["momentum"]);
        var dampening = T.CreateTruncating(group["dampening"]);
        var nesterov = group.Flag("nesterov");
        var maximize = group.Flag("maximize");

        Span<T> buf = default;
        var firstStep = false;
        if (momentum != T.Zero)
        {
            firstStep = !state.TryGetValue("momentum_buffer", out var b);
            if (firstStep) state["momentum_buffer"] = b = Torch.Zeros(parameter.Shape, parameter.DType);
            buf = b!.Span<T>();
        }
        for (var i = 0; i < p.Length; i++)
        {
            var d = maximize ? -g[i] : g[i];
            if (wd != T.Zero) d += wd * p[i];
            if (momentum != T.Zero)
            {
                buf[i] = firstStep ? d : buf[i] * momentum + (T.One - dampening) * d;
                d = nesterov ? d + momentum * buf[i] : buf[i];
            }
            p[i] -= lr * d;
        }
    }
}
