using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;
using QCircuitDsl.Runtime.Tests.Tensors;

namespace QCircuitDsl.Runtime.Tests.NN;

public class LayerTests
{
    private static void Set(Tensor parameter, params double[] values)
    {
        using (Torch.NoGrad()) parameter.Copy_(Torch.Tensor(values, parameter.Shape).To(parameter.DType));
    }

    [Fact]
    public void LinearComputesXWTransposePlusBias()
    {
        var lin = new Linear(2, 3);
        Set(lin.Weight, 1, 2, 3, 4, 5, 6);
        Set(lin.Bias!, 0.5, -0.5, 0);
        TensorAssert.Close([1 + 4 + 0.5, 3 + 8 - 0.5, 5 + 12], lin.Forward(Torch.Tensor(new float[] { 1, 2 }, 1, 2)), 1e-6);
        Assert.Equal([4, 5, 3], lin.Forward(Torch.Zeros(4, 5, 2)).Shape);
    }

    [Fact]
    public void LinearDefaultInitStaysWithinPyTorchBoundsAndIsSeedable()
    {
        var lin = new Linear(16, 32, generator: new Generator(3));
        var bound = 1 / Math.Sqrt(16);
        Assert.All(lin.Weight.ToArray<double>(), v => Assert.InRange(Math.Abs(v), 0, bound));
        Assert.All(lin.Bias!.ToArray<double>(), v => Assert.InRange(Math.Abs(v), 0, bound));
        // A uniform on ±bound has standard deviation bound/√3.
        var w = lin.Weight.ToArray<double>();
        var std = Math.Sqrt(w.Select(v => v * v).Average());
        Assert.InRange(std, 0.85 * bound / Math.Sqrt(3), 1.15 * bound / Math.Sqrt(3));
        TensorAssert.BitIdentical(lin.Weight, new Linear(16, 32, generator: new Generator(3)).Weight);
    }

    [Fact]
    public void InitializersFollowTheirFormulas()
    {
        var g = new Generator(4);
        var t = Torch.Empty([200, 100]);
        Init.XavierUniform_(t, generator: g);
        var a = Math.Sqrt(6.0 / 300);
        Assert.All(t.ToArray<double>(), v => Assert.InRange(Math.Abs(v), 0, a));
        Init.KaimingNormal_(t, mode: "fan_out", nonlinearity: "relu", generator: g);
        var std = Math.Sqrt(t.ToArray<double>().Select(v => v * v).Average());
        Assert.InRange(std, 0.97 * Math.Sqrt(2.0 / 200), 1.03 * Math.Sqrt(2.0 / 200));
        Init.XavierNormal_(t, gain: 2, generator: g);
        std = Math.Sqrt(t.ToArray<double>().Select(v => v * v).Average());
        Assert.InRange(std, 0.97 * 2 * Math.Sqrt(2.0 / 300), 1.03 * 2 * Math.Sqrt(2.0 / 300));
        Init.KaimingUniform_(t, generator: g);
        Assert.All(t.ToArray<double>(), v => Assert.InRange(Math.Abs(v), 0, Math.Sqrt(2.0) * Math.Sqrt(3.0 / 100)));
        Assert.Equal(5.0 / 3, Init.CalculateGain("tanh"));
        Assert.Throws<ArgumentException>(() => Init.CalculateFanInAndFanOut(Torch.Zeros(3)));
        Assert.Throws<ArgumentException>(() => Init.KaimingUniform_(t, mode: "fan_avg"));
    }

