using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Emit;
using QCircuitDsl.Compiler.Syntax;

namespace QCircuitDsl.Compiler.Tests.Binding;

/// <summary>
/// <c>specialize</c>: parsing, which instantiations get kernels, and what the kernel emitter writes for them (the
/// numbers are checked in tests/QCircuitDsl.Engines.Tests, where the generated code runs).
/// </summary>
public class SpecializationTests
{
    private const string Source = """
        specialize ring(6), ring(n = 8, reps = 2);

        circuit ring(int n = 4, int reps = 1) {
            qubit[n] q;
            param t[reps][n];
            for int r in [0 : reps - 1] {
                for int i in [0 : n - 1] ry(t[r][i]) q[i];
                for int i in [0 : n - 1] crx(-t[r][i]) q[i], q[(i + 1) % n];
            }
            rz(t[0][0]) q[0];
            rz(t[0][0]) q[0];
            rx(0.25) q[1];
        }
        """;

    [Fact]
    public void The_declaration_parses_into_targets_with_positional_and_named_arguments()
    {
        var parsed = SyntaxParser.Parse("a.qc", Source);
        Assert.Empty(parsed.Diagnostics);
        var declaration = Assert.IsType<SpecializeDeclarationSyntax>(parsed.Unit.Declarations[0]);
        Assert.Equal(new[] { "ring", "ring" }, declaration.Targets.Select(t => t.Circuit));
        Assert.Equal(new string?[] { null }, declaration.Targets[0].Arguments.Select(a => a.Name));
        Assert.Equal(new string?[] { "n", "reps" }, declaration.Targets[1].Arguments.Select(a => a.Name));
    }

    [Fact]
    public void Defaults_come_first_then_specializations_in_source_order_with_every_argument_resolved()
    {
        var compilation = FrontEnd.Compile(Source);
        Assert.False(compilation.HasErrors, FrontEnd.Dump(compilation.Diagnostics));
        Assert.Equal(new[] { "ring(n = 4, reps = 1)", "ring(n = 6, reps = 1)", "ring(n = 8, reps = 2)" }, compilation.KernelInstances.Select(k => k.Display));
        Assert.Equal(new[] { true, false, false }, compilation.KernelInstances.Select(k => k.IsDefault));
        Assert.Equal(8, compilation.KernelInstances[2].Instance.QubitCount);
    }

    [Fact]
    public void The_emitted_kernel_names_its_blocks_and_writes_each_gradient_with_its_coefficient()
    {
        var compilation = FrontEnd.Compile(Source);
        var text = Assert.Single(CSharpEmitter.Emit(compilation, "Test")).Text;
        Assert.Contains("public Ring(int @n = 4, int @reps = 1)", text);
        Assert.Contains(": base(BuildProgram(@n, @reps), SpecializedKernelFor(@n, @reps))", text);
        Assert.Contains("if (@n == 6 && @reps == 1)", text);
        Assert.Contains("return Kernel_n8_reps2.Instance;", text);
        Assert.Contains("private sealed class Kernel_n4_reps1 : global::QCircuitDsl.Quantum.Kernels.SpecializedKernel", text);
        // The controlled ring: one crx per block, comment with the .qc line, control=1 half only (the site has a control).
        Assert.Contains("// block 4 (test.qc:8): crx(-t[0][0]) q[0], q[1]", text);
        Assert.Contains("ForwardKernels.Rx(re, im, S4, -p[0]);", text);
        // ry(t[0][0]) then, after the ring, rz·rz merged by the passes into rz(2·t[0][0]) on the same site as the ry:
        // not adjacent (the ring touches q[0]), so they stay separate blocks; the merged rz keeps coefficient 2.
        Assert.Contains("ForwardKernels.Rz(re, im, S0, 2.0d * p[0]);", text);
        Assert.Contains("grad[0] += 2.0d * d;", text);
        Assert.Contains("grad[0] += -1.0d * d;", text);
        // A constant rotation is a precomputed matrix, uncomputed with its inverse.
        Assert.Contains("Matrix2.Of(global::QCircuitDsl.Quantum.GateKind.RX, true, 0.25d)", text);
    }

    [Fact]
    public void Same_site_gates_separated_only_by_gates_on_other_qubits_merge_into_one_block()
    {
        var compilation = FrontEnd.Compile("circuit m(int n = 4) { qubit[n] q; param t[2]; rx(t[0]) q[0]; h q[1]; rz(t[1]) q[0]; s q[2]; t q[2]; }");
        var text = Assert.Single(CSharpEmitter.Emit(compilation, "Test")).Text;
        Assert.Contains("// block 0 (test.qc:1): rx(t[0]) q[0]; rz(t[1]) q[0]", text);
        Assert.Contains("m = global::QCircuitDsl.Quantum.Kernels.Matrix2.Of(global::QCircuitDsl.Quantum.GateKind.RZ, false, p[1]) * m;", text);
        Assert.Contains("MatrixForm.General);", text);
        // s·t: a run of phase gates stays phase-only (touches half the state).
        Assert.Contains("// block 2 (test.qc:1): s q[2]; t q[2]", text);
        Assert.Contains("MatrixForm.Phase);", text);
    }
}
