using System.IO.Compression;
using System.Xml.Linq;

namespace QCircuitDsl.Packaging.Tests;

/// <summary>The packages as a user gets them: their layout, and a project outside the repository that restores, builds and runs them.</summary>
public sealed class PackagingTests : IClassFixture<PackagedConsumerFixture>
{
    private readonly PackagedConsumerFixture _fixture;

    public PackagingTests(PackagedConsumerFixture fixture)
    {
        _fixture = fixture;
        Assert.True(fixture.Failure is null, fixture.Failure);
    }

    [Fact]
    public void Generator_package_carries_the_analyzer_and_its_dependencies_and_no_lib()
    {
        var entries = Entries("QCircuitDsl.Generators");
        foreach (var dll in new[] { "QCircuitDsl.Generators.dll", "QCircuitDsl.Compiler.dll", "Antlr4.Runtime.Standard.dll" })
        {
            Assert.Contains("analyzers/dotnet/cs/" + dll, entries);
        }

        Assert.Contains("build/QCircuitDsl.Generators.props", entries);
        Assert.Contains("buildTransitive/QCircuitDsl.Generators.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        var metadata = Nuspec("QCircuitDsl.Generators");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void Generator_props_make_qc_files_additional_files_and_the_root_namespace_visible()
    {
        using var zip = ZipFile.OpenRead(_fixture.Package("QCircuitDsl.Generators"));
        using var reader = new StreamReader(zip.GetEntry("build/QCircuitDsl.Generators.props")!.Open());
        var props = XDocument.Parse(reader.ReadToEnd());
        Assert.Contains(props.Descendants(), e => e.Name.LocalName == "AdditionalFiles" && (string?)e.Attribute("Include") == "**/*.qc");
        Assert.Contains(props.Descendants(), e => e.Name.LocalName == "CompilerVisibleProperty" && (string?)e.Attribute("Include") == "RootNamespace");
    }

    [Fact]
    public void Runtime_packages_hold_their_assemblies_and_Runtime_depends_on_Quantum_at_the_same_version()
    {
        Assert.Contains("lib/net10.0/QCircuitDsl.Quantum.dll", Entries("QCircuitDsl.Quantum"));
        Assert.Contains("lib/net10.0/QCircuitDsl.Runtime.dll", Entries("QCircuitDsl.Runtime"));
        var quantum = Nuspec("QCircuitDsl.Runtime").Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "QCircuitDsl.Quantum");
        Assert.Equal(_fixture.Version, (string?)quantum.Attribute("version"));
    }

    [Fact]
    public void Consumer_outside_the_repository_builds_a_qc_file_from_the_packages_and_runs_it()
    {
        Assert.True(_fixture.RunExitCode == 0, _fixture.RunOutput);
        var lines = _fixture.RunOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        // RootNamespace reached the generator: no 'namespace' line in packaged.qc.
        Assert.Contains("class: Consumer.Circuits.Packaged", lines);

        // <Z0> = cos 1, <Z1> = cos² 1 for RY(1)⊗RY(1) then CNOT.
        string expected = "readouts: " + string.Join(" ", new[] { Math.Cos(1), Math.Cos(1) * Math.Cos(1) }.Select(v => v.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(expected, lines);
    }

    [Fact]
    public void Consumer_restored_the_packed_versions_and_got_no_compiler_assemblies_in_its_output()
    {
        var assets = File.ReadAllText(Path.Combine(_fixture.Consumer, "obj", "project.assets.json"));
        foreach (var id in new[] { "QCircuitDsl.Quantum", "QCircuitDsl.Runtime", "QCircuitDsl.Generators" })
        {
            Assert.Contains($"\"{id}/{_fixture.Version}\"", assets);
        }

        Assert.True(File.Exists(Path.Combine(_fixture.OutputDirectory, "QCircuitDsl.Quantum.dll")), "the runtime assembly is copied to the output");
        foreach (var dll in new[] { "QCircuitDsl.Generators.dll", "QCircuitDsl.Compiler.dll", "Antlr4.Runtime.Standard.dll" })
        {
            Assert.False(File.Exists(Path.Combine(_fixture.OutputDirectory, dll)), $"{dll} must stay an analyzer, not a reference");
        }
    }

    private List<string> Entries(string id)
    {
        using var zip = ZipFile.OpenRead(_fixture.Package(id));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private XElement Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(_fixture.Package(id));
        using var reader = new StreamReader(zip.GetEntry(id + ".nuspec")!.Open());
        return XDocument.Parse(reader.ReadToEnd()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
