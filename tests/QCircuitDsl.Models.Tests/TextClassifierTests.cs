using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Tests;

public sealed class TextClassifierTests
{
    private static TextClassifier Qrnn(long seed = 3) =>
        new(vocabulary: 9, embedding: 4, new QrnnEncoder(new Sim14(n: 2), 4, 6, ControllerActivation.LeakyRelu, generator: new Generator(seed)), classes: 2, generator: new Generator(seed));

    private static TextClassifier Lstm(long seed = 3, double dropout = 0) =>
        new(vocabulary: 9, embedding: 4, new RecurrentEncoder(RecurrentKind.Lstm, 4, 5, generator: new Generator(seed)), classes: 2, dropout, new Generator(seed));

    [Fact]
    public void The_last_token_selector_is_one_hot_at_each_rows_last_real_token()
    {
        var lengths = new[] { 1, 4, 2, 5, 3 };
        var mask = new float[5 * 5];
        for (int b = 0; b < 5; b++)
        {
            for (int t = 0; t < lengths[b]; t++)
            {
                mask[b * 5 + t] = 1;
            }
        }

        var selector = TextClassifier.LastTokenSelector(Torch.Tensor(mask, 5, 5)).ToArray<float>();
        for (int b = 0; b < 5; b++)
        {
            for (int t = 0; t < 5; t++)
            {
                Assert.Equal(t == lengths[b] - 1 ? 1f : 0f, selector[b * 5 + t]);
            }
        }
    }

    [Fact]
    public void Logits_have_one_row_per_review_and_padding_after_a_review_changes_nothing()
    {
        foreach (var model in new[] { Qrnn(), Lstm() })
        {
            model.Eval();
            var alone = model.Forward(Torch.Tensor(new long[] { 5, 6, 7 }, 1, 3), Torch.Ones(1, 3));
            Assert.Equal(new[] { 1, 2 }, alone.Shape.ToArray());
            // The same review padded to 6 beside a longer one: its logits must come from its own last token.
            var tokens = Torch.Tensor(new long[] { 5, 6, 7, 0, 0, 0, 1, 2, 3, 4, 5, 6 }, 2, 6);
            var mask = Torch.Tensor(new float[] { 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1 }, 2, 6);
            var padded = model.Forward(tokens, mask);
            Assert.Equal(new[] { 2, 2 }, padded.Shape.ToArray());
            var a = alone.ToArray<float>();
            var p = padded.ToArray<float>();
            Assert.Equal(a[0], p[0], 5);
            Assert.Equal(a[1], p[1], 5);
        }
    }

    [Fact]
    public void Reviews_of_one_token_are_classified_from_that_token()
    {
        var model = Lstm();
        model.Eval();
        var both = model.Forward(Torch.Tensor(new long[] { 5, 1 }, 2, 1), Torch.Ones(2, 1)).ToArray<float>();
        var first = model.Forward(Torch.Tensor(new long[] { 5, 0 }, 1, 2), Torch.Tensor(new float[] { 1, 0 }, 1, 2)).ToArray<float>();
        Assert.Equal(first[0], both[0], 5);
        Assert.Equal(first[1], both[1], 5);
    }

    [Fact]
    public void Baseline_gradients_match_finite_differences_through_the_embedding_and_the_gather()
    {
        var model = Lstm(seed: 8);
        model.Double();
        var tokens = Torch.Tensor(new long[] { 1, 2, 3, 0, 4, 5, 6, 7 }, 2, 4);
        var mask = Torch.Tensor(new double[] { 1, 1, 1, 0, 1, 1, 1, 1 }, 2, 4);
        var report = GradCheck.Check(_ => model.Forward(tokens, mask), model.Parameters().Cast<Tensor>().ToArray(), atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_width_mismatch_between_embedding_and_encoder_is_refused()
    {
        var encoder = new RecurrentEncoder(RecurrentKind.Gru, 5, 3);
        var e = Assert.Throws<ArgumentException>(() => new TextClassifier(9, 4, encoder, 2));
        Assert.Contains("reads 5 features per step but the embedding is 4 wide", e.Message);
    }
}
