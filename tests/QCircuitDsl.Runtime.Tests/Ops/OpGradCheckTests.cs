using QCircuitDsl.Runtime.Autograd;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;
using static QCircuitDsl.Runtime.Tests.Tensors.TensorAssert;
using F = QCircuitDsl.Runtime.NN.Functional;

namespace QCircuitDsl.Runtime.Tests.Ops;

/// <summary>Float64 finite-difference checks of every differentiable op's backward.</summary>
public class OpGradCheckTests
{
    private sealed record Case(Func<Tensor[]> Inputs, Func<Tensor[], Tensor> Function);

    private static Tensor Long(long[] values, params int[] shape) => Torch.Tensor(values, shape);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Broadcasting arithmetic
        ["add_broadcast"] = new(() => [RandomDouble(1, 2, 3), RandomDouble(2, 3)], x => x[0] + x[1]),
        ["add_alpha"] = new(() => [RandomDouble(1, 2, 3), RandomDouble(2, 2, 3)], x => x[0].Add(x[1], 0.5)),
        ["sub_broadcast_both"] = new(() => [RandomDouble(3, 2, 1, 3), RandomDouble(4, 4, 1)], x => x[0] - x[1]),
        ["mul_broadcast"] = new(() => [RandomDouble(5, 2, 3), RandomDouble(6, 2, 1)], x => x[0] * x[1]),
        ["div_broadcast"] = new(() => [RandomDouble(7, 2, 3), PositiveDouble(8, 3)], x => x[0] / x[1]),
        ["scalar_ops"] = new(() => [RandomDouble(9, 4)], x => (2.0 - x[0]) * 3.0 / 1.5 + 1.0),
        ["rdiv_scalar"] = new(() => [PositiveDouble(10, 4)], x => 1.0 / x[0]),
        ["pow_scalar"] = new(() => [PositiveDouble(11, 5)], x => x[0].Pow(2.5)),
        ["pow_square"] = new(() => [RandomDouble(12, 5)], x => x[0].Pow(2)),
        ["pow_tensor"] = new(() => [PositiveDouble(13, 2, 3), RandomDouble(14, 3)], x => x[0].Pow(x[1])),
        ["maximum"] = new(() => [RandomDouble(15, 3, 4), RandomDouble(16, 4)], x => Torch.Maximum(x[0], x[1])),
        // Pointwise functions
        ["neg"] = new(() => [RandomDouble(20, 6)], x => -x[0]),
        ["exp"] = new(() => [RandomDouble(21, 6)], x => x[0].Exp()),
        ["log"] = new(() => [PositiveDouble(22, 6)], x => x[0].Log()),
        ["sqrt"] = new(() => [PositiveDouble(23, 6)], x => x[0].Sqrt()),
        ["rsqrt"] = new(() => [PositiveDouble(23, 6)], x => x[0].Rsqrt()),
        ["tanh"] = new(() => [RandomDouble(24, 6)], x => x[0].Tanh()),
        ["sigmoid"] = new(() => [RandomDouble(25, 6)], x => x[0].Sigmoid()),
        ["relu"] = new(() => [RandomDouble(26, 8)], x => F.Relu(x[0])),
        ["leaky_relu"] = new(() => [RandomDouble(27, 8)], x => F.LeakyRelu(x[0], 0.2)),
        ["gelu_erf"] = new(() => [RandomDouble(28, 8) * 2.0], x => F.Gelu(x[0])),
        ["gelu_tanh"] = new(() => [RandomDouble(29, 8)], x => F.Gelu(x[0], "tanh")),
        ["silu"] = new(() => [RandomDouble(30, 8)], x => F.Silu(x[0])),
        ["softplus"] = new(() => [RandomDouble(31, 8)], x => F.Softplus(x[0])),
        ["softplus_beta_threshold"] = new(() => [RandomDouble(32, 8) * 10.0], x => F.Softplus(x[0], beta: 2, threshold: 5)),
        ["sin_cos"] = new(() => [RandomDouble(33, 6)], x => x[0].Sin() * x[0].Cos()),
        ["abs"] = new(() => [RandomDouble(34, 6)], x => x[0].Abs()),
        ["clamp"] = new(() => [RandomDouble(35, 8)], x => x[0].Clamp(-0.5, 0.5)),
        // Reductions and normalisers
        ["sum_all"] = new(() => [RandomDouble(40, 2, 3)], x => x[0].Sum()),
        ["sum_dim_keepdim"] = new(() => [RandomDouble(41, 2, 3, 4)], x => x[0].Sum(1, keepdim: true)),
        ["sum_dims"] = new(() => [RandomDouble(42, 2, 3, 4)], x => x[0].Sum([0, 2])),
        ["mean_dim"] = new(() => [RandomDouble(43, 2, 3, 4)], x => x[0].Mean(-1)),
        ["max_dim"] = new(() => [RandomDouble(44, 3, 4)], x => x[0].Max(1).Values),
        ["max_dim_keepdim"] = new(() => [RandomDouble(45, 3, 4)], x => x[0].Max(0, keepdim: true).Values),
        ["max_all"] = new(() => [RandomDouble(46, 3, 4)], x => x[0].Max()),
        ["min_dim"] = new(() => [RandomDouble(47, 3, 4)], x => x[0].Min(1).Values),
        ["logsumexp"] = new(() => [RandomDouble(48, 3, 4)], x => x[0].LogSumExp(1)),
        ["logsumexp_keepdim_dim0"] = new(() => [RandomDouble(49, 3, 4)], x => x[0].LogSumExp(0, keepdim: true)),
        ["softmax_last"] = new(() => [RandomDouble(50, 3, 4)], x => F.Softmax(x[0], -1)),
        ["softmax_dim0"] = new(() => [RandomDouble(51, 3, 4, 2)], x => F.Softmax(x[0], 0)),
        ["log_softmax_last"] = new(() => [RandomDouble(52, 3, 4)], x => F.LogSoftmax(x[0], -1)),
        ["log_softmax_dim1"] = new(() => [RandomDouble(53, 2, 3, 4)], x => F.LogSoftmax(x[0], 1)),
        // Linear algebra
        ["matmul_2d"] = new(() => [RandomDouble(60, 3, 4), RandomDouble(61, 4, 5)], x => x[0].MatMul(x[1])),
        ["matmul_transposed_views"] = new(() => [RandomDouble(62, 4, 3), RandomDouble(63, 5, 4)], x => x[0].T.MatMul(x[1].T)),
        ["matmul_batched"] = new(() => [RandomDouble(64, 2, 3, 4), RandomDouble(65, 2, 4, 5)], x => x[0].MatMul(x[1])),
        ["matmul_broadcast_batch"] = new(() => [RandomDouble(66, 3, 4), RandomDouble(67, 2, 4, 5)], x => x[0].MatMul(x[1])),
        ["matmul_broadcast_both"] = new(() => [RandomDouble(68, 2, 1, 3, 4), RandomDouble(69, 3, 4, 2)], x => x[0].MatMul(x[1])),
        ["matmul_vector_vector"] = new(() => [RandomDouble(70, 4), RandomDouble(71, 4)], x => x[0].MatMul(x[1])),
        ["matmul_matrix_vector"] = new(() => [RandomDouble(72, 3, 4), RandomDouble(73, 4)], x => x[0].MatMul(x[1])),
        ["matmul_vector_batched"] = new(() => [RandomDouble(74, 4), RandomDouble(75, 2, 4, 3)], x => x[0].MatMul(x[1])),
        ["linear"] = new(() => [RandomDouble(76, 2, 3, 4), RandomDouble(77, 5, 4), RandomDouble(78, 5)], x => F.Linear(x[0], x[1], x[2])),
        // Losses
        ["cross_entropy_nc"] = new(() => [RandomDouble(80, 4, 5)], x => F.CrossEntropy(x[0], Long([0, 4, 2, 1], 4))),
        ["cross_entropy_nct"] = new(() => [RandomDouble(81, 2, 4, 3)], x => F.CrossEntropy(x[0], Long([0, 3, 2, 1, 1, 0], 2, 3))),
        ["cross_entropy_ntc_ignore"] = new(() => [RandomDouble(82, 2, 3, 4)],
            x => F.CrossEntropy(x[0], Long([0, -100, 2, 3, 1, -100], 2, 3), classDim: -1)),
        ["cross_entropy_sum"] = new(() => [RandomDouble(83, 3, 4)], x => F.CrossEntropy(x[0], Long([1, 2, 3], 3), reduction: Reduction.Sum)),
        ["cross_entropy_none"] = new(() => [RandomDouble(84, 3, 4)], x => F.CrossEntropy(x[0], Long([1, 7, 3], 3), ignoreIndex: 7, reduction: Reduction.None)),
        ["nll_loss"] = new(() => [RandomDouble(85, 3, 4)], x => F.NllLoss(F.LogSoftmax(x[0], 1), Long([3, 0, 1], 3))),
        ["mse_loss"] = new(() => [RandomDouble(86, 3, 4), RandomDouble(87, 3, 4)], x => F.MseLoss(x[0], x[1])),
        ["mse_loss_sum"] = new(() => [RandomDouble(88, 3, 4), RandomDouble(89, 3, 4)], x => F.MseLoss(x[0], x[1], Reduction.Sum)),
        // Joining, splitting, indexing
        ["cat"] = new(() => [RandomDouble(90, 2, 3), RandomDouble(91, 2, 2)], x => Torch.Cat([x[0], x[1]], 1)),
        ["stack"] = new(() => [RandomDouble(92, 2, 3), RandomDouble(93, 2, 3)], x => Torch.Stack([x[0], x[1]], 1)),
        ["split"] = new(() => [RandomDouble(94, 5, 2)], x => x[0].Split(2)[1] * x[0].Split(2)[2].Sum()),
        ["split_sizes"] = new(() => [RandomDouble(95, 2, 5)], x => x[0].Split([1, 4], 1)[1].Exp()),
        ["chunk"] = new(() => [RandomDouble(96, 2, 6)], x => x[0].Chunk(3, 1)[0] * x[0].Chunk(3, 1)[2]),
        ["chunk_one_call_all_pieces"] = new(() => [RandomDouble(100, 2, 6)], x =>
        {
            var p = x[0].Chunk(3, 1);
            return p[0] * p[1] + p[2].Exp();
        }),
        ["split_steps_partly_used"] = new(() => [RandomDouble(101, 4, 2, 3)], x =>
        {
            var p = x[0].Split(1, 0);
            return p[0].Squeeze(0) * p[3].Squeeze(0).Tanh();
        }),
        ["index_select"] = new(() => [RandomDouble(97, 4, 3)], x => x[0].IndexSelect(0, Long([2, 0, 2], 3))),
        ["gather"] = new(() => [RandomDouble(98, 3, 4)], x => x[0].Gather(1, Long([0, 3, 1, 1, 2, 0], 3, 2))),
        ["embedding"] = new(() => [RandomDouble(99, 5, 3)], x => F.Embedding(Long([1, 4, 1, 0], 2, 2), x[0])),
        // Views
        ["reshape"] = new(() => [RandomDouble(110, 2, 6)], x => x[0].Reshape(3, -1) * Torch.Arange(4, DType.Float64)),
        ["reshape_noncontiguous"] = new(() => [RandomDouble(111, 3, 4)], x => x[0].T.Reshape(12) * Torch.Arange(12, DType.Float64)),
        ["permute"] = new(() => [RandomDouble(112, 2, 3, 4)], x => x[0].Permute(2, 0, 1) * Torch.Arange(3, DType.Float64)),
        ["narrow_slice_select"] = new(() => [RandomDouble(113, 4, 5)], x => x[0].Narrow(0, 1, 2).Slice(1, -3, null) + x[0].Select(1, 2).Unsqueeze(1).Narrow(0, 0, 2)),
        ["indexer"] = new(() => [RandomDouble(114, 3, 4)], x => x[0][1] * x[0][2, 3]),
        ["squeeze_unsqueeze"] = new(() => [RandomDouble(115, 3, 1, 2)], x => x[0].Squeeze(1).Unsqueeze(0) * 2.0),
        ["expand"] = new(() => [RandomDouble(116, 3, 1)], x => x[0].Expand(2, 3, 4) * Torch.Arange(4, DType.Float64)),
        ["flatten_contiguous"] = new(() => [RandomDouble(117, 2, 3, 4)], x => x[0].Transpose(0, 2).Contiguous().Flatten(1)),
        // Layers as functions
        ["dropout_fixed_mask"] = new(() => [RandomDouble(120, 4, 5)], x => F.Dropout(x[0], 0.4, true, new Generator(7))),
        ["layer_norm_affine"] = new(() => [RandomDouble(121, 3, 5), RandomDouble(122, 5), RandomDouble(123, 5)],
            x => F.LayerNorm(x[0], [5], x[1], x[2])),
        ["layer_norm_2d_shape"] = new(() => [RandomDouble(124, 2, 3, 4)], x => F.LayerNorm(x[0], [3, 4])),
        ["rms_norm"] = new(() => [RandomDouble(125, 3, 5), RandomDouble(126, 5)], x => F.RmsNorm(x[0], [5], x[1], 1e-6)),
        ["rms_norm_default_eps"] = new(() => [RandomDouble(127, 2, 4)], x => F.RmsNorm(x[0], [4])),
        ["causal_conv1d"] = new(() => [RandomDouble(128, 2, 3, 6), RandomDouble(129, 3, 1, 4), RandomDouble(130, 3)],
            x => F.CausalDepthwiseConv1d(x[0], x[1], x[2])),
        ["causal_conv1d_kernel_longer_than_sequence"] = new(() => [RandomDouble(131, 1, 2, 2), RandomDouble(132, 2, 1, 3)],
            x => F.CausalDepthwiseConv1d(x[0], x[1])),
        // Reuse of one input in several places (gradient accumulation inside the graph)
        ["diamond_graph"] = new(() => [RandomDouble(140, 3)], x => (x[0] * x[0]).Sum() + x[0].Exp().Mean() * x[0]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var c = Cases[name];
        var report = GradCheck.Check(c.Function, c.Inputs(), eps: 1e-6, atol: 1e-6, rtol: 1e-4);
        Assert.True(report.Passed, report.ToString());
        Assert.True(report.EntriesChecked > 0);
    }
}
