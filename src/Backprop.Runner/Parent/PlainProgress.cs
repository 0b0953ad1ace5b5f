using System.Globalization;

namespace Backprop.Runner.Parent;

/// <summary>Progress as plain lines, for CI logs and redirected output.</summary>
public sealed class PlainProgress(TextWriter writer) : IProgressSink
{
    // Notebooks run side by side: one line at a time, whole.
    private readonly Lock gate = new();

    /// <inheritdoc/>
    public void NotebookStarted(string name, int codeCells) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"{name}: starting ({codeCells} code cells)"));

    /// <inheritdoc/>
    public void CellStarted(string name, int cell, int index, int codeCells) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"{name}: cell {cell} ({index}/{codeCells})"));

    /// <inheritdoc/>
    public void NotebookFinished(NotebookRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kernel = run.KernelMilliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $" (kernel started in {ms / 1000.0:0.0} s)") : "";
        Write(string.Create(CultureInfo.InvariantCulture, $"{run.Name}: {Report.StatusText(run.Status)} in {run.Seconds:0.0} s{kernel}"));
    }

    private void Write(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
