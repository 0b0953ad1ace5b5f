using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Backprop.Runner.Child;

/// <summary>
/// Builds the kernel a notebook runs in: what VS Code's C# kernel offers a notebook
/// (<c>#r "nuget:"</c>, the kernel helpers such as <c>display</c>, value sharing, <c>#!import</c>)
/// and nothing of the runner's own (no engine, no Plotly: notebooks load those themselves).
/// </summary>
public static class KernelFactory
{
    /// <summary>Creates a composite kernel whose default (and only language) kernel is C#.</summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(PackageLoader.OnPackagesAddedAsync)
            .UseKernelHelpers()
            .UseValueSharing();

        var composite = new CompositeKernel().UseImportMagicCommand();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }
}
