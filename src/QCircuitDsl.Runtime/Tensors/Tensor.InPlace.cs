using QCircuitDsl.Runtime.Ops;

namespace QCircuitDsl.Runtime.Tensors;

// In-place mutation (PyTorch's trailing-underscore methods). Not recorded by autograd: refused on tensors in a graph
// while grad mode is on, so use them inside 'using (Torch.NoGrad())' on parameters. Each returns this tensor.
public partial class Tensor
{
    public Tensor Zero_() => Fill_(0.0);

    public Tensor Fill_(double value)
    {
        InPlace.CheckAllowed(this, "fill_");
        InPlace.Fill(this, value);
        return this;
    }

    /// <summary>Copies src (broadcast to this shape, converted to this dtype) into this tensor's storage.</summary>
    public Tensor Copy_(Tensor src)
    {
        InPlace.CheckAllowed(this, "copy_");
        var broadcast = ShapeUtils.Broadcast(ShapeArray, src.ShapeArray, "copy_");
        if (!ShapeUtils.SameShape(broadcast, ShapeArray))
            throw new ArgumentException($"copy_: source shape {ShapeUtils.Format(src.ShapeArray)} cannot be broadcast to {ShapeUtils.Format(ShapeArray)}");
        StridedCopy.CopyInto(src, this);
        return this;
    }

    /// <summary>this += alpha·other.</summary>
    public Tensor Add_(Tensor other, double alpha = 1.0)
    {
        InPlace.CheckAllowed(this, "add_");
        InPlace.AddInto(this, other, alpha);
        return this;
    }

    public Tensor Sub_(Tensor other) => Add_(other, -1.0);

    public Tensor Mul_(double factor)
    {
        InPlace.CheckAllowed(this, "mul_");
        InPlace.Scale(this, factor);
        return this;
    }

    public Tensor Mul_(Tensor other)
    {
        InPlace.CheckAllowed(this, "mul_");
        InPlace.MulInto(this, other);
        return this;
    }

    public Tensor Uniform_(double low = 0, double high = 1, Generator? generator = null)
    {
        InPlace.CheckAllowed(this, "uniform_");
        InPlace.Uniform(this, low, high, generator);
        return this;
    }

    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null)
    {
        InPlace.CheckAllowed(this, "normal_");
        InPlace.Normal(this, mean, std, generator);
        return this;
    }
}
