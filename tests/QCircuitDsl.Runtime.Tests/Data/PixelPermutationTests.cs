using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Runtime.Data;

namespace QCircuitDsl.Runtime.Tests.Data;

public class PixelPermutationTests
{
    [Fact]
    public void Default_pmnist_permutation_is_pinned()
    {
        // Golden values from an independent Python implementation of the documented algorithm;
        // if this fails, every published pMNIST result of this toolkit silently changed meaning.
        int[] p = PixelPermutation.Create(784);
        Assert.Equal(new[] { 764, 586, 531, 750, 279, 222, 293, 368, 362, 479 }, p[..10]);
        Assert.Equal(new[] { 701, 196, 470, 549, 225 }, p[^5..]);
        Assert.Equal(new[] { 8, 3, 6, 5, 4, 0, 9, 2, 1, 7 }, PixelPermutation.Create(10, seed: 42));
    }

    [Fact]
    public void Same_seed_same_permutation_other_seed_other_permutation()
    {
        Assert.Equal(PixelPermutation.Create(784, 1), PixelPermutation.Create(784, 1));
        Assert.NotEqual(PixelPermutation.Create(784, 1), PixelPermutation.Create(784, 2));
    }

    [Fact]
    public void Is_a_bijection_for_any_length_and_seed()
    {
        Prop.ForAll(Gen.Choose(0, 2000).ToArbitrary(), ArbMap.Default.ArbFor<ulong>(), (length, seed) =>
                PixelPermutation.IsPermutation(PixelPermutation.Create(length, seed), length))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void IsPermutation_rejects_duplicates_and_out_of_range()
    {
        Assert.False(PixelPermutation.IsPermutation([0, 0, 2], 3));
        Assert.False(PixelPermutation.IsPermutation([0, 1, 3], 3));
        Assert.False(PixelPermutation.IsPermutation([0, 1], 3));
        Assert.True(PixelPermutation.IsPermutation([2, 0, 1], 3));
    }

    [Fact]
    public void Permuted_dataset_reads_pixel_p_t_at_step_t_and_inverse_restores_it()
    {
        var pixels = Enumerable.Range(0, 2 * 784).Select(i => i / 2000f).ToArray();
        var ds = new ImageDataset(pixels, [3, 4], 28, 28);
        int[] p = PixelPermutation.Create(784, 11);

        var permuted = ds.Permute(p);
        var restored = permuted.Permute(PixelPermutation.Invert(p));

        for (int t = 0; t < 784; t++)
            Assert.Equal(ds.GetImage(1)[p[t]], permuted.GetImage(1)[t]);
        Assert.Equal(ds.Pixels.ToArray(), restored.Pixels.ToArray());
        Assert.Equal(new[] { 3, 4 }, permuted.Labels.ToArray());
        Assert.Throws<ArgumentException>(() => ds.Permute([0, 1, 2]));
    }
}
