using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.LanguageModel;

/// <summary>
/// A language model trained chunk by chunk with truncated backpropagation through time: it maps tokens [B, T] to
/// logits [B, T, V] and returns an opaque, detached state to start the next chunk from (null: a fresh start).
/// The QRNN and the classical baselines implement it, so one training loop serves both.
/// </summary>
public interface IChunkedLanguageModel
{
    int Vocabulary { get; }

    (Tensor Logits, object State) Forward(Tensor tokens, object? state);
}
