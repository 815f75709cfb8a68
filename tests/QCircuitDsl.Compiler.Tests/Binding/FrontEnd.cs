using QCircuitDsl.Compiler.Binding;
using QCircuitDsl.Compiler.Diagnostics;
using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Compiler.Lowering;

namespace QCircuitDsl.Compiler.Tests.Binding;

/// <summary>Small helpers shared by the binder and lowering tests.</summary>
public static class FrontEnd
{
    public const string File = "test.qc";

    public static QcCompilation Compile(string source) => QcCompilation.Create(File, source);

    public static QcCompilation Compile(params (string Path, string Text)[] files) =>
        QcCompilation.Create(files.Select(f => new SourceFile(f.Path, f.Text)));

    public static string Dump(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    /// <summary>Compiles, asserts there are no errors, and returns the circuit lowered at its defaults (or at <paramref name="args"/>).</summary>
    public static IrCircuit Lower(string source, string circuit, params (string Name, long Value)[] args)
    {
        var compilation = Compile(source);
        Assert.False(compilation.HasErrors, Dump(compilation.Diagnostics));
        var result = compilation.Lower(circuit, args.ToDictionary(a => a.Name, a => a.Value));
        Assert.True(result.Success, Dump(result.Diagnostics));
        return result.Circuit!;
    }

    /// <summary>The repository's examples/circuits folder, found by walking up from the test binaries.</summary>
    public static string ExamplesDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "examples", "circuits");
                if (Directory.Exists(candidate) && System.IO.File.Exists(Path.Combine(candidate, "sim14.qc")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("examples/circuits not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Example(string name) => System.IO.File.ReadAllText(Path.Combine(ExamplesDirectory, name));

    /// <summary>A compact, comparable description of a gate: "crx c=3 t=0 a=[p4]".</summary>
    public static string Describe(IrGate g) =>
        $"{g.Kind}{(g.Adjoint ? "†" : "")} c=[{string.Join(",", g.Controls)}] t=[{string.Join(",", g.Targets)}] a=[{string.Join(";", g.Angles.Select(a => a.ToString()))}]";
}
