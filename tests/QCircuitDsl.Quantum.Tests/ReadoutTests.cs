using System.Numerics;
using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class ReadoutTests
{
    private const int N = 4;

    private static ReadoutTerm[] AllTerms() =>
    [
        new ReadoutTerm(ReadoutKind.ExpvalEach, "xyz", [2, 0]),
        new ReadoutTerm(ReadoutKind.ExpvalEach, "z", [0, 1, 2, 3]),
        new ReadoutTerm(ReadoutKind.ExpvalEach, "yx", [3]),
        new ReadoutTerm(ReadoutKind.PauliString, "xyzi", [1, 3, 0, 2]),
        new ReadoutTerm(ReadoutKind.PauliString, "yy", [2, 0]),
        new ReadoutTerm(ReadoutKind.PauliString, "y", [1]),
        new ReadoutTerm(ReadoutKind.Probabilities, "", [2, 0]),
        new ReadoutTerm(ReadoutKind.Probabilities, "", [3]),
        new ReadoutTerm(ReadoutKind.State, "", [0, 1, 2, 3]),
    ];

    private static QuantumCircuit Circuit(params ReadoutTerm[] terms) =>
        new(new CircuitProgram("r", N, [], null, [], terms));

    public static TheoryData<int> TermIndices()
    {
        var d = new TheoryData<int>();
        for (int k = 0; k < AllTerms().Length; k++) d.Add(k);
        return d;
    }

    [Theory]
    [MemberData(nameof(TermIndices))]
    public void EachTermMatchesDenseInDoubleAndFloat(int termIndex)
    {
        var term = AllTerms()[termIndex];
        var circuit = Circuit(term);
        Assert.Equal(term.Length, circuit.ReadoutLength);
        var rng = new Random(termIndex);
        var psis = new[] { Dense.RandomState(rng, N), Dense.RandomState(rng, N) };
        var sd = circuit.CreateStates<double>(2);
        var sf = circuit.CreateStates<float>(2);
        for (int b = 0; b < 2; b++) { TestUtil.Load(sd, b, psis[b]); TestUtil.Load(sf, b, psis[b]); }
        var outD = new double[2 * term.Length];
        var outF = new float[2 * term.Length];
        circuit.Readout<double>(sd, outD);
        circuit.Readout<float>(sf, outF);
        for (int b = 0; b < 2; b++)
        {
            var expected = Dense.Readouts(N, [term], psis[b]);
            TestUtil.AssertClose(expected, outD.AsSpan(b * term.Length, term.Length), 1e-12, term.ToString());
            TestUtil.AssertClose(expected, outF.Select(v => (double)v).ToArray().AsSpan(b * term.Length, term.Length), 1e-5, term.ToString());
        }
    }

    [Fact]
    public void ConcatenatedTermsFollowDeclarationOrder()
    {
        var terms = AllTerms();
        var circuit = Circuit(terms);
        Assert.Equal(terms.Sum(t => t.Length), circuit.ReadoutLength);
        var psi = Dense.RandomState(new Random(9), N);
        var states = circuit.CreateStates<double>(1);
        TestUtil.Load(states, 0, psi);
        var output = new double[circuit.ReadoutLength];
        circuit.Readout<double>(states, output);
        TestUtil.AssertClose(Dense.Readouts(N, terms, psi), output, 1e-12);
    }

    [Fact]
    public void KnownValuesOnBasisStates()
    {
        // |0110>: <Z0>=1, <Z1>=-1; probs(q1,q0) = outcome 0b10 -> index 2.
        var circuit = Circuit(new ReadoutTerm(ReadoutKind.ExpvalEach, "z", [0, 1]), new ReadoutTerm(ReadoutKind.Probabilities, "", [1, 0]));
        var states = circuit.CreateStates<double>(1);
        states.SetBasisState(0b0110);
        var output = new double[circuit.ReadoutLength];
        circuit.Readout<double>(states, output);
        Assert.Equal([1.0, -1.0, 0, 0, 1, 0], output);
    }

    [Fact]
    public void ReadoutOverwritesTheOutputBuffer()
    {
        var circuit = Circuit(new ReadoutTerm(ReadoutKind.Probabilities, "", [0]));
        var states = circuit.CreateStates<double>(1);
        var output = new[] { 5.0, 7.0 };
        circuit.Readout<double>(states, output);
        Assert.Equal([1.0, 0.0], output);
    }

    [Theory]
    [MemberData(nameof(TermIndices))]
    public void ReadoutBackwardMatchesFiniteDifferences(int termIndex)
    {
        var term = AllTerms()[termIndex];
        CheckReadoutBackward([term], termIndex);
    }

    [Fact]
    public void ReadoutBackwardOfAllTermsTogetherMatchesFiniteDifferences() => CheckReadoutBackward(AllTerms(), 77);

    private static void CheckReadoutBackward(ReadoutTerm[] terms, int seed)
    {
        var circuit = Circuit(terms);
        var rng = new Random(seed);
        int batch = 2, r = circuit.ReadoutLength, d = circuit.Dimension;
        var states = circuit.CreateStates<double>(batch);
        for (int b = 0; b < batch; b++) TestUtil.Load(states, b, Dense.RandomState(rng, N));
        var upstream = TestUtil.RandomVector(rng, batch * r);
        var adjoint = circuit.CreateStates<double>(batch);
        adjoint.Real.AsSpan().Fill(123); // must be overwritten, not accumulated
        circuit.ReadoutBackward<double>(states, upstream, adjoint);

        double Loss(StateBatch<double> s)
        {
            var output = new double[batch * r];
            circuit.Readout<double>(s, output);
            return output.Zip(upstream, (a, u) => a * u).Sum();
        }

        const double h = 1e-6;
        for (int b = 0; b < batch; b++)
            for (int i = 0; i < d; i++)
                foreach (bool imag in new[] { false, true })
                {
                    var plus = states.Clone();
                    var minus = states.Clone();
                    (imag ? plus.ImagOf(b) : plus.RealOf(b))[i] += h;
                    (imag ? minus.ImagOf(b) : minus.RealOf(b))[i] -= h;
                    double fd = (Loss(plus) - Loss(minus)) / (2 * h);
                    double analytic = (imag ? adjoint.ImagOf(b) : adjoint.RealOf(b))[i];
                    Assert.True(Math.Abs(fd - analytic) < 1e-7, $"sample {b}, amplitude {i} ({(imag ? "im" : "re")}): finite difference {fd}, ReadoutBackward {analytic}");
                }
    }
}
