namespace Backprop.Runner.Parent;

/// <summary>Where the parent reports progress: a live display on a terminal, plain lines otherwise.</summary>
public interface IProgressSink
{
    /// <summary>A notebook's child process is starting.</summary>
    void NotebookStarted(string name, int codeCells);

    /// <summary>A code cell was sent to the kernel.</summary>
    /// <param name="name">The notebook.</param>
    /// <param name="cell">The cell's position among all cells (1-based).</param>
    /// <param name="index">The cell's position among code cells (1-based).</param>
    /// <param name="codeCells">How many code cells the notebook has.</param>
    void CellStarted(string name, int cell, int index, int codeCells);

    /// <summary>A notebook is done.</summary>
    void NotebookFinished(NotebookRun run);
}
