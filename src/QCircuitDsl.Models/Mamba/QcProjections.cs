using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Mamba;

/// <summary>
/// Builds one quantum projection of a mixer: <paramref name="site"/> says which of in_proj, x_proj, out_proj it
/// replaces (one flag), the widths are the Linear's it replaces. The result must map exactly
/// <paramref name="inFeatures"/> → <paramref name="outFeatures"/>; <see cref="MambaMixer"/> checks that.
/// A generated projection layer satisfies it through a lambda over its constructor, e.g.
/// <c>(site, i, o, opt, dt, g) =&gt; new MyLayer(i, o, AmplitudeEncoder.QubitsFor(i, opt.BiasAmplitude is not null), opt.Layers, opt, dt, g)</c>.
/// </summary>
public delegate QuantumProjection QuantumProjectionFactory(MambaProjections site, int inFeatures, int outFeatures,
    QuantumProjectionOptions options, DType dtype, Generator? generator);

/// <summary>
/// The quantum projections HQC-Mamba is built from by default: the <c>.qc</c> layers of
/// <c>Mamba/projection.qc</c>, compiled by the source generator. <see cref="QuantumReadout.Probabilities"/> builds
/// <c>hqc_projection_probs</c>, <see cref="QuantumReadout.PauliZ"/> builds <c>hqc_projection</c>, each with as many
/// qubits as the encoding needs and <see cref="QuantumProjectionOptions.Layers"/> entangling layers. Editing those
/// declarations (another circuit, another readout) changes the model without touching C#.
/// </summary>
public static class QcProjections
{
    /// <summary>The .qc layers (the model's default).</summary>
    public static QuantumProjectionFactory Default { get; } = Create;

    /// <summary>
    /// The projection assembled in C# (<see cref="QuantumProjection(int, int, QuantumProjectionOptions, DType, Generator)"/>),
    /// the model's path before the layers were generated; kept as the reference the generated layers are tested against.
    /// </summary>
    public static QuantumProjectionFactory BuiltIn { get; } =
        (_, inFeatures, outFeatures, options, dtype, generator) => new QuantumProjection(inFeatures, outFeatures, options, dtype, generator);

    public static QuantumProjection Create(MambaProjections site, int inFeatures, int outFeatures, QuantumProjectionOptions options,
        DType dtype = DType.Float32, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var qubits = AmplitudeEncoder.QubitsFor(inFeatures, options.BiasAmplitude is not null);
        return options.Readout switch
        {
            QuantumReadout.Probabilities => new HqcProjectionProbs(inFeatures, outFeatures, qubits, options.Layers, options, dtype, generator),
            QuantumReadout.PauliZ => new HqcProjection(inFeatures, outFeatures, qubits, options.Layers, options, dtype, generator),
            _ => throw new ArgumentException($"QcProjections: readout {options.Readout} has no .qc layer", nameof(options)),
        };
    }
}
