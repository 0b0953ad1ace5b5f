namespace Backprop.Notebooks;

/// <summary>Somewhere a live view can be shown and replaced in place.</summary>
public interface ILiveDisplay
{
    /// <summary>Replaces what is shown with <paramref name="view"/>.</summary>
    void Show(IView view);
}

/// <summary>
/// The notebook's output area: the first <see cref="Show"/> publishes a display
/// (DisplayedValueProduced), later ones an update of it (DisplayedValueUpdated), both carrying the
/// same value id, so a front end (VS Code, the runner) replaces the output in place while the cell
/// runs. The events are published here rather than through <c>display(…)</c>, whose update does
/// not carry the id of the display it updates in this kernel build. Kept in its own class so that
/// nothing loads the kernel's assembly outside a notebook.
/// </summary>
internal sealed class KernelDisplay : ILiveDisplay
{
    private static readonly string[] MimeTypes = ["text/html", "text/plain"];
    private readonly string valueId = Guid.NewGuid().ToString("N");
    private bool shown;

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
        var context = Microsoft.DotNet.Interactive.KernelInvocationContext.Current;
        if (context is null) return; // the cell has finished: nowhere to show it
        var formatted = Microsoft.DotNet.Interactive.Formatting.FormattedValue.CreateManyFromObject(view, MimeTypes);
        context.Publish(shown
            ? new Microsoft.DotNet.Interactive.Events.DisplayedValueUpdated(view, valueId, context.Command, formatted)
            : new Microsoft.DotNet.Interactive.Events.DisplayedValueProduced(view, context.Command, formatted, valueId));
        shown = true;
    }
}
