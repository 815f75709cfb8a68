using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Models.Qrnn;

/// <summary>
/// The classical controller of the QRNN: v = φ(W1·u + b1), θ = W2·v + b2, mapping
/// u_t = (z_{t−1} : x_t) to the circuit's angles θ_t. Parameters: <c>fc1.weight</c>, <c>fc1.bias</c>,
/// <c>fc2.weight</c>, <c>fc2.bias</c> (PyTorch layouts: [out, in]).
/// </summary>
public sealed class QrnnController : Module<Tensor, Tensor>
{
    public QrnnController(int inputs, int hidden, int angles, ControllerActivation activation, DType dtype = DType.Float32, Generator? generator = null)
    {
        if (inputs < 1 || hidden < 1 || angles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hidden), $"controller sizes must be positive: inputs {inputs}, hidden {hidden}, angles {angles}.");
        }

        Activation = activation;
        int firstWidth = activation == ControllerActivation.Glu ? 2 * hidden : hidden;
        Fc1 = RegisterModule("fc1", new Linear(inputs, firstWidth, dtype: dtype, generator: generator));
        Fc2 = RegisterModule("fc2", new Linear(hidden, angles, dtype: dtype, generator: generator));
    }

    public ControllerActivation Activation { get; }
    public Linear Fc1 { get; }
    public Linear Fc2 { get; }

    public override Tensor Forward(Tensor u)
    {
        var a = Fc1.Forward(u);
        var v = Activation switch
        {
            ControllerActivation.None => a,
            ControllerActivation.Relu => Functional.Relu(a),
            ControllerActivation.LeakyRelu => Functional.LeakyRelu(a),
            ControllerActivation.Gelu => Functional.Gelu(a),
            _ => Glu(a),
        };
        return Fc2.Forward(v);
    }

    private static Tensor Glu(Tensor a)
    {
        var halves = a.Chunk(2, dim: -1);
        return halves[0] * Functional.Sigmoid(halves[1]);
    }

    public override string ExtraRepr() => $"activation={Activation}";
}
