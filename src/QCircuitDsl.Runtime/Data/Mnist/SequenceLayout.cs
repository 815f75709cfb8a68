namespace QCircuitDsl.Runtime.Data;

/// <summary>How an image is fed to a recurrent model as a sequence.</summary>
public enum SequenceLayout
{
    /// <summary>One image row per step: T = rows (28), features = columns (28). The "row MNIST" setup.</summary>
    RowByRow,

    /// <summary>One pixel per step: T = rows·columns (784), features = 1. The sequential/permuted MNIST setup.</summary>
    PixelByPixel,
}
