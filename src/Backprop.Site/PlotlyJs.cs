using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Backprop.Site;

/// <summary>
/// plotly.js for the offline site, taken from the copy Plotly.NET embeds in its assembly (the one
/// <c>PlotlyJSReference.Full</c> inlines). The build places Plotly.NET.dll in <c>plotly-js/</c>
/// beside Backprop.Site (so beside the runner, which references it) as plain data; it is read
/// with <see cref="PEReader"/>, never loaded, so the exporting process gains no Plotly types.
/// Nothing is downloaded at export time.
/// </summary>
public static class PlotlyJs
{
    /// <summary>Where the build copies the assembly that carries plotly.js.</summary>
    public static string DefaultAssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "plotly-js", "Plotly.NET.dll");

    /// <summary>
    /// Reads the embedded <c>plotly-X.Y.Z.min.js</c> and its licence text. Throws
    /// <see cref="FileNotFoundException"/> when the assembly is missing and
    /// <see cref="InvalidDataException"/> when it holds no plotly.js.
    /// </summary>
    public static (string Name, byte[] Script, byte[]? License) Read(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"plotly.js comes from Plotly.NET's assembly, expected at {assemblyPath}; build the runner (dotnet build src/Backprop.Runner) so it is copied there", assemblyPath);
        }

        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var resources = metadata.ManifestResources
            .Select(handle => metadata.GetManifestResource(handle))
            .Where(r => r.Implementation.IsNil)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Offset, StringComparer.Ordinal);
        var script = resources.Keys.FirstOrDefault(n => n.Contains("plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
                     ?? throw new InvalidDataException($"{assemblyPath} embeds no plotly-*.min.js");
        var license = resources.TryGetValue(script + ".LICENSE.txt", out var licenseOffset) ? Resource(pe, licenseOffset) : null;
        return (script[(script.IndexOf("plotly-", StringComparison.Ordinal))..], Resource(pe, resources[script]), license);
    }

    // A managed resource is a 4-byte little-endian length followed by the bytes, at the given
    // offset from the start of the CLI header's resources directory.
    private static byte[] Resource(PEReader pe, long offset)
    {
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        var block = pe.GetSectionData(directory.RelativeVirtualAddress);
        var reader = block.GetReader((int)offset, block.Length - (int)offset);
        var length = reader.ReadInt32();
        return reader.ReadBytes(length);
    }
}
