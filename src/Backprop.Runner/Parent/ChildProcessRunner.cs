using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Backprop.Runner.Child;
using Backprop.Runner.Notebooks;

namespace Backprop.Runner.Parent;

/// <summary>
/// Runs one notebook in a child process (this same program, hidden command
/// <c>execute-one</c>) with the notebook's folder as current directory, so relative <c>#r</c>
/// paths resolve as in VS Code and nothing a notebook does (formatters, assembly resolvers, a
/// stack overflow, a cell that never ends) reaches the next notebook. Enforces the per-cell
/// timeout by killing the child.
/// </summary>
public sealed class ChildProcessRunner(TimeSpan cellTimeout, IProgressSink progress)
{
    /// <summary>How long the kernel may take to start, whatever the cell timeout.</summary>
    public static readonly TimeSpan KernelStartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The hidden sub-command the child runs.</summary>
    public const string ChildCommand = "execute-one";

    private const int StderrLinesKept = 200;

    /// <summary>Executes the notebook's code cells and collects their outputs.</summary>
    public async Task<NotebookRun> RunAsync(NotebookFile notebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var run = new NotebookRun { Name = notebook.Name, Notebook = notebook, CodeCellCount = notebook.CodeCells.Count };
        progress.NotebookStarted(run.Name, run.CodeCellCount);
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(StartInfo(Path.GetDirectoryName(notebook.Path)!))
                          ?? throw new InvalidOperationException("could not start the child process");
        var stderr = new List<string>();
        var stderrDrained = DrainAsync(child.StandardError, stderr);
        try
        {
            await SendRequestAsync(child, notebook, cancellationToken);
            var (sawDone, runningCell) = await ReadMessagesAsync(child, notebook, run, cancellationToken);
            await child.WaitForExitAsync(cancellationToken);
            await stderrDrained;
            if (run.Status != RunStatus.TimedOut && (!sawDone || (run.Status == RunStatus.Passed && child.ExitCode != 0)))
            {
                Crashed(run, child.ExitCode, runningCell, stderr);
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }

        run.Seconds = clock.Elapsed.TotalSeconds;
        progress.NotebookFinished(run);
        return run;
    }

    private static ProcessStartInfo StartInfo(string workingDirectory)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // Started as "dotnet Backprop.Runner.dll" or through the apphost: start the child the same way.
        var host = Environment.ProcessPath!;
        info.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        info.ArgumentList.Add(ChildCommand);
        return info;
    }

    private static async Task SendRequestAsync(Process child, NotebookFile notebook, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new ExecutionRequest(notebook.CodeCells), ChildProtocol.Json);
        try
        {
            await child.StandardInput.WriteAsync(request.AsMemory(), cancellationToken);
            child.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child died before reading its request; reading its output reports the crash.
        }
    }

    // Returns whether the child said "done", and the cell that was running when the stream ended.
    private async Task<(bool SawDone, int? RunningCell)> ReadMessagesAsync(
        Process child, NotebookFile notebook, NotebookRun run, CancellationToken cancellationToken)
    {
        int? runningCell = null;
        var kernelReady = false;
        var index = 0;
        while (true)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Starting the kernel is not a cell: on a busy machine it alone can take longer than a short cell timeout.
            var limit = !kernelReady && cellTimeout < KernelStartTimeout ? KernelStartTimeout : cellTimeout;
            deadline.CancelAfter(limit);
            string? line;
            try
            {
                line = await child.StandardOutput.ReadLineAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                child.Kill(entireProcessTree: true);
                run.Status = RunStatus.TimedOut;
                var where = runningCell is { } c ? $"cell {c}" : "kernel start";
                run.Messages.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Name}: {where} timed out after {limit.TotalSeconds:0.###} s"));
                return (false, runningCell);
            }

            if (line is null)
            {
                // End of stream before "done": the child died.
                return (false, runningCell);
            }

            var message = ChildProtocol.TryParse(line);
            switch (message?.Kind)
            {
                case ChildProtocol.KernelReady:
                    kernelReady = true;
                    run.KernelMilliseconds = message.Milliseconds;
                    break;
                case ChildProtocol.CellStarted:
                    runningCell = message.Cell;
                    progress.CellStarted(run.Name, message.Cell ?? 0, ++index, notebook.CodeCells.Count);
                    break;
                case ChildProtocol.CellFinished:
                    runningCell = null;
                    Finished(run, message);
                    break;
                case ChildProtocol.OutputsUpdated when message.Cell is { } cell && run.Results.TryGetValue(cell, out var earlier):
                    run.Results[cell] = earlier with { Outputs = message.Outputs ?? [] };
                    break;
                case ChildProtocol.Done:
                    return (true, null);
            }
        }
    }

    private static void Finished(NotebookRun run, ChildMessage message)
    {
        var cell = message.Cell ?? 0;
        run.Results[cell] = new CellResult(message.ExecutionCount ?? 0, message.Outputs ?? []);
        if (message.Error is { } error)
        {
            run.Status = RunStatus.Failed;
            run.Messages.Add($"{run.Name}: cell {cell} failed: {error}");
        }
    }

    private static void Crashed(NotebookRun run, int exitCode, int? cell, List<string> stderr)
    {
        run.Status = RunStatus.Crashed;
        var where = cell is { } c ? $" while running cell {c}" : "";
        var text = string.Create(CultureInfo.InvariantCulture, $"{run.Name}: process crashed (exit code {exitCode}){where}");
        // The runtime's own last words ("Stack overflow.", "Unhandled exception. ...") say why.
        var cause = stderr.FirstOrDefault(l => FatalMarkers.Any(m => l.StartsWith(m, StringComparison.Ordinal)))
                    ?? stderr.LastOrDefault();
        run.Messages.Add(cause is null ? text : $"{text}: {cause.Trim()}");
    }

    private static readonly string[] FatalMarkers = ["Stack overflow", "Unhandled exception", "Fatal error", "Process terminated", "Out of memory"];

    private static async Task DrainAsync(StreamReader reader, List<string> lines)
    {
        // Kept bounded: a crashing child can print thousands of stack frames.
        while (await reader.ReadLineAsync() is { } line)
        {
            if (lines.Count < StderrLinesKept)
            {
                lines.Add(line);
            }
        }
    }
}
