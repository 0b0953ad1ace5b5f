using System.Reflection;
using System.Runtime.Loader;

namespace Backprop.Notebooks;

/// <summary>
/// What the shared setup (notebooks/setup.dib) runs once per kernel: the FSharp.Core workaround
/// that Plotly.NET needs, then the formatters that show the engine's objects as tables, diagrams
/// and charts. Safe to call again after a cell is re-run.
/// </summary>
public static class NotebookSetup
{
    private static int resolverInstalled;

    /// <summary>
    /// Prepares the kernel: installs <see cref="UseLoadedFSharpCore"/> and registers the HTML and
    /// plain-text formatters (<see cref="Formatters.Register"/>).
    /// </summary>
    public static void Initialize()
    {
        UseLoadedFSharpCore();
        Formatters.Register();
        // The first Plotly chart of a process spends a second or more compiling Plotly.NET's code;
        // do that on the other core while the learner reads, not when the first chart is due.
        _ = Task.Run(PlotlyFigure.WarmUp);
    }

    /// <summary>
    /// Plotly.NET 6 is compiled against FSharp.Core 10.1, the notebook kernels ship 10.0: without
    /// help the first chart fails with "Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'".
    /// When the default load context cannot resolve FSharp.Core, this hands it the FSharp.Core
    /// already loaded in the process (or the copy next to this DLL). Must run before any Plotly
    /// type is touched; installing it twice has no effect.
    /// </summary>
    public static void UseLoadedFSharpCore()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += ResolveFSharpCore;
        // The stock kernel has FSharp.Core loaded already (its F# kernel); a host with only a C#
        // kernel may not. Loading the host's own copy now means a later request for 10.1 finds
        // a loaded FSharp.Core to hand over, instead of failing on the host's older file.
        if (!AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "FSharp.Core"))
        {
            try
            {
                AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("FSharp.Core"));
            }
            catch (FileNotFoundException)
            {
                // No FSharp.Core in the host at all: the resolver falls back to the copy beside this DLL.
            }
        }
    }

    private static Assembly? ResolveFSharpCore(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core") return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == "FSharp.Core");
        if (loaded is not null) return loaded;
        var besideUs = Path.Combine(AppContext.BaseDirectory, "FSharp.Core.dll");
        var local = Path.Combine(Path.GetDirectoryName(typeof(NotebookSetup).Assembly.Location) ?? "", "FSharp.Core.dll");
        return File.Exists(local) ? context.LoadFromAssemblyPath(local)
            : File.Exists(besideUs) ? context.LoadFromAssemblyPath(besideUs) : null;
    }
}
