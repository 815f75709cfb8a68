namespace QCircuitDsl.Tooling.Drawing;

/// <summary>How one qubit of a drawn operation is marked.</summary>
public enum CellMark
{
    /// <summary>A control: ●.</summary>
    Control,
    /// <summary>A labelled box, e.g. RY(theta[0][1]).</summary>
    Box,
    /// <summary>The target of a controlled X: ⊕.</summary>
    Plus,
    /// <summary>One end of a SWAP: ×.</summary>
    Cross,
}

/// <summary>The mark an operation leaves on one wire; <see cref="Label"/> is used by boxes only.</summary>
public sealed record DiagramCell(int Qubit, CellMark Mark, string Label = "");
