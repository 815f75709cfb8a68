namespace QCircuitDsl.Models.Tasks;

/// <summary>The sequence tasks of the QRNN paper that this build can run.</summary>
public enum TaskKind
{
    /// <summary>Copying memory (Arjovsky et al. 2016): recall 10 symbols after a delay T.</summary>
    Copying,
    /// <summary>MNIST digits, one image row per step (T = 28, 28 features).</summary>
    Mnist,
    /// <summary>MNIST with a fixed pixel permutation, then rows as steps.</summary>
    PMnist,
    /// <summary>Fashion-MNIST, rows as steps.</summary>
    FashionMnist,
}
