using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Runner.Child;

/// <summary>
/// The one place where kernel events become Jupyter outputs and failure reports. Subscribed to the
/// kernel for the whole notebook, so a display updated later (a live chart) is still caught; a
/// display update replaces the earlier display with the same display id, wherever it is.
/// </summary>
public sealed class OutputCapture
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (int Cell, JsonObject Output)> displays = new(StringComparer.Ordinal);
    private readonly Dictionary<int, JsonArray> outputsByCell = [];
    private readonly List<Diagnostic> errors = [];
    private readonly Action<int, JsonArray> onEarlierCellChanged;
    private KernelCommand? currentCommand;
    private int currentCell;
    private int currentExecutionCount;
    private CommandFailed? firstFailure;

    /// <summary>Creates a capture that reports changes to finished cells through the callback.</summary>
    /// <param name="earlierCellChanged">Called with a finished cell's number and its new outputs.</param>
    public OutputCapture(Action<int, JsonArray> earlierCellChanged) => onEarlierCellChanged = earlierCellChanged;

    /// <summary>Starts collecting for the command that is about to be sent for a cell.</summary>
    public void Begin(int cell, int executionCount, KernelCommand command)
    {
        lock (gate)
        {
            currentCell = cell;
            currentExecutionCount = executionCount;
            currentCommand = command;
            firstFailure = null;
            errors.Clear();
            outputsByCell[cell] = [];
        }
    }

    /// <summary>Handles every event the kernel publishes.</summary>
    public void OnEvent(KernelEvent kernelEvent)
    {
        lock (gate)
        {
            switch (kernelEvent)
            {
                case DisplayedValueUpdated updated:
                    Update(updated);
                    break;
                case ReturnValueProduced returned:
                    Current.Add(JupyterOutputs.ExecuteResult(returned.FormattedValues, currentExecutionCount));
                    break;
                case DisplayedValueProduced displayed:
                    Display(displayed);
                    break;
                case StandardOutputValueProduced stdout:
                    AppendStream("stdout", stdout.FormattedValues);
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream("stderr", stderr.FormattedValues);
                    break;
                case DiagnosticsProduced diagnostics when IsCurrent(diagnostics):
                    errors.AddRange(diagnostics.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
                    break;
                case CommandFailed failed when IsCurrent(failed):
                    firstFailure ??= failed;
                    break;
            }
        }
    }

    /// <summary>
    /// Ends the cell: the failure text (null on success) and the cell's outputs. The command's
    /// own result is consulted too, in case its completion event was not routed to the kernel's
    /// event stream.
    /// </summary>
    public (string? Error, JsonArray Outputs) End(KernelCommandResult result)
    {
        lock (gate)
        {
            firstFailure ??= result.Events.OfType<CommandFailed>().FirstOrDefault();
            string? error = null;
            if (firstFailure is not null)
            {
                error = FailureText.Describe(firstFailure, errors);
                Current.Add(JupyterOutputs.Error(firstFailure));
            }

            currentCommand = null;
            return (error, (JsonArray)Current.DeepClone());
        }
    }

    private JsonArray Current => outputsByCell[currentCell];

    // Child commands (an AddPackage inside a #r) carry the submission as their parent.
    private bool IsCurrent(KernelEvent e) => currentCommand is not null && (e.Command == currentCommand || e.Command.Parent == currentCommand);

    private void Display(DisplayedValueProduced displayed)
    {
        var output = JupyterOutputs.DisplayData(displayed.FormattedValues);
        Current.Add(output);
        if (!string.IsNullOrEmpty(displayed.ValueId))
        {
            displays[displayed.ValueId] = (currentCell, output);
        }
    }

    private void Update(DisplayedValueUpdated updated)
    {
        if (updated.ValueId is null || !displays.TryGetValue(updated.ValueId, out var shown))
        {
            // An update of a display nobody saw: show it, as a notebook front end would.
            Current.Add(JupyterOutputs.DisplayData(updated.FormattedValues));
            return;
        }

        shown.Output["data"] = JupyterOutputs.Data(updated.FormattedValues);
        if (shown.Cell != currentCell || currentCommand is null)
        {
            onEarlierCellChanged(shown.Cell, (JsonArray)outputsByCell[shown.Cell].DeepClone());
        }
    }

    private void AppendStream(string name, IReadOnlyCollection<FormattedValue> values)
    {
        var text = values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value
                   ?? values.FirstOrDefault()?.Value ?? "";
        // Consecutive writes to one stream form one output, as in Jupyter.
        if (Current.Count > 0 && Current[^1] is JsonObject last
            && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            var joined = new StringBuilder(JupyterOutputs.JoinText(last["text"])).Append(text).ToString();
            last["text"] = JupyterOutputs.MultilineText(joined);
            return;
        }

        Current.Add(JupyterOutputs.Stream(name, text));
    }
}
