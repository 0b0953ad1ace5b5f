using Backprop.Runner.Notebooks;

namespace Backprop.Runner.Parent;

/// <summary>How a notebook's run ended.</summary>
public enum RunStatus
{
    /// <summary>Every code cell succeeded (and, with --check, matched its stored outputs).</summary>
    Passed,

    /// <summary>A cell failed: compile error or exception.</summary>
    Failed,

    /// <summary>A cell ran longer than the timeout; the child was killed.</summary>
    TimedOut,

    /// <summary>The child process died (stack overflow, out of memory, ...).</summary>
    Crashed,

    /// <summary>The file could not be run at all (invalid JSON, not a notebook, another kernel).</summary>
    Invalid,

    /// <summary>Every cell succeeded but --check found outputs that differ from the stored ones.</summary>
    Differs,
}

/// <summary>The outcome of one notebook.</summary>
public sealed class NotebookRun
{
    /// <summary>The notebook's file name.</summary>
    public required string Name { get; init; }

    /// <summary>The notebook, when it could be read.</summary>
    public NotebookFile? Notebook { get; init; }

    /// <summary>How the run ended.</summary>
    public RunStatus Status { get; set; }

    /// <summary>The problems found, each a complete message starting with the notebook's name.</summary>
    public List<string> Messages { get; } = [];

    /// <summary>The executed cells' results by cell number.</summary>
    public Dictionary<int, CellResult> Results { get; } = [];

    /// <summary>How many code cells the notebook has.</summary>
    public int CodeCellCount { get; init; }

    /// <summary>Wall-clock seconds, child start to exit.</summary>
    public double Seconds { get; set; }

    /// <summary>Milliseconds the child reported for creating its kernel.</summary>
    public long? KernelMilliseconds { get; set; }

    /// <summary>
    /// True when --update wrote the source back in the standard layout because it was laid out
    /// differently: more than its outputs changed.
    /// </summary>
    public bool Reformatted { get; set; }
}
