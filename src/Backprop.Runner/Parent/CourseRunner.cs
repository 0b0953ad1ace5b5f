using Backprop.Runner.Comparison;
using Backprop.Runner.Notebooks;

namespace Backprop.Runner.Parent;

/// <summary>
/// The <c>run</c> command: each notebook in its own child process, several at once (one per
/// processor by default: a notebook's kernel mostly keeps one core busy); executed copies to the
/// output folder; with --check a comparison against the stored outputs; with
/// --update the outputs written back into the sources, only when the whole run passed (a source
/// not in the standard notebook layout is written back in it).
/// </summary>
public sealed class CourseRunner(RunOptions options, IProgressSink progress)
{
    /// <summary>Runs every notebook and returns the runs in order.</summary>
    public async Task<IReadOnlyList<NotebookRun>> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var runner = new ChildProcessRunner(options.CellTimeout, progress);
        var runs = new NotebookRun[files.Count];
        // Notebooks are independent processes; results keep the files' order whatever finishes first.
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken },
            async (i, token) => runs[i] = await RunOneAsync(runner, files[i], token));

        if (options.Update && runs.All(r => r.Status == RunStatus.Passed))
        {
            foreach (var run in runs)
            {
                // A notebook laid out differently is written back in the standard layout; the summary says so.
                run.Reformatted = !NotebookPatcher.HasStandardLayout(run.Notebook!);
                await AtomicFile.WriteAllTextAsync(run.Notebook!.Path, NotebookPatcher.Patch(run.Notebook, run.Results), cancellationToken);
            }
        }

        return runs;
    }

    private async Task<NotebookRun> RunOneAsync(ChildProcessRunner runner, string file, CancellationToken cancellationToken)
    {
        NotebookFile notebook;
        try
        {
            notebook = await NotebookFile.ReadAsync(file, cancellationToken);
            if (CopyPath(notebook) == notebook.Path)
            {
                throw new NotebookException($"{notebook.Name}: the output folder is the notebook's own folder; the copy would overwrite the source (use --update for that)");
            }
        }
        catch (NotebookException e)
        {
            var invalid = new NotebookRun { Name = Path.GetFileName(file), Status = RunStatus.Invalid };
            invalid.Messages.Add(e.Message);
            progress.NotebookFinished(invalid);
            return invalid;
        }

        var run = await runner.RunAsync(notebook, cancellationToken);
        if (options.Check && run.Status == RunStatus.Passed)
        {
            var differences = OutputComparer.Compare(notebook, run.Results);
            if (differences.Count > 0)
            {
                run.Status = RunStatus.Differs;
                run.Messages.AddRange(differences);
            }
        }

        // The copy is written whatever happened: a failed run's copy shows the error output.
        await AtomicFile.WriteAllTextAsync(CopyPath(notebook), NotebookPatcher.Patch(notebook, run.Results), cancellationToken);
        return run;
    }

    private string CopyPath(NotebookFile notebook) => Path.GetFullPath(Path.Combine(options.OutputFolder, notebook.Name));
}
