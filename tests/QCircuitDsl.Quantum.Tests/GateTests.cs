using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class GateTests
{
    private const int N = 3;

    public static TheoryData<GateKind> AllKinds()
    {
        var data = new TheoryData<GateKind>();
        foreach (var k in Enum.GetValues<GateKind>()) data.Add(k);
        return data;
    }

    /// <summary>Every placement of the kind on 3 qubits with 0, 1 or 2 controls, each with and without the adjoint flag.</summary>
    private static IEnumerable<GateSpec> Placements(GateKind kind, Random rng)
    {
        int targets = GateInfo.TargetCount(kind);
        int angleCount = GateInfo.AngleCount(kind);
        for (int controls = 0; controls + targets <= N; controls++)
            foreach (var perm in Permutations(TargetsAndControls(controls + targets)))
                foreach (bool adjoint in new[] { false, true })
                {
                    var angles = Enumerable.Range(0, angleCount).Select(_ => (rng.NextDouble() * 2 - 1) * 4).ToArray();
                    yield return new GateSpec(kind, perm[..controls], perm[controls..], angles, adjoint);
                }
    }

    private static int[] TargetsAndControls(int k) => Enumerable.Range(0, k).ToArray();

    /// <summary>All ordered selections of k distinct qubits out of N.</summary>
    private static IEnumerable<int[]> Permutations(int[] slots)
    {
        int k = slots.Length;
        IEnumerable<int[]> Rec(int[] prefix)
        {
            if (prefix.Length == k) { yield return prefix; yield break; }
            for (int q = 0; q < N; q++)
                if (!prefix.Contains(q))
                    foreach (var p in Rec([.. prefix, q])) yield return p;
        }
        return Rec([]);
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void EveryPlacementMatchesDenseMatrixInDouble(GateKind kind)
    {
        var rng = new Random(100 + (int)kind);
        int count = 0;
        foreach (var spec in Placements(kind, rng))
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(N, [spec]);
            var circuit = new QuantumCircuit(program);
            var psi0 = Dense.RandomState(rng, N);
            var states = circuit.CreateStates<double>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
            var expected = Dense.Apply(Dense.Full(N, spec), psi0);
            TestUtil.AssertClose(expected, TestUtil.Get(states, 0), 1e-12, spec.ToString());
            count++;
        }
        Assert.True(count >= 12, $"only {count} placements were tested");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void EveryPlacementMatchesDenseMatrixInFloat(GateKind kind)
    {
        var rng = new Random(200 + (int)kind);
        foreach (var spec in Placements(kind, rng))
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(N, [spec]);
            var circuit = new QuantumCircuit(program);
            var psi0 = Dense.RandomState(rng, N);
            var states = circuit.CreateStates<float>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Forward<float>(states, TestUtil.Cast<float>(parameters), ParameterLayout.Shared);
            var expected = Dense.Apply(Dense.Full(N, spec), psi0);
            TestUtil.AssertClose(expected, TestUtil.Get(states, 0), 1e-5, spec.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void ConstantAnglesMatchParametrizedAngles(GateKind kind)
    {
        // Constant-angle ops take the precomputed-matrix path; it must agree with the dense matrix too.
        var rng = new Random(300 + (int)kind);
        foreach (var spec in Placements(kind, rng).Take(8))
        {
            var op = new GateOp(spec.Kind, spec.Controls, spec.Targets, spec.Angles.Select(a => (ParamExpr)a).ToArray(), spec.Adjoint);
            var circuit = new QuantumCircuit(new CircuitProgram("c", N, [], null, [op], []));
            var psi0 = Dense.RandomState(rng, N);
            var states = circuit.CreateStates<double>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Forward<double>(states, [], ParameterLayout.Shared);
            TestUtil.AssertClose(Dense.Apply(Dense.Full(N, spec), psi0), TestUtil.Get(states, 0), 1e-12, spec.ToString());
        }
    }

    [Fact]
    public void AffineAngleExpressionsAreEvaluated()
    {
        // rx(2*p0 - p1 + 0.25) and u3(p1/2, 0.3, -p0) on qubit 1, p = (0.7, -0.4)
        double p0 = 0.7, p1 = -0.4;
        var a = ParamExpr.Param(0);
        var b = ParamExpr.Param(1);
        var ops = new[]
        {
            new GateOp(GateKind.RX, [], [1], [2 * a - b + 0.25]),
            new GateOp(GateKind.U3, [0], [2], [b / 2, 0.3, -a]),
        };
        var circuit = new QuantumCircuit(new CircuitProgram("c", N, [new ParameterArrayInfo("p", [2], 0)], null, ops, []));
        var rng = new Random(5);
        var psi0 = Dense.RandomState(rng, N);
        var states = circuit.CreateStates<double>(1);
        TestUtil.Load(states, 0, psi0);
        circuit.Forward<double>(states, [p0, p1], ParameterLayout.Shared);
        var expected = Dense.Run(N,
        [
            new GateSpec(GateKind.RX, [], [1], [2 * p0 - p1 + 0.25], false),
            new GateSpec(GateKind.U3, [0], [2], [p1 / 2, 0.3, -p0], false),
        ], psi0);
        TestUtil.AssertClose(expected, TestUtil.Get(states, 0), 1e-12);
    }

    [Fact]
    public void QubitZeroIsTheMostSignificantBit()
    {
        // X on qubit 0 of |000> gives |100> = index 4.
        var circuit = new QuantumCircuit(new CircuitProgram("c", N, [], null, [new GateOp(GateKind.X, [], [0], [])], [new ReadoutTerm(ReadoutKind.State, "", [0, 1, 2])]));
        var states = circuit.CreateStates<double>(1);
        circuit.Forward<double>(states, [], ParameterLayout.Shared);
        Assert.Equal(1.0, states.RealOf(0)[4]);
        Assert.Equal(1.0, states.RealOf(0).ToArray().Sum(), 12);
    }

    [Fact]
    public void CnotFlipsTargetOnlyWhenControlIsSet()
    {
        var ops = new[] { new GateOp(GateKind.X, [0], [2], []) };
        var circuit = new QuantumCircuit(new CircuitProgram("c", N, [], null, ops, []));
        var states = circuit.CreateStates<double>(2);
        states.RealOf(0).Clear(); states.RealOf(0)[0b100] = 1; // |100> -> |101>
        states.RealOf(1).Clear(); states.RealOf(1)[0b010] = 1; // |010> unchanged
        circuit.Forward<double>(states, [], ParameterLayout.Shared);
        Assert.Equal(1.0, states.RealOf(0)[0b101]);
        Assert.Equal(1.0, states.RealOf(1)[0b010]);
    }

    [Fact]
    public void SxSquaredIsXAndISwapMapsAsDocumented()
    {
        // Sanity of the conventions themselves (the dense reference could share a mistake with the engine otherwise).
        var sx = Dense.Textbook(GateKind.SX, []);
        var x = Dense.Mul(sx, sx);
        Assert.Equal(0, (x[0, 1] - 1).Magnitude, 12);
        Assert.Equal(0, x[0, 0].Magnitude, 12);
        var ops = new[] { new GateOp(GateKind.ISwap, [], [0, 2], []) };
        var circuit = new QuantumCircuit(new CircuitProgram("c", N, [], null, ops, []));
        var states = circuit.CreateStates<double>(1);
        states.SetBasisState(0b001); // q0=0, q2=1: |01> on (q0,q2) -> i|10>
        circuit.Forward<double>(states, [], ParameterLayout.Shared);
        Assert.Equal(1.0, states.ImagOf(0)[0b100], 12);
    }
}
