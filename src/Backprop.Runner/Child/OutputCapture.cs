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
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Cell, JsonObject Output)> _displays = new(StringComparer.Ordinal);
    private readonly Dictionary<int, JsonArray> _outputsByCell = [];
    private readonly List<Diagnostic> _errors = [];
    private readonly Action<int, JsonArray> _earlierCellChanged;
    private KernelCommand? _command;
    private int _cell;
    private int _executionCount;
    private CommandFailed? _failed;

    /// <summary>Creates a capture that reports changes to finished cells through the callback.</summary>
    /// <param name="earlierCellChanged">Called with a finished cell's number and its new outputs.</param>
    public OutputCapture(Action<int, JsonArray> earlierCellChanged) => _earlierCellChanged = earlierCellChanged;

    /// <summary>Starts collecting for the command that is about to be sent for a cell.</summary>
    public void Begin(int cell, int executionCount, KernelCommand command)
    {
        lock (_gate)
        {
            _cell = cell;
            _executionCount = executionCount;
            _command = command;
            _failed = null;
            _errors.Clear();
            _outputsByCell[cell] = [];
        }
    }

    /// <summary>Handles every event the kernel publishes.</summary>
    public void OnEvent(KernelEvent kernelEvent)
    {
        lock (_gate)
        {
            switch (kernelEvent)
            {
                case DisplayedValueUpdated updated:
                    Update(updated);
                    break;
                case ReturnValueProduced returned:
                    Current.Add(JupyterOutputs.ExecuteResult(returned.FormattedValues, _executionCount));
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
                    _errors.AddRange(diagnostics.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
                    break;
                case CommandFailed failed when IsCurrent(failed):
                    _failed ??= failed;
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
        lock (_gate)
        {
            _failed ??= result.Events.OfType<CommandFailed>().FirstOrDefault();
            string? error = null;
            if (_failed is not null)
            {
                error = FailureText.Describe(_failed, _errors);
                Current.Add(JupyterOutputs.Error(_failed));
            }

            _command = null;
            return (error, (JsonArray)Current.DeepClone());
        }
    }

    private JsonArray Current => _outputsByCell[_cell];

    // Child commands (an AddPackage inside a #r) carry the submission as their parent.
    private bool IsCurrent(KernelEvent e) => _command is not null && (e.Command == _command || e.Command.Parent == _command);

    private void Display(DisplayedValueProduced displayed)
    {
        var output = JupyterOutputs.DisplayData(displayed.FormattedValues);
        Current.Add(output);
        if (!string.IsNullOrEmpty(displayed.ValueId))
        {
            _displays[displayed.ValueId] = (_cell, output);
        }
    }

    private void Update(DisplayedValueUpdated updated)
    {
        if (updated.ValueId is null || !_displays.TryGetValue(updated.ValueId, out var shown))
        {
            // An update of a display nobody saw: show it, as a notebook front end would.
            Current.Add(JupyterOutputs.DisplayData(updated.FormattedValues));
            return;
        }

        shown.Output["data"] = JupyterOutputs.Data(updated.FormattedValues);
        if (shown.Cell != _cell || _command is null)
        {
            _earlierCellChanged(shown.Cell, (JsonArray)_outputsByCell[shown.Cell].DeepClone());
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
