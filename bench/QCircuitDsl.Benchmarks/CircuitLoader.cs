using QCircuitDsl.Compiler.Ir;
using QCircuitDsl.Quantum;
using QCircuitDsl.Tooling;

namespace QCircuitDsl.Benchmarks;

/// <summary>Compiles example .qc files (all of examples/circuits, so calls resolve) and lowers one circuit.</summary>
public static class CircuitLoader
{
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "QCircuitDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (QCircuitDsl.sln) above the current directory.");
    }

    public static (IrCircuit Ir, CircuitProgram Program) Load(string circuit, IReadOnlyDictionary<string, long> args)
    {
        var dir = Path.Combine(RepoRoot(), "examples", "circuits");
        var files = Directory.GetFiles(dir, "*.qc").Order().Select(f => new QCircuitDsl.Compiler.Binding.SourceFile(f, File.ReadAllText(f)));
        var compilation = QCircuitDsl.Compiler.Binding.QcCompilation.Create(files);
        var lowered = compilation.Lower(circuit, args);
        if (!lowered.Success) throw new InvalidOperationException(string.Join("\n", lowered.Diagnostics));
        return (lowered.Circuit!, IrProgramConverter.ToProgram(lowered.Circuit!));
    }
}
