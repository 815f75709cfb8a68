using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

/// <summary>FsCheck properties over random gate lists on up to 5 qubits.</summary>
public class RandomCircuitPropertyTests
{
    public sealed record RandomCircuit(int N, GateSpec[] Gates, int Seed)
    {
        public override string ToString() => $"n={N}, seed={Seed}: " + string.Join("; ", Gates.Select(g => g.ToString()));
    }

    private static Gen<double> Angle => Gen.Choose(-6000, 6000).Select(v => v / 1000.0);

    private static Gen<GateSpec> GateGen(int n) =>
        from kindIndex in Gen.Choose(0, 20)
        let kind = (GateKind)kindIndex
        let targets = GateInfo.TargetCount(kind)
        where targets <= n
        from controls in Gen.Choose(0, Math.Min(2, n - targets))
        from order in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from angles in Gen.ArrayOf(Angle, GateInfo.AngleCount(kind))
        from adjoint in Gen.Elements(false, true)
        select new GateSpec(kind, order[..controls], order[controls..(controls + targets)], angles, adjoint);

    private static Arbitrary<RandomCircuit> Circuits =>
        (from n in Gen.Choose(1, 5)
         from count in Gen.Choose(0, 12)
         from gates in Gen.ArrayOf(GateGen(n), count)
         from seed in Gen.Choose(0, 1_000_000)
         select new RandomCircuit(n, gates, seed)).ToArbitrary();

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void ForwardMatchesDenseReference()
    {
        Check.One(Config, Prop.ForAll(Circuits, c =>
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(c.N, c.Gates);
            var circuit = new QuantumCircuit(program);
            var psi0 = Dense.RandomState(new Random(c.Seed), c.N);
            var states = circuit.CreateStates<double>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
            var expected = Dense.Run(c.N, c.Gates, psi0);
            var actual = TestUtil.Get(states, 0);
            return expected.Zip(actual).All(t => (t.First - t.Second).Magnitude < 1e-11);
        }));
    }

    [Fact]
    public void ForwardPreservesNorm()
    {
        Check.One(Config, Prop.ForAll(Circuits, c =>
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(c.N, c.Gates);
            var circuit = new QuantumCircuit(program);
            var states = circuit.CreateStates<double>(2);
            var rng = new Random(c.Seed);
            TestUtil.Load(states, 0, Dense.RandomState(rng, c.N));
            TestUtil.Load(states, 1, Dense.RandomState(rng, c.N));
            circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
            for (int b = 0; b < 2; b++)
            {
                double norm = TestUtil.Get(states, b).Sum(a => a.Magnitude * a.Magnitude);
                if (Math.Abs(norm - 1) > 1e-12) return false;
            }
            return true;
        }));
    }

    [Fact]
    public void InverseAfterForwardRestoresTheInput()
    {
        Check.One(Config, Prop.ForAll(Circuits, c =>
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(c.N, c.Gates);
            var circuit = new QuantumCircuit(program);
            var psi0 = Dense.RandomState(new Random(c.Seed), c.N);
            var states = circuit.CreateStates<double>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Forward<double>(states, parameters, ParameterLayout.Shared);
            circuit.Inverse<double>(states, parameters, ParameterLayout.Shared);
            return psi0.Zip(TestUtil.Get(states, 0)).All(t => (t.First - t.Second).Magnitude < 1e-12);
        }));
    }

    [Fact]
    public void InverseMatchesDenseAdjointOfCircuit()
    {
        Check.One(Config.WithMaxTest(60), Prop.ForAll(Circuits, c =>
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(c.N, c.Gates);
            var circuit = new QuantumCircuit(program);
            var psi0 = Dense.RandomState(new Random(c.Seed), c.N);
            var states = circuit.CreateStates<double>(1);
            TestUtil.Load(states, 0, psi0);
            circuit.Inverse<double>(states, parameters, ParameterLayout.Shared);
            // U† = Π reversed of each gate's dagger.
            var reversed = c.Gates.Reverse().Select(g => g with { Adjoint = !g.Adjoint });
            var expected = Dense.Run(c.N, reversed, psi0);
            return expected.Zip(TestUtil.Get(states, 0)).All(t => (t.First - t.Second).Magnitude < 1e-11);
        }));
    }

    [Fact]
    public void PerSampleParametersMatchSharedRunsOfEachRow()
    {
        Check.One(Config.WithMaxTest(60), Prop.ForAll(Circuits, c =>
        {
            var (program, parameters) = TestUtil.ParametrizedProgram(c.N, c.Gates);
            var circuit = new QuantumCircuit(program);
            var rng = new Random(c.Seed);
            int batch = 3, pc = parameters.Length;
            var rows = Enumerable.Range(0, batch).Select(_ => TestUtil.RandomVector(rng, pc, 3)).ToArray();
            var states = circuit.CreateStates<double>(batch);
            circuit.Forward<double>(states, rows.SelectMany(r => r).ToArray(), ParameterLayout.PerSample);
            for (int b = 0; b < batch; b++)
            {
                var single = circuit.CreateStates<double>(1);
                circuit.Forward<double>(single, rows[b], ParameterLayout.Shared);
                if (!states.RealOf(b).SequenceEqual(single.RealOf(0)) || !states.ImagOf(b).SequenceEqual(single.ImagOf(0)))
                    return false;
            }
            return true;
        }));
    }
}