    [Fact]
    public void NormLayersStartAsIdentityAffine()
    {
        var ln = new LayerNorm(4);
        Assert.Equal(["weight", "bias"], ln.NamedParameters().Select(p => p.Name));
        Assert.All(ln.Weight!.ToArray<float>(), v => Assert.Equal(1f, v));
        Assert.Empty(new LayerNorm(4, elementwiseAffine: false).Parameters());
        var rms = new RMSNorm(4);
        Assert.Equal(["weight"], rms.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void EmbeddingZeroesThePaddingRow()
    {
        var emb = new Embedding(5, 3, paddingIdx: -1, generator: new Generator(1));
        Assert.Equal(4, emb.PaddingIdx);
        Assert.All(emb.Weight.Select(0, 4).ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.Equal([2, 3], emb.Forward(Torch.Tensor(new long[] { 0, 4 })).Shape);
    }

    [Fact]
    public void LstmCellMatchesHandComputedGates()
    {
        // input 1, hidden 1: W_ih = [wi, wf, wg, wo], W_hh = [ui, uf, ug, uo], biases b_ih, b_hh.
        var cell = new LSTMCell(1, 1, dtype: DType.Float64);
        Set(cell.WeightIh, 0.5, -0.3, 0.8, 0.1);
        Set(cell.WeightHh, 0.2, 0.4, -0.6, 0.7);
        Set(cell.BiasIh!, 0.1, 0.2, 0.3, 0.4);
        Set(cell.BiasHh!, -0.1, 0.05, 0.0, 0.2);
        double x = 1.5, h = -0.4, c = 0.9;
        static double Sig(double v) => 1 / (1 + Math.Exp(-v));
        var i = Sig(0.5 * x + 0.1 + 0.2 * h - 0.1);
        var f = Sig(-0.3 * x + 0.2 + 0.4 * h + 0.05);
        var g = Math.Tanh(0.8 * x + 0.3 - 0.6 * h);
        var o = Sig(0.1 * x + 0.4 + 0.7 * h + 0.2);
        var c2 = f * c + i * g;
        var h2 = o * Math.Tanh(c2);
        var (hn, cn) = cell.Forward(Torch.Tensor(new double[] { x }, 1, 1), (Torch.Tensor(new double[] { h }, 1, 1), Torch.Tensor(new double[] { c }, 1, 1)));
        TensorAssert.Close([h2], hn, 1e-14);
        TensorAssert.Close([c2], cn, 1e-14);
    }

    [Fact]
    public void GruCellMatchesHandComputedGates()
    {
        var cell = new GRUCell(1, 1, dtype: DType.Float64);
        Set(cell.WeightIh, 0.5, -0.3, 0.8);
        Set(cell.WeightHh, 0.2, 0.4, -0.6);
        Set(cell.BiasIh!, 0.1, 0.2, 0.3);
        Set(cell.BiasHh!, -0.1, 0.05, 0.25);
        double x = 1.5, h = -0.4;
        static double Sig(double v) => 1 / (1 + Math.Exp(-v));
        var r = Sig(0.5 * x + 0.1 + 0.2 * h - 0.1);
        var z = Sig(-0.3 * x + 0.2 + 0.4 * h + 0.05);
        var n = Math.Tanh(0.8 * x + 0.3 + r * (-0.6 * h + 0.25));
        var expected = (1 - z) * n + z * h;
        TensorAssert.Close([expected], cell.Forward(Torch.Tensor(new double[] { x }), Torch.Tensor(new double[] { h })), 1e-14);
    }

    [Fact]
    public void RecurrentLayersUsePyTorchParameterNamesAndShapes()
    {
        var lstm = new LSTM(3, 5, numLayers: 2);
        Assert.Equal(
            ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"],
            lstm.NamedParameters().Select(p => p.Name));
        Assert.Equal([20, 3], lstm.Layers[0].WeightIh.Shape);
        Assert.Equal([20, 5], lstm.Layers[1].WeightIh.Shape);
        Assert.Equal([15, 5], new GRU(4, 5).Layers[0].WeightHh.Shape);
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], new RNNCell(2, 3).NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void RecurrentOutputShapesWithAndWithoutBatchFirst()
    {
        var x = Torch.Randn([2, 7, 3], new Generator(1)); // [B, T, I]
        var (output, (h, c)) = new LSTM(3, 5, numLayers: 2, batchFirst: true).Forward(x);
        Assert.Equal([2, 7, 5], output.Shape);
        Assert.Equal([2, 2, 5], h.Shape);
        Assert.Equal([2, 2, 5], c.Shape);
        var (o2, h2) = new GRU(3, 4).Forward(x); // treated as [T=2, B=7, I]
        Assert.Equal([2, 7, 4], o2.Shape);
        Assert.Equal([1, 7, 4], h2.Shape);
        var (o3, h3) = new RNN(3, 4).Forward(Torch.Zeros(6, 3)); // unbatched [T, I]
        Assert.Equal([6, 4], o3.Shape);
        Assert.Equal([1, 4], h3.Shape);
        var ex = Assert.Throws<ArgumentException>(() => new RNN(3, 4).Forward(Torch.Zeros(6, 2, 5)));
        Assert.Contains("input_size", ex.Message);
        Assert.Throws<ArgumentException>(() => new RNN(3, 4).Forward(Torch.Zeros(6, 2, 3), Torch.Zeros(2, 2, 4)));
    }

    [Fact]
    public void RnnLayerEqualsUnrolledCellWithSameWeights()
    {
        var rnn = new RNN(3, 4, batchFirst: true, dtype: DType.Float64, generator: new Generator(2));
        var cell = new RNNCell(3, 4, dtype: DType.Float64);
        cell.LoadStateDict(new Dictionary<string, Tensor>
        {
            ["weight_ih"] = rnn.Layers[0].WeightIh, ["weight_hh"] = rnn.Layers[0].WeightHh,
            ["bias_ih"] = rnn.Layers[0].BiasIh!, ["bias_hh"] = rnn.Layers[0].BiasHh!,
        });
        var x = Torch.Randn([2, 5, 3], new Generator(3), DType.Float64);
        var (output, hn) = rnn.Forward(x);
        var h = Torch.Zeros([2, 4], DType.Float64);
        for (var t = 0; t < 5; t++)
        {
            h = cell.Forward(x.Select(1, t), h);
            TensorAssert.Close(h.ToArray<double>(), output.Select(1, t), 1e-14);
        }
        TensorAssert.Close(h.ToArray<double>(), hn.Select(0, 0), 1e-14);
    }

    // ------------------------------------------------------------- float64 gradient checks of every module

    /// <summary>Checks gradients with respect to the input and every parameter of a float64 module.</summary>
    private static void CheckModule(Module module, Func<Tensor, Tensor> forward, Tensor input)
    {
        module.Double();
        var parameters = module.Parameters().Cast<Tensor>().ToArray();
        var report = GradCheck.Check(xs => forward(xs[0]), [input, .. parameters], eps: 1e-6, atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
    }

    private static Tensor Input(int seed, params int[] shape) => TensorAssert.RandomDouble(seed, shape);

    [Fact]
    public void LinearGradCheck()
    {
        var m = new Linear(3, 2);
        CheckModule(m, m.Forward, Input(1, 2, 3));
    }

    [Fact]
    public void LayerNormGradCheck()
    {
        var m = new LayerNorm(4);
        using (Torch.NoGrad()) { m.Weight!.Normal_(1, 0.5, new Generator(1)); m.Bias!.Normal_(0, 0.5, new Generator(2)); }
        CheckModule(m, m.Forward, Input(2, 3, 4));
    }

    [Fact]
    public void RmsNormGradCheck()
    {
        var m = new RMSNorm(4, eps: 1e-6);
        using (Torch.NoGrad()) m.Weight!.Normal_(1, 0.5, new Generator(1));
        CheckModule(m, m.Forward, Input(3, 3, 4));
    }

    [Fact]
    public void EmbeddingGradCheck()
    {
        var m = new Embedding(6, 3, generator: new Generator(4));
        var idx = Torch.Tensor(new long[] { 1, 3, 1, 5 }, 2, 2);
        m.Double();
        Assert.True(GradCheck.Check(_ => m.Forward(idx), m.Parameters().Cast<Tensor>().ToArray()).Passed);
    }

    [Fact]
    public void MlpGradCheck()
    {
        var m = new MLP(3, [5, 2], activation: () => new GELU(), generator: new Generator(5));
        CheckModule(m, m.Forward, Input(5, 2, 3));
    }

    [Fact]
    public void RnnCellGradCheck()
    {
        var m = new RNNCell(3, 4, generator: new Generator(6));
        var h = Input(60, 2, 4);
        CheckModule(m, x => m.Forward(x, h), Input(6, 2, 3));
    }

    [Fact]
    public void LstmCellGradCheck()
    {
        var m = new LSTMCell(3, 2, generator: new Generator(7));
        var state = (Input(70, 2, 2), Input(71, 2, 2));
        CheckModule(m, x => { var (h, c) = m.Forward(x, state); return h * 2.0 + c; }, Input(7, 2, 3));
    }

    [Fact]
    public void GruCellGradCheck()
    {
        var m = new GRUCell(3, 2, generator: new Generator(8));
        var h = Input(80, 2, 2);
        CheckModule(m, x => m.Forward(x, h), Input(8, 2, 3));
    }

    [Fact]
    public void TwoLayerRnnGradCheck()
    {
        var m = new RNN(2, 3, numLayers: 2, batchFirst: true, generator: new Generator(9));
        CheckModule(m, x => { var (o, hn) = m.Forward(x); return o.Sum(1) + hn.Sum(0); }, Input(9, 2, 3, 2));
    }

    [Fact]
    public void LstmGradCheck()
    {
        var m = new LSTM(2, 2, numLayers: 2, generator: new Generator(10));
        CheckModule(m, x => { var (o, (h, c)) = m.Forward(x); return o.Sum() + h.Sum() * 0.5 + c.Sum() * 0.25; }, Input(10, 3, 2, 2));
    }

    [Fact]
    public void GruGradCheck()
    {
        var m = new GRU(2, 3, generator: new Generator(11));
        CheckModule(m, x => m.Forward(x).Output, Input(11, 3, 1, 2));
    }
}
