using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Tooling.Qasm;
using static QCircuitDsl.Cli.Tests.Qasm.QasmTestSupport;

namespace QCircuitDsl.Cli.Tests.Qasm;

/// <summary>.qc → OpenQASM 3 → .qc → lower → simulate gives the original state, for every example and every gate form.</summary>
public sealed class QasmRoundTripTests
{
    /// <summary>Every example circuit that can be exported (those without 'encode'), with its default arguments.</summary>
    public static TheoryData<string> ExampleCircuits()
    {
        var data = new TheoryData<string>();
        foreach (var (symbol, ir) in CompileExamples().DefaultInstances.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
        {
            if (ir.Input is null)
            {
                data.Add(symbol.Name);
            }
        }

        return data;
    }

    [Fact]
    public void The_examples_offer_the_circuits_the_brief_names()
    {
        var names = ((IEnumerable<object[]>)ExampleCircuits()).Select(row => (string)row[0]).ToList();
        Assert.True(names.Count >= 22, string.Join(", ", names));
        Assert.Contains("bell", names);
        Assert.Contains("sim19", names);
        Assert.Contains("strongly_entangling", names);
        Assert.DoesNotContain("amplitude_projection", names);
    }

    [Theory]
    [MemberData(nameof(ExampleCircuits))]
    public void Symbolic_round_trip_keeps_parameter_arrays_and_the_state(string name)
    {
        var original = Lower(CompileExamples(), name);
        var qasm = QasmExporter.Export(original);
        var imported = Lower(QasmImporter.Import(qasm, name), name);

        // export-qasm writes theta_0_3 scalars; import-qasm regroups them into the original arrays.
        Assert.Equal(original.ParameterArrays.Select(a => (a.Name, string.Join("x", a.Shape))), imported.ParameterArrays.Select(a => (a.Name, string.Join("x", a.Shape))));
        for (int seed = 1; seed <= 3; seed++)
        {
            var p = RandomParameters(original, seed);
            AssertSameState(State(original, p), State(imported, p), $"{name}, seed {seed}");
        }
    }

    [Theory]
    [MemberData(nameof(ExampleCircuits))]
    public void Concrete_round_trip_keeps_the_state(string name)
    {
        var original = Lower(CompileExamples(), name);
        var p = RandomParameters(original, 42);
        var flat = QCircuitDsl.Tooling.Simulator.FlattenParameters(original, p);
        var qasm = QasmExporter.Export(original, new QasmExportOptions(flat));
        Assert.DoesNotContain("input ", qasm);
        var imported = Lower(QasmImporter.Import(qasm, name), name);
        Assert.Equal(0, imported.ParameterCount);
        AssertSameState(State(original, p), State(imported, new Dictionary<string, double[]>()), name);
    }

    [Theory]
    [InlineData("sim14", 3, 2)]
    [InlineData("strongly_entangling", 5, 3)]
    [InlineData("sim05", 2, 2)]
    public void Round_trip_with_other_arguments(string name, long n, long layers)
    {
        var args = new Dictionary<string, long> { ["n"] = n, ["layers"] = layers };
        var original = Lower(CompileExamples(), name, args);
        var imported = Lower(QasmImporter.Import(QasmExporter.Export(original), name), name);
        var p = RandomParameters(original, 7);
        AssertSameState(State(original, p), State(imported, p), name);
    }

    /// <summary>Every gate kind with controls and inverses, including those exported through gate definitions.</summary>
    [Fact]
    public void Every_gate_form_round_trips()
    {
        const string qc = """
            circuit all_gates() {
                qubit[4] q;
                param a[12];
                h q; ry(a[0]) q[0]; rx(a[1]) q[1]; u3(a[2], a[3], a[4]) q[2]; rot(a[5], a[6], a[7]) q[3];
                id q[0]; x q[1]; y q[2]; z q[3]; s q[0]; sdg q[1]; t q[2]; tdg q[3]; sx q[0]; inv @ sx q[1];
                rz(2 * a[8] - 0.5) q[2]; p(a[9]) q[3];
                cx q[0], q[1]; cy q[1], q[2]; cz q[2], q[3]; ch q[3], q[0]; swap q[0], q[2]; cswap q[1], q[0], q[3];
                crx(a[10]) q[0], q[3]; cry(a[11]) q[1], q[2]; crz(-a[0]) q[2], q[1]; cp(a[1] + pi / 3) q[3], q[0]; ccx q[0], q[1], q[2];
                iswap q[0], q[1]; inv @ iswap q[2], q[3]; ctrl @ iswap q[0], q[2], q[3];
                rxx(a[2]) q[0], q[3]; ryy(a[3]) q[1], q[2]; rzz(a[4]) q[2], q[0]; ctrl(2) @ rzz(a[5]) q[0], q[1], q[2], q[3];
                ctrl @ ryy(a[6]) q[3], q[0], q[1]; ctrl @ rxx(a[7]) q[2], q[1], q[3];
                ctrl @ rot(a[8], a[9], a[10]) q[1], q[0]; inv @ rot(a[8], a[9], a[10]) q[2]; ctrl @ u3(a[0], a[1], a[2]) q[0], q[3];
                ctrl @ sx q[2], q[1]; ctrl @ inv @ sx q[1], q[3]; ctrl(2) @ h q[0], q[1], q[2]; ctrl(3) @ x q[0], q[1], q[2], q[3];
                ctrl @ swap q[3], q[1], q[2]; inv @ s q[0]; inv @ t q[1]; ctrl(2) @ p(a[11]) q[3], q[2], q[1];
                ctrl @ cy q[0], q[1], q[2]; ctrl @ crz(a[3]) q[3], q[2], q[0];
            }
            """;
        var original = Lower(qc, "all_gates");
        var qasm = QasmExporter.Export(original);
        foreach (var definition in new[] { "gate iswap", "gate rxx", "gate ryy", "gate rzz", "gate sxdg" })
        {
            Assert.Contains(definition, qasm);
        }

        var imported = Lower(QasmImporter.Import(qasm, "all_gates"), "all_gates");
        for (int seed = 1; seed <= 5; seed++)
        {
            var p = RandomParameters(original, seed);
            AssertSameState(State(original, p), State(imported, p), $"seed {seed}\n{qasm}");
        }
    }
}
