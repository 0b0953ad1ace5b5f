namespace Backprop.Runner.Parent;

/// <summary>What <c>run</c> was asked to do.</summary>
/// <param name="Paths">Notebook files or folders (a folder means its <c>*.ipynb</c>, by name).</param>
/// <param name="OutputFolder">Where executed copies go.</param>
/// <param name="Update">Write outputs back into the sources (only when every notebook passed).</param>
/// <param name="Check">Compare new outputs with the stored ones.</param>
/// <param name="CellTimeout">How long one cell may run.</param>
/// <param name="Parallel">How many notebooks run at once (each in its own process); 0 means one per processor.</param>
public sealed record RunOptions(IReadOnlyList<string> Paths, string OutputFolder, bool Update, bool Check, TimeSpan CellTimeout, int Parallel = 0)
{
    /// <summary>The number of notebooks that run at once: <see cref="Parallel"/>, or one per processor.</summary>
    public int Workers => Parallel > 0 ? Parallel : Environment.ProcessorCount;
}
