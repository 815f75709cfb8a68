namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Sizes and initialisation constants of one Mamba mixer, with the defaults of the official state-spaces/mamba
/// <c>Mamba</c> module (d_state 16, d_conv 4, expand 2, dt_rank ⌈d_model/16⌉, Δ drawn log-uniformly in
/// [0.001, 0.1] and floored at 1e-4, conv bias on, linear biases off).
/// </summary>
public sealed record MambaConfig
{
    public MambaConfig(int dModel) => DModel = dModel;

    public int DModel { get; }
    public int DState { get; init; } = 16;
    public int DConv { get; init; } = 4;
    public int Expand { get; init; } = 2;

    /// <summary>Rank of the Δ projection; null means ⌈d_model / 16⌉ ("auto" in the official code).</summary>
    public int? DtRankOverride { get; init; }

    public double DtMin { get; init; } = 0.001;
    public double DtMax { get; init; } = 0.1;
    public double DtInitFloor { get; init; } = 1e-4;
    public double DtScale { get; init; } = 1.0;
    public bool ConvBias { get; init; } = true;

    /// <summary>Bias on in_proj and out_proj (off in the official defaults).</summary>
    public bool Bias { get; init; }

    /// <summary>eps of the blocks' RMSNorm (the official blocks use 1e-5).</summary>
    public double NormEps { get; init; } = 1e-5;

    public int DInner => Expand * DModel;
    public int DtRank => DtRankOverride ?? (DModel + 15) / 16;

    internal void Validate()
    {
        if (DModel < 1) throw new ArgumentException($"MambaConfig: d_model must be at least 1, got {DModel}");
        if (DState < 1 || DConv < 1 || Expand < 1 || DtRank < 1)
            throw new ArgumentException($"MambaConfig: d_state ({DState}), d_conv ({DConv}), expand ({Expand}) and dt_rank ({DtRank}) must be at least 1");
        if (!(DtMin > 0 && DtMax >= DtMin))
            throw new ArgumentException($"MambaConfig: need 0 < dt_min <= dt_max, got dt_min {DtMin}, dt_max {DtMax}");
    }
}
