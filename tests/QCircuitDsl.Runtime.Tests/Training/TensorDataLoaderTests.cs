using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Training;

namespace QCircuitDsl.Runtime.Tests.Training;

public class TensorDataLoaderTests
{
    private static TensorDataLoader Loader(bool shuffle, bool dropLast = false) =>
        new(Torch.Arange(10, DType.Float32).Reshape(10, 1), Torch.Arange(10, DType.Int64), 4, shuffle, seed: 99, dropLast);

    [Fact]
    public void Each_epoch_order_is_a_function_of_seed_and_epoch()
    {
        var loader = Loader(shuffle: true);
        int[] Order(int epoch) => loader.GetBatches(epoch).SelectMany(b => b.Indices).ToArray();
        Assert.Equal(Order(2), Order(2));
        Assert.NotEqual(Order(0), Order(1));
        Assert.Equal(Enumerable.Range(0, 10), Order(3).Order());
        Assert.Equal(Order(1), Loader(shuffle: true).GetBatches(1).SelectMany(b => b.Indices));
    }

    [Fact]
    public void Starting_mid_epoch_yields_the_tail_of_the_same_epoch()
    {
        var loader = Loader(shuffle: true);
        var all = loader.GetBatches(4).ToList();
        var tail = loader.GetBatches(4, start: 1).ToList();
        Assert.Equal(all.Skip(1).Select(b => b.Indices), tail.Select(b => b.Indices));
        Assert.Equal(all[2].Targets.ToArray<long>(), tail[1].Targets.ToArray<long>());
    }

    [Fact]
    public void Batches_hold_the_rows_they_name_and_the_last_one_is_short_unless_dropped()
    {
        var loader = Loader(shuffle: false);
        Assert.Equal(3, loader.BatchCount);
        var batches = loader.GetBatches(0).ToList();
        Assert.Equal([4, 4, 2], batches.Select(b => b.Size));
        Assert.Equal([8f, 9f], batches[2].Inputs.ToArray<float>());
        Assert.Equal(2, Loader(shuffle: false, dropLast: true).BatchCount);
        Assert.Equal(2, Loader(shuffle: false, dropLast: true).GetBatches(0).Count());
    }
}
