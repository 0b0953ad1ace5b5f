using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace Backprop.Runner.Child;

/// <summary>
/// What happens after <c>#r "nuget:"</c> restored packages: their assemblies become references of
/// the C# kernel, and kernel extensions in each package's <c>interactive-extensions/dotnet</c>
/// folder are loaded, as the stock kernel does (Plotly.NET.Interactive registers its chart
/// formatter this way).
/// </summary>
public static class PackageLoader
{
    private static readonly HashSet<string> Loaded = new(StringComparer.Ordinal);

    /// <summary>The callback for <c>UseNugetDirective</c>: references, then extensions.</summary>
    public static async Task OnPackagesAddedAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(packages);
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        foreach (var package in packages)
        {
            var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                await LoadFromAssemblyAsync(dll, kernel.RootKernel);
            }
        }
    }

    private static async Task LoadFromAssemblyAsync(string dll, Kernel kernel)
    {
        // A package restored twice (a re-run cell) must not register its formatters twice.
        if (!Loaded.Add(Path.GetFullPath(dll)))
        {
            return;
        }

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        var extensionTypes = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
                        && typeof(IKernelExtension).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null);

        foreach (var type in extensionTypes)
        {
            var extension = (IKernelExtension)Activator.CreateInstance(type)!;
            await extension.OnLoadAsync(kernel);
            // Not a cell output (the stock kernel displays the machine-specific package path,
            // which would make --check differ between machines): the child's log instead.
            await ChildLog.WriteLineAsync($"loaded kernel extension {type.FullName} from {dll}");
        }
    }
}
