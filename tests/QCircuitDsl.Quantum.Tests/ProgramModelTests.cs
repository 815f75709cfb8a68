using QCircuitDsl.Quantum;

namespace QCircuitDsl.Quantum.Tests;

public class ParamExprTests
{
    [Fact]
    public void ArithmeticIsAffineAndNormalised()
    {
        var a = ParamExpr.Param(3);
        var b = ParamExpr.Param(1);
        var e = 2 * a - b / 4 + 0.5 - (a - 1.0) + (1.5 - b) * 2;
        // = (2a - a) + (-b/4 - 2b) + (0.5 + 1 + 3) = a - 2.25 b + 4.5
        Assert.Equal(4.5, e.Constant);
        Assert.Equal([(1, -2.25), (3, 1.0)], e.Terms);
        Assert.Equal(4.5 + 0.7 - 2.25 * -0.2, e.Evaluate([9, -0.2, 9, 0.7]), 12);
        Assert.False(e.IsConstant);
        Assert.Equal(3, e.MaxIndex);
    }

    [Fact]
    public void CancellingTermsDisappear()
    {
        var a = ParamExpr.Param(2);
        var e = a + 1 - a;
        Assert.True(e.IsConstant);
        Assert.Empty(e.Terms);
        Assert.Equal(ParamExpr.Const(1), e);
        Assert.Equal(-1, e.MaxIndex);
        Assert.True((a * 0).IsConstant);
    }

    [Fact]
    public void EqualityAndHashingAreStructural()
    {
        var x = ParamExpr.Param(0) * 2 + ParamExpr.Param(5);
        var y = ParamExpr.Param(5) + ParamExpr.Param(0) + ParamExpr.Param(0);
        Assert.Equal(x, y);
        Assert.True(x == y);
        Assert.Equal(x.GetHashCode(), y.GetHashCode());
        Assert.NotEqual(x, y + 1e-9);
        Assert.True(x != -x);
        Assert.Equal(default(ParamExpr), ParamExpr.Const(0));
        ParamExpr implicitConst = 1.25;
        Assert.Equal(1.25, implicitConst.Evaluate([]));
    }

    [Fact]
    public void ToStringIsReadable()
    {
        Assert.Equal("0.5", ParamExpr.Const(0.5).ToString());
        Assert.Equal("p[3]", ParamExpr.Param(3).ToString());
        Assert.Equal("2*p[1] - p[4] + 0.25", (2 * ParamExpr.Param(1) - ParamExpr.Param(4) + 0.25).ToString());
        Assert.Equal("-p[0] - 1", (-ParamExpr.Param(0) - 1).ToString());
    }

    [Fact]
    public void InvalidConstructionThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>("flatIndex", () => ParamExpr.Param(-1));
        Assert.Throws<DivideByZeroException>(() => ParamExpr.Param(0) / 0);
        Assert.Equal(ParamExpr.Param(1) * 3 + 2, ParamExpr.Create(2, [(1, 1.0), (1, 2.0)]));
    }
}

public class ProgramModelTests
{
    [Fact]
    public void GateInfoTables()
    {
        Assert.Equal(20, (int)GateKind.RZZ);
        Assert.Equal(9, (int)GateKind.SX);
        Assert.Equal(15, (int)GateKind.Rot);
        foreach (var k in Enum.GetValues<GateKind>())
        {
            Assert.Equal((int)k >= 16 ? 2 : 1, GateInfo.TargetCount(k));
            int expectedAngles = k switch
            {
                GateKind.RX or GateKind.RY or GateKind.RZ or GateKind.P or GateKind.RXX or GateKind.RYY or GateKind.RZZ => 1,
                GateKind.U3 or GateKind.Rot => 3,
                _ => 0,
            };
            Assert.Equal(expectedAngles, GateInfo.AngleCount(k));
        }
        Assert.Equal("iswap", GateInfo.Name(GateKind.ISwap));
        Assert.Throws<ArgumentOutOfRangeException>(() => GateInfo.TargetCount((GateKind)(-1)));
    }

    [Fact]
    public void GateOpValidation()
    {
        Assert.Contains("expected 2", Assert.Throws<ArgumentException>(() => new GateOp(GateKind.Swap, [], [0], [])).Message);
        Assert.Contains("expected 1", Assert.Throws<ArgumentException>(() => new GateOp(GateKind.RX, [], [0], [])).Message);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new GateOp(GateKind.X, [1], [1], [])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GateOp(GateKind.X, [], [-1], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GateOp((GateKind)42, [], [0], []));
        Assert.Contains("non-finite", Assert.Throws<ArgumentException>(() => new GateOp(GateKind.P, [], [0], [double.PositiveInfinity])).Message);
        var controls = new[] { 2 };
        var op = new GateOp(GateKind.P, controls, [0], [0.3], true, "f.qc(1,2)");
        controls[0] = 9; // defensive copy
        Assert.Equal([2], op.Controls);
        Assert.Equal("inv @ cp(0.3) q2, q0", op.ToString());
    }

