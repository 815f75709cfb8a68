using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class CopyingMemoryTaskTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void Layout_matches_arjovsky_et_al(int delay)
    {
        var task = new CopyingMemoryTask(delay);
        var batch = task.Generate(count: 16, seed: 123);
        int length = delay + 20;

        Assert.Equal(length, task.SequenceLength);
        Assert.Equal(16 * length, batch.Inputs.Length);
        Assert.Equal(16 * length, batch.Targets.Length);
        for (int b = 0; b < 16; b++)
        {
            var x = batch.InputRow(b);
            var y = batch.TargetRow(b);
            Assert.All(x[..10].ToArray(), s => Assert.InRange(s, 1, 8));
            Assert.All(x.Slice(10, delay - 1).ToArray(), v => Assert.Equal(0, v));
            Assert.Equal(9, x[delay + 9]);
            Assert.All(x[^10..].ToArray(), v => Assert.Equal(0, v));
            Assert.All(y[..(delay + 10)].ToArray(), v => Assert.Equal(0, v));
            Assert.Equal(x[..10].ToArray(), y[^10..].ToArray());
        }
    }

    [Fact]
    public void Baseline_is_ten_ln8_over_length()
    {
        Assert.Equal(10 * Math.Log(8) / 120, new CopyingMemoryTask(100).BaselineCrossEntropy, 15);
        Assert.Equal(0.02038668178117486, CopyingMemoryTask.BaselineCrossEntropyFor(1000), 15); // T = 1000, as in the paper's longest run
    }

    [Fact]
    public void Baseline_equals_loss_of_memoryless_predictor()
    {
        // Predict blank with certainty for T+10 steps, uniform over 1..8 for the last 10: average −ln p.
        var task = new CopyingMemoryTask(50);
        var batch = task.Generate(1, seed: 3);
        double total = 0;
        foreach (int target in batch.TargetRow(0))
            total += target == 0 ? 0 : Math.Log(8);
        Assert.Equal(total / task.SequenceLength, task.BaselineCrossEntropy, 12);
    }

    [Fact]
    public void Same_seed_same_data_and_stream_continues()
    {
        var task = new CopyingMemoryTask(20);
        Assert.Equal(task.Generate(8, 5).Inputs, task.Generate(8, 5).Inputs);
        Assert.NotEqual(task.Generate(8, 5).Inputs, task.Generate(8, 6).Inputs);

        var rng = new SplitMix64(5);
        var first = task.Generate(8, rng);
        var second = task.Generate(8, rng);
        Assert.Equal(task.Generate(8, 5).Inputs, first.Inputs);
        Assert.NotEqual(first.Inputs, second.Inputs);
    }

    [Fact]
    public void Symbols_follow_documented_draw_order()
    {
        // First ten draws of 1 + NextInt(8) from seed 7 (see SplitMix64Tests).
        var batch = new CopyingMemoryTask(5).Generate(1, seed: 7);
        Assert.Equal(new[] { 4, 1, 8, 5, 4, 2, 4, 3, 2, 4 }, batch.InputRow(0)[..10].ToArray());
    }

    [Fact]
    public void All_eight_symbols_occur()
    {
        var batch = new CopyingMemoryTask(5).Generate(100, seed: 1);
        var symbols = batch.Inputs.Where(v => v is >= 1 and <= 8).Distinct().Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 8), symbols);
    }

    [Fact]
    public void One_hot_encoding_marks_the_input_id()
    {
        var batch = new CopyingMemoryTask(3).Generate(2, seed: 9);
        float[] oneHot = batch.InputsOneHot();
        Assert.Equal(batch.Inputs.Length * 10, oneHot.Length);
        for (int i = 0; i < batch.Inputs.Length; i++)
        {
            Assert.Equal(1f, oneHot[i * 10 + batch.Inputs[i]]);
            Assert.Equal(1f, oneHot.AsSpan(i * 10, 10).ToArray().Sum());
        }
    }

    [Fact]
    public void Rejects_zero_delay()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CopyingMemoryTask(0));
    }
}
