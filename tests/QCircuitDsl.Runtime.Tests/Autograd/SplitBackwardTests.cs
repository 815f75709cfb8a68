using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.Autograd;

/// <summary>Split and chunk record one SplitBackward node for all pieces (so splitting a sequence into T steps costs
/// one backward over it, not T full-size ones); these pin its gradients against naive loops.</summary>
public class SplitBackwardTests
{
    private const int Steps = 5, Rows = 3, Features = 4;

    private static Tensor Sequence(bool requiresGrad = true) =>
        Torch.Randn([Steps, Rows, Features], new Generator(41), DType.Float64, requiresGrad: requiresGrad);

    [Fact]
    public void AllPiecesShareOneNodeWithTheirOwnOutputNumbers()
    {
        var pieces = Sequence().Split(1, 0);
        Assert.Equal(Steps, pieces.Length);
        Assert.All(pieces, p => Assert.Same(pieces[0].GradFn, p.GradFn));
        Assert.Equal("SplitBackward", pieces[0].GradFn!.Name);
        Assert.False(pieces[0].IsLeaf);
    }

    [Fact]
    public void GradientMatchesNaiveLoopWhenSomePiecesAreUnused()
    {
        var x = Sequence();
        var pieces = x.Split(1, 0);
        // loss = Σ over used steps t of w_t · Σ piece_t²; steps 1 and 3 are never used.
        int[] used = [0, 2, 4];
        double[] weight = [0.5, -2.0, 3.0];
        Tensor? loss = null;
        for (var u = 0; u < used.Length; u++)
        {
            var term = (pieces[used[u]] * pieces[used[u]]).Sum() * weight[u];
            loss = loss is null ? term : loss + term;
        }
        loss!.Backward();

        var values = x.Detach().ToArray<double>();
        var expected = new double[values.Length];
        for (var u = 0; u < used.Length; u++)
            for (var i = 0; i < Rows * Features; i++)
            {
                var at = used[u] * Rows * Features + i;
                expected[at] = 2 * weight[u] * values[at];
            }
        TensorAssert.Close(expected, x.Grad!, 1e-12);
    }

    [Fact]
    public void ChunkAlongLastDimGradientMatchesNaiveLoop()
    {
        // The LSTM gate pattern: [B, 4H] chunked into (i, f, g, o) and recombined element-wise.
        var x = Torch.Randn([Rows, 4 * Features], new Generator(42), DType.Float64, requiresGrad: true);
        var gates = x.Chunk(4, -1);
        (gates[0] * gates[1] + gates[3].Exp()).Sum().Backward();

        var v = x.Detach().ToArray<double>();
        var expected = new double[v.Length];
        for (var r = 0; r < Rows; r++)
            for (var k = 0; k < Features; k++)
            {
                int row = r * 4 * Features, i = row + k, f = row + Features + k, o = row + 3 * Features + k;
                expected[i] = v[f];
                expected[f] = v[i];
                expected[o] = Math.Exp(v[o]);
            }
        TensorAssert.Close(expected, x.Grad!, 1e-12);
    }

    [Fact]
    public void SecondDerivativeFlowsThroughSplit()
    {
        // y = Σ_t Σ piece_t³ ⇒ dy/dx = 3x² (built with createGraph), Σ dy/dx backward ⇒ 6x.
        var x = Sequence();
        var pieces = x.Split(2, 0);
        Tensor? y = null;
        foreach (var p in pieces) y = y is null ? (p * p * p).Sum() : y + (p * p * p).Sum();
        var first = Torch.Grad([y!], [x], createGraph: true)[0]!;
        var values = x.Detach().ToArray<double>();
        TensorAssert.Close(values.Select(v => 3 * v * v).ToArray(), first, 1e-12);
        first.Sum().Backward();
        TensorAssert.Close(values.Select(v => 6 * v).ToArray(), x.Grad!, 1e-12);
    }

    [Fact]
    public void SecondBackwardThroughReleasedSplitFailsClearly()
    {
        var piece = Sequence().Split(1, 0)[2];
        var ones = Torch.Ones([1, Rows, Features], DType.Float64);
        piece.Backward(ones);
        var ex = Assert.Throws<InvalidOperationException>(() => piece.Backward(ones));
        Assert.Contains("SplitBackward", ex.Message);
        Assert.Contains("second time", ex.Message);
    }

    [Fact]
    public void NoNodeIsRecordedForInputsWithoutGradOrUnderNoGrad()
    {
        Assert.All(Sequence(requiresGrad: false).Split(2, 0), p => Assert.True(p.IsLeaf));
        using (Torch.NoGrad()) Assert.All(Sequence().Split(2, 0), p => Assert.True(p.IsLeaf));
    }

    [Fact]
    public void NegativeSplitSizesAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sequence().Split([6, -1], 0));
        Assert.Contains("non-negative", ex.Message);
    }
}
