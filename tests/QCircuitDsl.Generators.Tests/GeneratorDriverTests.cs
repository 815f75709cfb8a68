using Microsoft.CodeAnalysis;

namespace QCircuitDsl.Generators.Tests;

/// <summary>The generator run by Roslyn's driver: output compiles, errors land in the .qc file, it never throws.</summary>
public sealed class GeneratorDriverTests
{
    private const string Bell = """
        circuit bell() {
            qubit[2] q;
            h q[0];
            cx q[0], q[1];
            readout probs q;
        }
        """;

    [Fact]
    public void Generates_a_class_per_circuit_that_compiles()
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/bell.qc", Bell));
        Assert.Empty(diagnostics);
        var generated = Assert.Single(result.GeneratedTrees);
        Assert.EndsWith("bell.qc.g.cs", generated.FilePath);
        Assert.Contains("public sealed partial class Bell : global::QCircuitDsl.Quantum.QuantumCircuit", generated.ToString());
        Assert.Contains("namespace Consumer.Circuits", generated.ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Example_circuits_all_generate_and_compile()
    {
        var files = Directory.GetFiles(RepositoryPaths.ExampleCircuits, "*.qc")
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f, File.ReadAllText(f))).ToArray();
        var (output, diagnostics, result) = GeneratorHarness.Run(files);
        Assert.Empty(diagnostics);
        Assert.Equal(files.Length, result.GeneratedTrees.Length);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Qc_errors_become_build_errors_located_in_the_qc_file()
    {
        const string bad = "circuit c() {\n    qubit[2] q;\n    foo q[0];\n    cx q[0], q[0];\n}\n";
        var (_, diagnostics, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/bad.qc", bad));
        Assert.Empty(result.GeneratedTrees);
        var unknown = Assert.Single(diagnostics, d => d.Id == "QC1001");
        Assert.Equal(DiagnosticSeverity.Error, unknown.Severity);
        var span = unknown.Location.GetLineSpan();
        Assert.Equal("/src/bad.qc", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line); // 0-based: line 3
        Assert.Equal(4, span.StartLinePosition.Character);
        Assert.Contains("unknown gate or circuit 'foo'", unknown.GetMessage());
        Assert.Contains(diagnostics, d => d.Id == "QC2005");
    }

    [Fact]
    public void Warnings_are_reported_as_warnings()
    {
        const string unused = "circuit c() {\n    qubit[1] q;\n    param w[2];\n    h q[0];\n}\n";
        var (_, diagnostics, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/w.qc", unused));
        var warning = Assert.Single(diagnostics);
        Assert.Equal("QC9001", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Single(result.GeneratedTrees);
    }

    [Fact]
    public void Files_that_are_not_qc_are_ignored()
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/notes.txt", "circuit nonsense"));
        Assert.Empty(diagnostics);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void An_internal_failure_becomes_a_diagnostic_instead_of_an_exception()
    {
        // A null text makes the parser throw inside the compiler: the generator must catch it.
        var files = System.Collections.Immutable.ImmutableArray.Create(new QcFileSpec("/src/broken.qc", null!));
        var spec = QcSourceGenerator.Compile(files, "Consumer", CancellationToken.None);
        var d = Assert.Single(spec.Diagnostics);
        Assert.Equal("QC3002", d.Id);
        Assert.Equal("/src/broken.qc", d.FilePath);
        Assert.Contains("internal error", d.Message);
        Assert.Equal(0, spec.Sources.Count);
    }

    [Fact]
    public void Circuits_in_a_namespace_declaration_use_it()
    {
        var (_, _, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/n.qc", "namespace My.Lab;\n" + Bell));
        Assert.Contains("namespace My.Lab", result.GeneratedTrees.Single().ToString());
    }
}

public sealed class GeneratorLayerTests
{
    private const string Source = """
        circuit cell(int n = 2) {
            qubit[n] q;
            param theta[n];
            for int i in [0 : n - 1] ry(theta[i]) q[i];
            readout expval(z) each q;
        }
        layer rnn(int n = 2, int width = 3, int hidden = 4) {
            memory cell(n);
            drive theta from controller(hidden, relu);
            inputs width;
        }
        """;

    [Fact]
    public void Without_QCircuitDsl_Models_a_layer_is_a_located_error_and_circuits_still_generate()
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(new InMemoryAdditionalText("/src/rnn.qc", Source));
        var d = Assert.Single(diagnostics);
        Assert.Equal("QC3003", d.Id);
        Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("class Rnn", result.GeneratedTrees.Single().ToString());
        Assert.Contains("class Cell", result.GeneratedTrees.Single().ToString());
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void With_QCircuitDsl_Models_the_layer_class_derives_from_the_cell()
    {
        var files = System.Collections.Immutable.ImmutableArray.Create(new QcFileSpec("/src/rnn.qc", Source));
        var spec = QcSourceGenerator.Compile(files, "Consumer", CancellationToken.None, layersSupported: true);
        Assert.Equal(0, spec.Diagnostics.Count);
        var text = spec.Sources.Single().Text;
        Assert.Contains("public sealed partial class Rnn : global::QCircuitDsl.Models.Qrnn.QrnnCell", text);
        Assert.Contains("global::QCircuitDsl.Models.Qrnn.ControllerActivation.Relu", text);
        Assert.Contains("new global::Consumer.Cell(", text);
    }
}
