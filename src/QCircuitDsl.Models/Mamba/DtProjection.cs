using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// dt_proj: dt_rank → d_inner with bias, Δ = softplus(dt_proj(dt)). Initialised as in the official Mamba:
/// weight U(±dt_rank^−½·dt_scale); bias = softplus⁻¹(Δ₀) with Δ₀ log-uniform in [dt_min, dt_max], clamped below
/// at dt_init_floor, so that softplus(bias) starts inside that range. The bias is marked no-reinit: a later
/// <see cref="ResetParameters"/> (or <see cref="MambaInit.ResetAll"/>) redraws the weight only.
/// </summary>
public sealed class DtProjection : Module<Tensor, Tensor>
{
    private readonly MambaConfig _config;

    public DtProjection(MambaConfig config, DType dtype = DType.Float32, Generator? generator = null)
    {
        _config = config;
        Weight = RegisterParameter("weight", new Parameter(Torch.Empty([config.DInner, config.DtRank], dtype)))!;
        Bias = RegisterParameter("bias", new Parameter(Torch.Empty([config.DInner], dtype)))!;
        ResetParameters(generator); // not yet marked: draws the weight and the bias
        ParameterFlags.MarkNoReinit(Bias);
    }

    public Parameter Weight { get; }
    public Parameter Bias { get; }

    public double WeightBound => Math.Pow(_config.DtRank, -0.5) * _config.DtScale;

    /// <summary>Redraws the weight; the bias too only if it is not marked no-reinit (it is, after construction).</summary>
    public void ResetParameters(Generator? generator = null)
    {
        Init.Uniform_(Weight, -WeightBound, WeightBound, generator);
        if (!ParameterFlags.IsNoReinit(Bias)) InitializeBias(generator);
    }

    /// <summary>Draws the inverse-softplus Δ bias; the only path that overwrites a no-reinit bias, so call it on purpose.</summary>
    public void InitializeBias(Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        var logMin = Math.Log(_config.DtMin);
        var logMax = Math.Log(_config.DtMax);
        var values = new double[_config.DInner];
        for (var i = 0; i < values.Length; i++)
        {
            var dt = Math.Max(Math.Exp(g.NextDouble() * (logMax - logMin) + logMin), _config.DtInitFloor);
            values[i] = InverseSoftplus(dt);
        }
        using (Torch.NoGrad()) Bias.Copy_(Torch.Tensor(values).To(Bias.DType));
    }

    /// <summary>softplus⁻¹(y) = y + log(−expm1(−y)), written with expm1 so small Δ keep their precision.</summary>
    public static double InverseSoftplus(double y) => y + Math.Log(-ExpM1(-y));

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;

    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    public override string ExtraRepr() => $"in_features={_config.DtRank}, out_features={_config.DInner}, bias=True";
}
