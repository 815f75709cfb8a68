using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

// Parameter-free activation modules, for use in Sequential.

public sealed class ReLU : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}

public sealed class LeakyReLU(double negativeSlope = 0.01) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, negativeSlope);
    public override string ExtraRepr() => $"negative_slope={negativeSlope}";
}

public sealed class GELU(string approximate = "none") : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Gelu(input, approximate);
    public override string ExtraRepr() => $"approximate='{approximate}'";
}

public sealed class SiLU : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Silu(input);
}

public sealed class Tanh : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}

public sealed class Sigmoid : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}

public sealed class Softplus(double beta = 1, double threshold = 20) : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => Functional.Softplus(input, beta, threshold);
    public override string ExtraRepr() => $"beta={beta}, threshold={threshold}";
}

public sealed class Identity : Module<Tensor, Tensor>
{
    public override Tensor Forward(Tensor input) => input;
}
