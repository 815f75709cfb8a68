using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class DeterministicShuffleTests
{
    [Fact]
    public void Same_seed_and_epoch_give_same_order_epochs_differ()
    {
        Assert.Equal(DeterministicShuffle.Permutation(100, 42, epoch: 3), DeterministicShuffle.Permutation(100, 42, epoch: 3));
        Assert.NotEqual(DeterministicShuffle.Permutation(100, 42, epoch: 0), DeterministicShuffle.Permutation(100, 42, epoch: 1));
        Assert.NotEqual(DeterministicShuffle.Permutation(100, 42), DeterministicShuffle.Permutation(100, 43));
    }

    [Fact]
    public void Permutation_is_bijective_for_any_size_seed_epoch()
    {
        Prop.ForAll(Gen.Choose(0, 500).ToArbitrary(), ArbMap.Default.ArbFor<ulong>(), Gen.Choose(0, 1000).ToArbitrary(),
                (n, seed, epoch) => PixelPermutation.IsPermutation(DeterministicShuffle.Permutation(n, seed, epoch), n))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Epoch_order_uses_derived_seed_as_documented()
    {
        var expected = Enumerable.Range(0, 20).ToArray();
        new SplitMix64(SplitMix64.DeriveSeed(9, 2)).Shuffle(expected.AsSpan());
        Assert.Equal(expected, DeterministicShuffle.Permutation(20, 9, epoch: 2));
    }

    [Fact]
    public void BatchIndices_cover_all_items_once_and_respect_drop_last()
    {
        var batches = DeterministicShuffle.BatchIndices(10, 4, seed: 1).ToList();
        Assert.Equal(new[] { 4, 4, 2 }, batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b).Order());

        Assert.Equal(2, DeterministicShuffle.BatchIndices(10, 4, seed: 1, dropLast: true).Count());
        Assert.Equal(new[] { 0, 1, 2, 3 }, DeterministicShuffle.BatchIndices(10, 4, seed: null).First());
    }

    [Fact]
    public void Shuffle_reorders_items_by_permutation()
    {
        string[] items = ["a", "b", "c", "d", "e"];
        int[] order = DeterministicShuffle.Permutation(5, 77);
        Assert.Equal(order.Select(i => items[i]), DeterministicShuffle.Shuffle(items, 77));
    }
}

public class SequenceBatcherTests
{
    [Fact]
    public void Pads_right_with_lengths_and_mask()
    {
        var batch = SequenceBatcher.Pad([[5, 6, 7], [8], []], padId: 0);

        Assert.Equal(3, batch.MaxLength);
        Assert.Equal(new[] { 5, 6, 7, 8, 0, 0, 0, 0, 0 }, batch.Ids);
        Assert.Equal(new[] { 3, 1, 0 }, batch.Lengths);
        Assert.Equal(new[] { 1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f, 0f }, batch.Mask);
        Assert.Equal(4, batch.TokenCount);
    }

    [Fact]
    public void Uses_given_pad_id_and_truncates_to_max_length()
    {
        var batch = SequenceBatcher.Pad([[1, 2, 3, 4], [5, 6]], padId: -1, maxLength: 3);

        Assert.Equal(new[] { 1, 2, 3, 5, 6, -1 }, batch.Ids);
        Assert.Equal(new[] { 3, 2 }, batch.Lengths);
        Assert.Equal(new[] { 1f, 1f, 1f, 1f, 1f, 0f }, batch.Mask);
    }

    [Fact]
    public void Mask_marks_exactly_the_first_length_positions_of_each_row()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int[][]>(), seqs =>
            {
                seqs = seqs.Where(s => s is not null).ToArray();
                var b = SequenceBatcher.Pad(seqs, padId: 0);
                for (int r = 0; r < seqs.Length; r++)
                    for (int t = 0; t < b.MaxLength; t++)
                    {
                        bool real = t < seqs[r].Length;
                        if (b.Mask[r * b.MaxLength + t] != (real ? 1f : 0f))
                            return false;
                        if (real && b.Ids[r * b.MaxLength + t] != seqs[r][t])
                            return false;
                    }
                return b.Lengths.SequenceEqual(seqs.Select(s => s.Length));
            })
            .QuickCheckThrowOnFailure();
    }
}

public class LanguageModelBatcherTests
{
    [Fact]
    public void Batchify_makes_contiguous_columns_and_drops_remainder()
    {
        // 0..10 into B = 3 → 3 rows of columns [0,1,2], [3,4,5], [6,7,8]; 9 and 10 are dropped.
        var stream = LanguageModelBatcher.Batchify(Enumerable.Range(0, 11).ToArray(), 3);

        Assert.Equal(3, stream.Steps);
        Assert.Equal(new[] { 0, 3, 6, 1, 4, 7, 2, 5, 8 }, stream.Data);
        Assert.Equal(5, stream[2, 1]);
    }

    [Fact]
    public void Chunks_shift_targets_by_one_and_shorten_the_last()
    {
        var stream = LanguageModelBatcher.Batchify(Enumerable.Range(0, 14).ToArray(), 2); // columns 0..6 and 7..13
        var chunks = LanguageModelBatcher.Chunks(stream, bptt: 4).ToList();

        Assert.Equal(new[] { (0, 4), (4, 2) }, chunks.Select(c => (c.Start, c.Length)));
        Assert.Equal(new[] { 0, 7, 1, 8, 2, 9, 3, 10 }, chunks[0].Input);
        Assert.Equal(new[] { 1, 8, 2, 9, 3, 10, 4, 11 }, chunks[0].Target);
        Assert.Equal(new[] { 4, 11, 5, 12 }, chunks[1].Input);
        Assert.Equal(new[] { 5, 12, 6, 13 }, chunks[1].Target);
    }

    [Fact]
    public void Every_token_but_the_first_of_each_column_is_a_target_exactly_once()
    {
        Prop.ForAll(Gen.Choose(1, 300).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (n, batch, bptt) =>
            {
                var stream = LanguageModelBatcher.Batchify(Enumerable.Range(0, n).ToArray(), batch);
                var targets = LanguageModelBatcher.Chunks(stream, bptt).SelectMany(c => c.Target).Order().ToArray();
                var expected = Enumerable.Range(0, stream.Steps * batch).Where(i => i % Math.Max(stream.Steps, 1) != 0).ToArray();
                return stream.Steps < 2 ? targets.Length == 0 : targets.SequenceEqual(expected);
            })
            .QuickCheckThrowOnFailure();
    }
}
