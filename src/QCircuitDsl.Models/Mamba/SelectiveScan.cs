using System.Numerics;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Mamba's selective scan as one fused differentiable operation (selective_scan_fn without the z gate and Δ bias):
/// h_t = exp(Δ_t·A) ⊙ h_{t−1} + Δ_t·B_t·x_t, y_t = C_t·h_t + D ⊙ x_t.
/// A sequential loop over time, parallel over batch × channel blocks, with its own exact reverse-time backward.
/// Computes in the inputs' dtype (float32 in training, float64 for gradient checks).
/// </summary>
public static class SelectiveScan
{
    /// <summary>Steps between stored states; backward recomputes one chunk at a time (see SelectiveScanKernel).</summary>
    public const int DefaultChunk = 64;

    /// <param name="x">[B, L, E] input.</param>
    /// <param name="delta">[B, L, E] step sizes Δ (already positive: softplus applied by the caller).</param>
    /// <param name="a">[E, N] state matrix (diagonal per channel; Mamba passes −exp(A_log)).</param>
    /// <param name="b">[B, L, N] input-dependent B.</param>
    /// <param name="c">[B, L, N] input-dependent C.</param>
    /// <param name="d">[E] skip connection.</param>
    /// <param name="chunk">Checkpoint interval K of the backward recomputation.</param>
    /// <returns>y [B, L, E].</returns>
    public static Tensor Apply(Tensor x, Tensor delta, Tensor a, Tensor b, Tensor c, Tensor d, int chunk = DefaultChunk)
    {
        var shape = CheckShapes(x, delta, a, b, c, d);
        if (chunk < 1) throw new ArgumentOutOfRangeException(nameof(chunk), chunk, "selective scan: chunk must be at least 1");
        return new SelectiveScanFunction(shape, chunk).ApplySingle(x, delta, a, b, c, d);
    }

    private static ScanShape CheckShapes(Tensor x, Tensor delta, Tensor a, Tensor b, Tensor c, Tensor d)
    {
        if (x.Dim != 3) throw new ArgumentException($"selective scan: x must be [B, L, E], got [{string.Join(", ", x.Shape)}]");
        int batch = x.Size(0), length = x.Size(1), channels = x.Size(2);
        if (a.Dim != 2 || a.Size(0) != channels)
            throw new ArgumentException($"selective scan: A must be [E, N] with E = {channels}, got [{string.Join(", ", a.Shape)}]");
        int state = a.Size(1);
        Expect(delta, "delta", batch, length, channels);
        Expect(b, "B", batch, length, state);
        Expect(c, "C", batch, length, state);
        Expect(d, "D", channels);
        foreach (var t in new[] { delta, a, b, c, d })
            if (t.DType != x.DType)
                throw new ArgumentException($"selective scan: all inputs must share x's dtype {x.DType}, got {t.DType}");
        if (x.DType is not (DType.Float32 or DType.Float64))
            throw new ArgumentException($"selective scan: expected float32 or float64, got {x.DType}");
        return new ScanShape(batch, length, channels, state);
    }

    private static void Expect(Tensor t, string name, params int[] shape)
    {
        if (!t.Shape.SequenceEqual(shape))
            throw new ArgumentException($"selective scan: {name} must be [{string.Join(", ", shape)}], got [{string.Join(", ", t.Shape)}]");
    }
}

/// <summary>The autograd node: keeps the inputs as arrays plus chunk-start states, nothing per step.</summary>
internal sealed class SelectiveScanFunction(ScanShape shape, int chunk) : Function
{
    private const string StateKey = "scan";

    public override string Name => "SelectiveScanBackward";

    public override Tensor[] Forward(FunctionContext ctx, Tensor[] inputs) =>
        inputs[0].DType == DType.Float32 ? Forward<float>(ctx, inputs) : Forward<double>(ctx, inputs);

    private Tensor[] Forward<T>(FunctionContext ctx, Tensor[] inputs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new ScanInputs<T>(inputs[0].ToArray<T>(), inputs[1].ToArray<T>(), inputs[2].ToArray<T>(),
            inputs[3].ToArray<T>(), inputs[4].ToArray<T>(), inputs[5].ToArray<T>());
        var checkpoints = new ScanCheckpoints<T>(shape, chunk);
        var y = SelectiveScanKernel<T>.Forward(shape, values, checkpoints);
        ctx.Items[StateKey] = (values, checkpoints);
        return [TensorArrays.Wrap(y, shape.Batch, shape.Length, shape.Channels)];
    }

    public override Tensor?[] Backward(FunctionContext ctx, Tensor[] gradOutputs) =>
        gradOutputs[0].DType == DType.Float32 ? Backward<float>(ctx, gradOutputs[0]) : Backward<double>(ctx, gradOutputs[0]);

    private Tensor?[] Backward<T>(FunctionContext ctx, Tensor gradY) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (values, checkpoints) = ((ScanInputs<T>, ScanCheckpoints<T>))ctx.Items[StateKey];
        var g = SelectiveScanKernel<T>.Backward(shape, values, checkpoints, gradY.ToArray<T>());
        int bs = shape.Batch, l = shape.Length, e = shape.Channels, n = shape.State;
        var needs = ctx.NeedsInputGrad;
        return
        [
            needs[0] ? TensorArrays.Wrap(g.X, bs, l, e) : null,
            needs[1] ? TensorArrays.Wrap(g.Delta, bs, l, e) : null,
            needs[2] ? TensorArrays.Wrap(g.A, e, n) : null,
            needs[3] ? TensorArrays.Wrap(g.B, bs, l, n) : null,
            needs[4] ? TensorArrays.Wrap(g.C, bs, l, n) : null,
            needs[5] ? TensorArrays.Wrap(g.D, e) : null,
        ];
    }
}
