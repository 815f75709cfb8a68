using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests.Mamba;

/// <summary>
/// The selective scan written the slow, obvious way with ordinary differentiable tensor ops (one step at a time),
/// so its autograd gradients are an independent reference for the fused kernel's hand-written backward.
/// </summary>
internal static class ScanReference
{
    public static Tensor Scan(Tensor x, Tensor delta, Tensor a, Tensor b, Tensor c, Tensor d)
    {
        int batch = x.Size(0), length = x.Size(1), channels = x.Size(2), state = a.Size(1);
        var h = Torch.Zeros([batch, channels, state], x.DType);
        var ys = new List<Tensor>();
        for (var t = 0; t < length; t++)
        {
            var xt = x.Select(1, t);                      // [B, E]
            var dt = delta.Select(1, t);                  // [B, E]
            var bt = b.Select(1, t).Unsqueeze(1);         // [B, 1, N]
            var ct = c.Select(1, t).Unsqueeze(1);         // [B, 1, N]
            var decay = (dt.Unsqueeze(2) * a.Unsqueeze(0)).Exp();
            h = decay * h + (dt * xt).Unsqueeze(2) * bt;
            ys.Add((h * ct).Sum(2) + d.Unsqueeze(0) * xt);
        }
        return Torch.Stack(ys, dim: 1);
    }

    /// <summary>Random scan inputs with the shapes and value ranges the mixer produces (Δ &gt; 0, A &lt; 0).</summary>
    public static Tensor[] Inputs(int batch, int length, int channels, int state, DType dtype, long seed)
    {
        var g = new Generator(seed);
        var x = Torch.Randn([batch, length, channels], g, dtype);
        var delta = (Torch.Rand([batch, length, channels], g, dtype) * 0.5 + 0.01);
        var a = -(Torch.Rand([channels, state], g, dtype) * 2 + 0.1);
        var b = Torch.Randn([batch, length, state], g, dtype);
        var c = Torch.Randn([batch, length, state], g, dtype);
        var d = Torch.Randn([channels], g, dtype);
        return [x, delta, a, b, c, d];
    }
}
