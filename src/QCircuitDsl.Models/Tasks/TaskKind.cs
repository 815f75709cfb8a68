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
    /// <summary>IMDB movie-review sentiment (Maas et al. 2011): word embeddings as steps, the class from the last readout.</summary>
    Imdb,
    /// <summary>Penn Treebank word-level language modelling (Mikolov layout), truncated backpropagation through time.</summary>
    Ptb,
    /// <summary>Multi30K German → English translation (Elliott et al. 2016), sequence to sequence with attention.</summary>
    Multi30k,
}
