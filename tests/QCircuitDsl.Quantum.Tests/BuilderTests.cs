using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class BuilderTests
{
    private static CircuitProgramBuilder NewBuilder()
    {
        var b = new CircuitProgramBuilder("sim14", "sim14.qc");
        b.At(2, 1);
        b.DeclareQubits("q", 4);
        b.At(3, 1);
        b.DeclareParameters("theta", 2, 3);
        return b;
    }

    /// <summary>Asserts the exception type, that the message starts with "file(line,col): " and contains every word.</summary>
    private static T Error<T>(Action action, string position, params string[] words) where T : Exception
    {
        var ex = Assert.Throws<T>(action);
        Assert.StartsWith(position + ": ", ex.Message);
        foreach (var w in words) Assert.Contains(w, ex.Message);
        return ex;
    }

    // ---- successful builds ----------------------------------------------------------------------------

    [Fact]
    public void BuildProducesQubitsParametersGatesAndReadouts()
    {
        var b = new CircuitProgramBuilder("demo", "demo.qc");
        b.At(1, 1);
        b.DeclareQubits("a", 2);
        b.DeclareQubits("b", 3);
        Assert.Equal(0, b.DeclareParameters("alpha"));
        Assert.Equal(1, b.DeclareParameters("w", 2, 3));
        Assert.Equal(7, b.DeclareParameters("v", 4));
        b.DeclareAmplitudeInput("x", 20);
        b.At(7, 5);
        b.Gate(GateKind.RX, [b.Qubit("a", 1)], [b.Qubit("b", 0)], [b.Parameter("w", 1, 2) * 2 + 0.5]);
        b.Gate(GateKind.Swap, [], [b.Qubit("b", 2), b.Qubit("a", 0)], [], adjoint: true);
        b.ReadoutExpvalEach("ZX", b.QubitRange("b", 1, 2));
        b.ReadoutPauli("xiy", b.Register("b"));
        b.ReadoutProbabilities([b.Qubit("a", 0)]);
        b.ReadoutState();
        var p = b.Build();

        Assert.Equal("demo", p.Name);
        Assert.Equal(5, p.QubitCount);
        Assert.Equal(32, p.Dimension);
        Assert.Equal(11, p.ParameterCount);
        Assert.Equal(["alpha", "w", "v"], p.ParameterArrays.Select(a => a.Name));
        Assert.Equal([0, 1, 7], p.ParameterArrays.Select(a => a.Offset));
        Assert.Equal([1, 6, 4], p.ParameterArrays.Select(a => a.Size));
        Assert.Equal([2, 3], p.ParameterArrays[1].Shape);
        Assert.Equal(new AmplitudeInputInfo("x", 20), p.Input);

        Assert.Equal(2, p.Gates.Count);
        var rx = p.Gates[0];
        Assert.Equal(GateKind.RX, rx.Kind);
        Assert.Equal([1], rx.Controls);
        Assert.Equal([2], rx.Targets);
        Assert.Equal(ParamExpr.Param(6) * 2 + 0.5, rx.Angles[0]); // w[1][2] = 1 + 1*3 + 2
        Assert.False(rx.Adjoint);
        Assert.Equal("demo.qc(7,5)", rx.Source);
        Assert.Equal([4, 0], p.Gates[1].Targets);
        Assert.True(p.Gates[1].Adjoint);

        Assert.Equal([ReadoutKind.ExpvalEach, ReadoutKind.PauliString, ReadoutKind.Probabilities, ReadoutKind.State], p.Readouts.Select(r => r.Kind));
        Assert.Equal("zx", p.Readouts[0].Axes);
        Assert.Equal([3, 4], p.Readouts[0].Qubits);
        Assert.Equal([4, 1, 2, 64], p.Readouts.Select(r => r.Length));
        Assert.Equal([0, 1, 2, 3, 4], p.Readouts[3].Qubits);
        Assert.Equal(71, p.ReadoutLength);
    }

    [Fact]
    public void SlicesAreContiguousRowMajorBlocks()
    {
        var b = new CircuitProgramBuilder("s", "s.qc");
        b.DeclareQubits("q", 1);
        b.DeclareParameters("pre", 5);
        b.DeclareParameters("theta", 3, 4, 2); // offset 5
        Assert.Equal(new ParameterSlice(5, 24), b.Slice("theta"));
        Assert.Equal(new ParameterSlice(5 + 8, 8), b.Slice("theta", 1));
        Assert.Equal(new ParameterSlice(5 + 16 + 6, 2), b.Slice("theta", 2, 3));
        Assert.Equal(new ParameterSlice(5 + 8 + 2 + 1, 1), b.Slice("theta", 1, 1, 1));
        Assert.Equal(new ParameterSlice(5 + 8 + 2, 4), b.Slice("theta", [1], 1, 2));
        Assert.Equal(new ParameterSlice(5 + 8, 16), b.Slice("theta", [], 1, 2));
        Assert.Equal(new ParameterSlice(5 + 8 + 6 + 1, 1), b.Slice("theta", [1, 3], 1, 1));
    }

    [Fact]
    public void CallFramesMapQubitsAndParameterSlices()
    {
        var b = NewBuilder(); // q[4], theta[2][3] at offset 0
        b.DeclareParameters("phi", 2); // offset 6
        b.At(5, 3);
        b.EnterCall("block", [b.Qubit("q", 3), b.Qubit("q", 1), b.Qubit("q", 0)],
            [new("w", b.Slice("theta", 1)), new("z", b.Slice("phi"))]);
        {
            b.At(20, 1);
            b.DeclareQubits("a", 2); // a = {3, 1}
            b.DeclareQubits("c", 1); // c = {0}
            Assert.Equal(3, b.DeclareParameters("w", 3));
            Assert.Equal(6, b.DeclareParameters("z", 2));
            b.At(21, 1);
            b.Gate(GateKind.RY, [b.Qubit("c", 0)], [b.Qubit("a", 1)], [b.Parameter("w", 2) - b.Parameter("z", 0)]);
            b.ReadoutExpvalEach("z", b.Register("a")); // ignored inside a call
            b.At(22, 1);
            b.EnterCall("inner", [b.Qubit("a", 0)], [new("u", b.Slice("w", [], 1, 2))]);
            {
                b.DeclareQubits("r", 1);
                Assert.Equal(4, b.DeclareParameters("u", 2));
                b.Gate(GateKind.RZ, [], [b.Qubit("r", 0)], [b.Parameter("u", 1)]);
                Assert.Equal(2, b.CallDepth);
            }
            b.ExitCall();
            b.Gate(GateKind.H, [], [b.Qubit("a", 0)], []);
        }
        b.ExitCall();
        Assert.Equal("sim14.qc(5,3)", b.Position); // position restored to the call site
        b.ReadoutProbabilities([b.Qubit("q", 2)]);
        var p = b.Build();

        Assert.Equal(4, p.QubitCount);
        Assert.Equal(8, p.ParameterCount);
        Assert.Equal(3, p.Gates.Count);
        Assert.Equal([0], p.Gates[0].Controls);
        Assert.Equal([1], p.Gates[0].Targets);
        Assert.Equal(ParamExpr.Param(5) - ParamExpr.Param(6), p.Gates[0].Angles[0]);
        Assert.Equal("sim14.qc(21,1)", p.Gates[0].Source);
        Assert.Equal([3], p.Gates[1].Targets);
        Assert.Equal(ParamExpr.Param(5), p.Gates[1].Angles[0]);
        Assert.Equal([3], p.Gates[2].Targets);
        Assert.Single(p.Readouts);
        Assert.Equal([2], p.Readouts[0].Qubits);
    }

    [Fact]
    public void CalleeSourceFileIsUsedInsideTheFrame()
    {
        var b = NewBuilder();
        b.At(9, 2);
        b.EnterCall("lib", "lib.qc", [b.Qubit("q", 0)], []);
        b.At(4, 7);
        b.DeclareQubits("a", 1);
        Error<ArgumentOutOfRangeException>(() => b.Qubit("a", 1), "lib.qc(4,7)", "register 'a' of size 1", "in circuit 'lib'");
        b.ExitCall();
        Assert.Equal("sim14.qc(9,2)", b.Position);
    }

    [Fact]
    public void BuiltProgramRunsInTheEngine()
    {
        // Bell pair via the builder: h q[0]; cx q[0], q[1]; probs(q)
        var b = new CircuitProgramBuilder("bell", "bell.qc");
        b.DeclareQubits("q", 2);
        b.Gate(GateKind.H, [], [b.Qubit("q", 0)], []);
        b.Gate(GateKind.X, [b.Qubit("q", 0)], [b.Qubit("q", 1)], []);
        b.ReadoutProbabilities(b.Register("q"));
        var circuit = new QuantumCircuit(b.Build());
        var s = circuit.CreateStates<double>(1);
        circuit.Forward<double>(s, [], ParameterLayout.Shared);
        var probs = new double[4];
        circuit.Readout<double>(s, probs);
        TestUtil.AssertClose([0.5, 0, 0, 0.5], probs, 1e-15);
    }

    // ---- errors -------------------------------------------------------------------------------------

    [Fact]
    public void QubitOutOfRangeHasTheDocumentedMessage()
    {
        var b = new CircuitProgramBuilder("sim14", "sim14.qc");
        b.DeclareQubits("q", 10);
        b.At(12, 5);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => b.Qubit("q", 10));
        Assert.StartsWith("sim14.qc(12,5): qubit index 10 is out of range for register 'q' of size 10 in circuit 'sim14'.", ex.Message);
        Assert.Equal("index", ex.ParamName);
        Error<ArgumentOutOfRangeException>(() => b.Qubit("q", -1), "sim14.qc(12,5)", "qubit index -1");
    }

    [Fact]
    public void DeclarationErrors()
    {
        var b = NewBuilder();
        b.At(4, 2);
        Error<ArgumentException>(() => b.DeclareQubits("r", 0), "sim14.qc(4,2)", "'r'", "size 0", "at least 1", "'sim14'");
        Error<ArgumentException>(() => b.DeclareQubits("q", 2), "sim14.qc(4,2)", "'q'", "declared twice");
        Error<ArgumentException>(() => b.DeclareQubits("big", 27), "sim14.qc(4,2)", "31 qubits", "at most 30");
        Error<ArgumentException>(() => b.DeclareParameters("w", 2, 0), "sim14.qc(4,2)", "'w'", "dimension 1 of size 0", "at least 1");
        Error<ArgumentException>(() => b.DeclareParameters("theta", 1), "sim14.qc(4,2)", "'theta'", "declared twice");
        Error<ArgumentException>(() => b.DeclareAmplitudeInput("x", 0), "sim14.qc(4,2)", "'x'", "length 0", "at least 1");
        b.DeclareAmplitudeInput("x", 16);
        Error<InvalidOperationException>(() => b.DeclareAmplitudeInput("y", 4), "sim14.qc(4,2)", "second amplitude input", "'y'", "'x'");
    }

    [Fact]
    public void AmplitudeInputLongerThanTheStateFailsAtBuild()
    {
        var b = new CircuitProgramBuilder("enc", "enc.qc");
        b.At(1, 1);
        b.DeclareQubits("q", 2);
        b.At(2, 3);
        b.DeclareAmplitudeInput("x", 5);
        b.At(9, 9);
        Error<InvalidOperationException>(() => b.Build(), "enc.qc(2,3)", "'x'", "length 5", "2^2 = 4", "'enc'");
    }

    [Fact]
    public void QubitLookupErrors()
    {
        var b = NewBuilder();
        b.At(6, 4);
        Error<ArgumentException>(() => b.Qubit("r", 0), "sim14.qc(6,4)", "unknown qubit register 'r'", "'q'");
        Error<ArgumentException>(() => b.Register("r"), "sim14.qc(6,4)", "unknown qubit register 'r'");
        Error<ArgumentOutOfRangeException>(() => b.QubitRange("q", 2, 4), "sim14.qc(6,4)", "qubit index 4", "size 4");
        Error<ArgumentOutOfRangeException>(() => b.QubitRange("q", -1, 2), "sim14.qc(6,4)", "qubit index -1");
        Error<ArgumentException>(() => b.QubitRange("q", 3, 1), "sim14.qc(6,4)", "q[3..1]", "first <= last");
        Assert.Equal([1, 2, 3], b.QubitRange("q", 1, 3));
    }

    [Fact]
    public void ParameterLookupErrors()
    {
        var b = NewBuilder(); // theta[2][3]
        b.At(8, 10);
        Error<ArgumentException>(() => b.Parameter("phi", 0), "sim14.qc(8,10)", "unknown parameter array 'phi'", "'theta'");
        Error<ArgumentException>(() => b.Parameter("theta", 1), "sim14.qc(8,10)", "'theta'[2][3]", "1 index", "expected 2");
        Error<ArgumentOutOfRangeException>(() => b.Parameter("theta", 1, 3), "sim14.qc(8,10)", "index 3 of dimension 1", "expected 0 to 2");
        Error<ArgumentOutOfRangeException>(() => b.Parameter("theta", 2, 0), "sim14.qc(8,10)", "index 2 of dimension 0");
        Error<ArgumentException>(() => b.Slice("theta", 0, 0, 0), "sim14.qc(8,10)", "3 index", "at most 2");
        Error<ArgumentOutOfRangeException>(() => b.Slice("theta", 5), "sim14.qc(8,10)", "index 5");
        Error<ArgumentException>(() => b.Slice("theta", [0, 1], 0, 1), "sim14.qc(8,10)", "range-sliced", "fewer than 2");
        Error<ArgumentOutOfRangeException>(() => b.Slice("theta", [1], 0, 3), "sim14.qc(8,10)", "range end 3", "expected 0 to 2");
        Error<ArgumentOutOfRangeException>(() => b.Slice("theta", [1], -1, 1), "sim14.qc(8,10)", "range start -1");
        Error<ArgumentException>(() => b.Slice("theta", [1], 2, 1), "sim14.qc(8,10)", "theta[2..1]", "first <= last");
        Error<ArgumentException>(() => b.Slice("nope"), "sim14.qc(8,10)", "unknown parameter array 'nope'");
    }

    [Fact]
    public void GateErrors()
    {
        var b = NewBuilder();
        int q0 = b.Qubit("q", 0), q1 = b.Qubit("q", 1), q2 = b.Qubit("q", 2);
        b.At(11, 3);
        Error<ArgumentException>(() => b.Gate(GateKind.X, [], [q0, q1], []), "sim14.qc(11,3)", "'x'", "2 target", "expected 1");
        Error<ArgumentException>(() => b.Gate(GateKind.Swap, [], [q0], []), "sim14.qc(11,3)", "'swap'", "expected 2");
        Error<ArgumentException>(() => b.Gate(GateKind.RX, [], [q0], []), "sim14.qc(11,3)", "'rx'", "0 angle", "expected 1");
        Error<ArgumentException>(() => b.Gate(GateKind.U3, [], [q0], [1, 2]), "sim14.qc(11,3)", "'u3'", "expected 3");
        Error<ArgumentException>(() => b.Gate(GateKind.H, [], [q0], [0.5]), "sim14.qc(11,3)", "'h'", "expected 0");
        Error<ArgumentException>(() => b.Gate(GateKind.X, [q2], [q2], []), "sim14.qc(11,3)", "the same qubit q[2] appears twice in one gate", "'sim14'");
        Error<ArgumentException>(() => b.Gate(GateKind.RZZ, [q0], [q1, q0], [0.1]), "sim14.qc(11,3)", "the same qubit q[0] appears twice");
        Error<ArgumentOutOfRangeException>(() => b.Gate(GateKind.X, [], [7], []), "sim14.qc(11,3)", "qubit 7", "not a declared qubit");
        Error<ArgumentOutOfRangeException>(() => b.Gate((GateKind)21, [], [q0], []), "sim14.qc(11,3)", "unknown gate kind 21");
        Error<ArgumentException>(() => b.Gate(GateKind.RY, [], [q0], [double.NaN]), "sim14.qc(11,3)", "non-finite angle");
        Error<ArgumentOutOfRangeException>(() => b.Gate(GateKind.RY, [], [q0], [ParamExpr.Param(6)]), "sim14.qc(11,3)", "parameter 6", "6 parameter");
        Assert.Empty(b.Build().Gates);
    }

    [Fact]
    public void ReadoutErrors()
    {
        var b = NewBuilder();
        int q0 = b.Qubit("q", 0), q1 = b.Qubit("q", 1);
        b.At(30, 1);
        Error<ArgumentException>(() => b.ReadoutExpvalEach("xw", [q0]), "sim14.qc(30,1)", "'xw'", "x, y, z");
        Error<ArgumentException>(() => b.ReadoutExpvalEach("", [q0]), "sim14.qc(30,1)", "x, y, z");
        Error<ArgumentException>(() => b.ReadoutExpvalEach("z", []), "sim14.qc(30,1)", "no qubits", "at least one");
        Error<ArgumentException>(() => b.ReadoutPauli("xz", [q0]), "sim14.qc(30,1)", "2 factor(s) for 1 qubit", "one factor per qubit");
        Error<ArgumentException>(() => b.ReadoutPauli("xq", [q0, q1]), "sim14.qc(30,1)", "'xq'", "x, y, z, i");
        Error<ArgumentException>(() => b.ReadoutProbabilities([q1, q1]), "sim14.qc(30,1)", "q[1] appears twice", "probabilities");
        Error<ArgumentOutOfRangeException>(() => b.ReadoutProbabilities([9]), "sim14.qc(30,1)", "qubit 9");
    }

    [Fact]
    public void CallErrors()
    {
        var b = NewBuilder();
        int q0 = b.Qubit("q", 0), q1 = b.Qubit("q", 1);
        b.At(40, 2);
        Error<ArgumentException>(() => b.EnterCall("blk", [q0, q0], []), "sim14.qc(40,2)", "q[0] is passed twice", "'blk'");
        Error<ArgumentOutOfRangeException>(() => b.EnterCall("blk", [q0], [new("w", new ParameterSlice(4, 3))]), "sim14.qc(40,2)", "'w'", "elements 4..6", "6 declared");
        Error<ArgumentException>(() => b.EnterCall("blk", [q0], [new("w", new(0, 1)), new("w", new(1, 1))]), "sim14.qc(40,2)", "binds parameter 'w' twice");
        Error<InvalidOperationException>(() => b.ExitCall(), "sim14.qc(40,2)", "without a matching EnterCall");
        Assert.Equal(0, b.CallDepth);

        // Too few qubits passed.
        b.EnterCall("blk", [q0], []);
        b.At(50, 1);
        Error<ArgumentException>(() => b.DeclareQubits("a", 2), "sim14.qc(50,1)", "'blk'", "register 'a' of size 2", "passed 1", "1 remain");
        Error<InvalidOperationException>(() => b.DeclareAmplitudeInput("x", 2), "sim14.qc(50,1)", "'x'", "circuit 'blk'", "top-level circuit 'sim14'");
        Error<ArgumentException>(() => b.DeclareParameters("w", 3), "sim14.qc(50,1)", "'blk'", "'w'", "does not bind");
        Error<InvalidOperationException>(() => b.Build(), "sim14.qc(50,1)", "'blk'", "ExitCall");
        // The callee may only use its own qubits.
        b.DeclareQubits("a", 1);
        Error<ArgumentOutOfRangeException>(() => b.Gate(GateKind.X, [], [q1], []), "sim14.qc(50,1)", "qubit 1", "'blk'");
        Error<ArgumentException>(() => b.Qubit("q", 0), "sim14.qc(50,1)", "unknown qubit register 'q'", "in circuit 'blk'");
        b.ExitCall();

        // Callee declares fewer qubits than passed.
        b.At(60, 4);
        b.EnterCall("two", [q0, q1], []);
        b.At(70, 1);
        b.DeclareQubits("a", 1);
        Error<InvalidOperationException>(() => b.ExitCall(), "sim14.qc(60,4)", "'two'", "passes 2 qubit(s)", "declares 1");

        // Element count mismatch and unused binding.
        b.EnterCall("three", [q0], [new("w", b.Slice("theta", 0)), new("extra", b.Slice("theta", 1))]);
        b.At(80, 1);
        b.DeclareQubits("a", 1);
        Error<ArgumentException>(() => b.DeclareParameters("w", 2, 2), "sim14.qc(80,1)", "'three'", "'w'", "4 element(s)", "binds 3");
        b.DeclareParameters("w", 3);
        Error<InvalidOperationException>(() => b.ExitCall(), "sim14.qc(60,4)", "'three'", "'extra'", "does not declare");
    }

    [Fact]
    public void BuildWithoutQubitsFails()
    {
        var b = new CircuitProgramBuilder("empty", "empty.qc");
        b.At(3, 3);
        Error<InvalidOperationException>(() => b.Build(), "empty.qc(3,3)", "'empty'", "no qubits");
        Assert.Throws<ArgumentException>(() => new CircuitProgramBuilder(" ", "x.qc"));
    }
}
