using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Backprop.Runner.Child;

/// <summary>
/// What the parent sends a child on standard input: the code cells of one notebook.
/// </summary>
/// <param name="Cells">The code cells in notebook order.</param>
public sealed record ExecutionRequest(IReadOnlyList<CellSource> Cells);

/// <summary>One code cell to execute.</summary>
/// <param name="Cell">The cell's 1-based position among all cells of the notebook.</param>
/// <param name="Source">The cell's code.</param>
public sealed record CellSource(int Cell, string Source);

/// <summary>
/// One line the child writes to its protocol stream (its raw standard output). The kinds, in the
/// order they occur: <c>kernel-ready</c>; per cell <c>cell-started</c> then <c>cell-finished</c>
/// (with outputs, or an error); <c>outputs-updated</c> when a display in an earlier cell changed;
/// finally <c>done</c>.
/// </summary>
public sealed record ChildMessage
{
    /// <summary>The message kind (see the type's summary).</summary>
    public required string Kind { get; init; }

    /// <summary>The cell's 1-based position among all cells, for cell messages.</summary>
    public int? Cell { get; init; }

    /// <summary>Milliseconds spent (kernel creation, or the cell's execution).</summary>
    public long? Milliseconds { get; init; }

    /// <summary>The cell's execution count, for <c>cell-finished</c>.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The cell's Jupyter outputs, for <c>cell-finished</c> and <c>outputs-updated</c>.</summary>
    public JsonArray? Outputs { get; init; }

    /// <summary>Why the cell failed, in words; null when it succeeded.</summary>
    public string? Error { get; init; }
}

/// <summary>The message kinds and the one JSON shape both sides use.</summary>
public static class ChildProtocol
{
    /// <summary>The kernel was created; <see cref="ChildMessage.Milliseconds"/> says how long it took.</summary>
    public const string KernelReady = "kernel-ready";

    /// <summary>A cell was sent to the kernel; the parent's timeout clock starts.</summary>
    public const string CellStarted = "cell-started";

    /// <summary>A cell completed, successfully or not.</summary>
    public const string CellFinished = "cell-finished";

    /// <summary>A display in an already finished cell was updated.</summary>
    public const string OutputsUpdated = "outputs-updated";

    /// <summary>All cells ran (or the first failure stopped the run); the child exits next.</summary>
    public const string Done = "done";

    /// <summary>Compact camelCase JSON, one message per line.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>Serializes a message to one line (JSON escapes every newline inside strings).</summary>
    public static string ToLine(ChildMessage message) => JsonSerializer.Serialize(message, Json);

    /// <summary>Parses a protocol line; null for anything else the child process printed.</summary>
    public static ChildMessage? TryParse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ChildMessage>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
