using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Emit;

namespace QCircuitDsl.Generators.Tests;

/// <summary>The emitted C# of every example circuit, compared with committed baselines.</summary>
public sealed class EmittedCodeSnapshotTests
{
    public static IEnumerable<object[]> ExampleFiles() =>
        Directory.GetFiles(RepositoryPaths.ExampleCircuits, "*.qc").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { f! });

    private static IReadOnlyList<GeneratedSource> EmitAll()
    {
        // All examples compile together: amplitude_projection calls strongly_entangling.
        var files = Directory.GetFiles(RepositoryPaths.ExampleCircuits, "*.qc")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f)));
        var compilation = QcCompilation.Create(files);
        Assert.Empty(compilation.Diagnostics);
        return CSharpEmitter.Emit(compilation, "QCircuitDsl.Examples.Circuits");
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Emitted_code_matches_snapshot(string file)
    {
        var source = EmitAll().Single(s => s.HintName == CSharpEmitter.HintName(file));
        SnapshotAssert.Matches(Path.GetFileNameWithoutExtension(file), source.Text, "cs");
    }

    [Fact]
    public void Every_example_file_has_a_snapshot_and_no_stale_ones_remain()
    {
        var expected = ExampleFiles().Select(f => Path.GetFileNameWithoutExtension((string)f[0]) + ".verified.cs").OrderBy(x => x).ToArray();
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "QCircuitDsl.Generators.Tests", "Snapshots");
        var actual = Directory.GetFiles(folder, "*.verified.cs").Select(Path.GetFileName).OrderBy(x => x).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_with_four_or_more_qubits_at_its_defaults_carries_its_fused_kernel(string file)
    {
        var text = EmitAll().Single(s => s.HintName == CSharpEmitter.HintName(file)).Text;
        var defaults = QcCompilation.Create(Directory.GetFiles(RepositoryPaths.ExampleCircuits, "*.qc")
                .Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f))))
            .DefaultInstances.Where(kv => kv.Key.FilePath == file).Select(kv => kv.Value).ToList();
        Assert.NotEmpty(defaults);
        foreach (var instance in defaults)
        {
            bool expected = instance.QubitCount >= 4;
            Assert.Equal(expected, text.Contains("private sealed class " + Names.KernelClassName(instance) + " : global::QCircuitDsl.Quantum.Kernels.SpecializedKernel"));
            Assert.Equal(expected, text.Contains($"// block 0 ({file}:"));
            Assert.Equal(expected, text.Contains("public override void Backward<T>("));
        }
    }

    [Fact]
    public void Emission_is_deterministic()
    {
        var first = EmitAll();
        var second = EmitAll();
        Assert.Equal(first.Select(s => s.Text), second.Select(s => s.Text));
    }
}
