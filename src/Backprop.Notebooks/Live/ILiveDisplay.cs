namespace Backprop.Notebooks;

/// <summary>Somewhere a live view can be shown and replaced in place.</summary>
public interface ILiveDisplay
{
    /// <summary>Replaces what is shown with <paramref name="view"/>.</summary>
    void Show(IView view);
}

/// <summary>
/// The notebook's output area: the first <see cref="Show"/> calls .NET Interactive's
/// <c>display(…)</c>, later ones update that same output (DisplayedValueUpdated), so the chart
/// changes in place while the cell runs. Kept in its own class so that nothing loads the kernel's
/// assembly outside a notebook.
/// </summary>
internal sealed class KernelDisplay : ILiveDisplay
{
    private Microsoft.DotNet.Interactive.Formatting.DisplayedValue? displayed;

    /// <summary>A display in the running cell, or null outside a notebook kernel.</summary>
    public static ILiveDisplay? TryCreate()
    {
        try
        {
            return InKernel() ? new KernelDisplay() : null;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return null; // no kernel assembly: a console or a test
        }
    }

    private static bool InKernel() => Microsoft.DotNet.Interactive.KernelInvocationContext.Current is not null;

    public void Show(IView view)
    {
        if (displayed is null) displayed = Microsoft.DotNet.Interactive.Kernel.display(view);
        else displayed.Update(view);
    }
}