    [Fact]
    public void ReadoutTermValidationAndLengths()
    {
        Assert.Equal(6, new ReadoutTerm(ReadoutKind.ExpvalEach, "XZ", [0, 1, 2]).Length);
        Assert.Equal("xz", new ReadoutTerm(ReadoutKind.ExpvalEach, "XZ", [0]).Axes);
        Assert.Equal(1, new ReadoutTerm(ReadoutKind.PauliString, "xi", [0, 1]).Length);
        Assert.Equal(8, new ReadoutTerm(ReadoutKind.Probabilities, "", [2, 0, 1]).Length);
        Assert.Equal(16, new ReadoutTerm(ReadoutKind.State, "", [0, 1, 2]).Length);
        Assert.Throws<ArgumentException>(() => new ReadoutTerm(ReadoutKind.ExpvalEach, "a", [0]));
        Assert.Throws<ArgumentException>(() => new ReadoutTerm(ReadoutKind.PauliString, "x", [0, 1]));
        Assert.Throws<ArgumentException>(() => new ReadoutTerm(ReadoutKind.Probabilities, "", []));
        Assert.Throws<ArgumentException>(() => new ReadoutTerm(ReadoutKind.Probabilities, "", [1, 1]));
        Assert.Throws<ArgumentException>(() => new ReadoutTerm(ReadoutKind.State, "", [1, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadoutTerm((ReadoutKind)9, "", [0]));
    }

    [Fact]
    public void CircuitProgramValidation()
    {
        ParameterArrayInfo[] arrays = [new("a", [2], 0), new("b", [3, 2], 2)];
        var ok = new CircuitProgram("ok", 3, arrays, new AmplitudeInputInfo("x", 8), [new GateOp(GateKind.RX, [], [2], [ParamExpr.Param(7)])],
            [new ReadoutTerm(ReadoutKind.ExpvalEach, "z", [0]), new ReadoutTerm(ReadoutKind.State, "", [0, 1, 2])]);
        Assert.Equal(8, ok.ParameterCount);
        Assert.Equal(8, ok.Dimension);
        Assert.Equal(17, ok.ReadoutLength);

        Assert.Contains("expected 1 to 30", Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitProgram("z", 0, [], null, [], [])).Message);
        Assert.Contains("offset 3; expected 2", Assert.Throws<ArgumentException>(() => new CircuitProgram("o", 1, [new("a", [2], 0), new("b", [1], 3)], null, [], [])).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new CircuitProgram("d", 1, [new("a", [1], 0), new("a", [1], 1)], null, [], [])).Message);
        Assert.Contains("expected 1 to 2^2 = 4", Assert.Throws<ArgumentException>(() => new CircuitProgram("i", 2, [], new AmplitudeInputInfo("x", 5), [], [])).Message);
        Assert.Contains("uses qubit 3", Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitProgram("q", 3, [], null, [new GateOp(GateKind.X, [], [3], [], false, "f.qc(2,2)")], [])).Message);
        Assert.Contains("f.qc(2,2)", Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitProgram("q", 3, [], null, [new GateOp(GateKind.X, [], [3], [], false, "f.qc(2,2)")], [])).Message);
        Assert.Contains("uses parameter 2", Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitProgram("p", 1, [new("a", [2], 0)], null, [new GateOp(GateKind.RZ, [], [0], [ParamExpr.Param(2)])], [])).Message);
        Assert.Contains("uses qubit 5", Assert.Throws<ArgumentOutOfRangeException>(() => new CircuitProgram("r", 2, [], null, [], [new ReadoutTerm(ReadoutKind.Probabilities, "", [5])])).Message);
        var completed = new CircuitProgram("st", 2, [], null, [], [new ReadoutTerm(ReadoutKind.State, "", [])]);
        Assert.Equal([0, 1], completed.Readouts[0].Qubits);
        Assert.Equal(8, completed.Readouts[0].Length);
        Assert.Equal(8, completed.ReadoutLength);
        Assert.Contains("all 3 qubits", Assert.Throws<ArgumentException>(() => new CircuitProgram("s", 3, [], null, [], [new ReadoutTerm(ReadoutKind.State, "", [0, 1])])).Message);
    }

    [Fact]
    public void ParameterArrayInfoSize()
    {
        Assert.Equal(24, new ParameterArrayInfo("w", [2, 3, 4], 0).Size);
        Assert.Equal(1, new ParameterArrayInfo("s", [], 0).Size);
        Assert.Throws<ArgumentException>(() => new ParameterArrayInfo("z", [2, 0], 0));
        Assert.Equal(new ParameterArrayInfo("w", [2, 3], 4), new ParameterArrayInfo("w", new List<int> { 2, 3 }, 4));
        Assert.Equal(new ParameterArrayInfo("w", [2, 3], 4).GetHashCode(), new ParameterArrayInfo("w", [2, 3], 4).GetHashCode());
        Assert.NotEqual(new ParameterArrayInfo("w", [2, 3], 4), new ParameterArrayInfo("w", [3, 2], 4));
    }

    [Fact]
    public void QuantumCircuitExposesProgramFacts()
    {
        var program = new CircuitProgram("facts", 3, [new("w", [4], 0)], new AmplitudeInputInfo("x", 6), [], [new ReadoutTerm(ReadoutKind.ExpvalEach, "xy", [0, 2])]);
        var c = new QuantumCircuit(program);
        Assert.Same(program, c.Program);
        Assert.Equal("facts", c.Name);
        Assert.Equal(3, c.QubitCount);
        Assert.Equal(8, c.Dimension);
        Assert.Equal(4, c.ParameterCount);
        Assert.Equal(4, c.ReadoutLength);
        Assert.Equal(6, c.InputLength);
        Assert.Throws<ArgumentNullException>(() => new QuantumCircuit(null!));
    }
}
