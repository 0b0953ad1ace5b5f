using System.CommandLine;
using System.Globalization;
using Backprop.Runner.Notebooks;
using Backprop.Runner.Parent;
using Backprop.Site;
using Spectre.Console;

namespace Backprop.Runner.CommandLine;

/// <summary>
/// <c>export [paths...] [--out DIR] [--from DIR] [--timeout S] [--title TEXT]</c>: the course as a
/// static site that reads offline. Exit code 0 when every notebook ran and the site was written,
/// 1 when a notebook failed (its page shows the error) or the site could not be written, 2 when a
/// path does not exist or holds no notebook (command-line errors print the usage and exit non-zero).
/// </summary>
public static class ExportCommand
{
    /// <summary>The course's title when none is given.</summary>
    public const string DefaultTitle = "Backpropagation, step by step, in C#";

    /// <summary>Builds the <c>export</c> command.</summary>
    public static Command Build()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebooks or folders to execute and export (a folder means every *.ipynb in it, in name order)",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["notebooks"],
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the site (replaced as a whole, and only when the export succeeds)",
            DefaultValueFactory = _ => Path.Combine("artifacts", "site"),
        };
        var from = new Option<string?>("--from") { Description = "Export the already executed notebooks in this folder (e.g. artifacts/notebooks) instead of running any" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one cell may run before its notebook's process is killed",
            DefaultValueFactory = _ => 120,
        };
        var title = new Option<string>("--title") { Description = "The course's title on every page", DefaultValueFactory = _ => DefaultTitle };

        var export = new Command("export", "Execute the notebooks (or take executed copies) and write a static site that works offline")
        {
            paths, output, from, timeout, title,
        };
        export.Validators.Add(result =>
        {
            if (result.GetValue(from) is not null && result.GetResult(paths) is { Tokens.Count: > 0 })
            {
                result.AddError("--from exports the executed notebooks in one folder: give either paths to run or --from, not both");
            }
        });
        export.SetAction((result, cancellationToken) => ExportAsync(
            result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(from), TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))),
            result.GetValue(title)!, cancellationToken));
        return export;
    }

    private static async Task<int> ExportAsync(string[] paths, string output, string? from, TimeSpan timeout, string title, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files;
        try
        {
            files = from is null ? NotebookDiscovery.Find(paths) : NotebookDiscovery.Find([from]);
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return RunnerCommandLine.UsageError;
        }

        if (files.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No notebooks found in: {from ?? string.Join(", ", paths)}");
            return RunnerCommandLine.UsageError;
        }

        // Markdown files beside the lessons (the cheat sheet) become pages too; with --from, those in notebooks/.
        var folders = (from is null ? paths : ["notebooks"]).Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(Path.GetFullPath(p))!).Where(Directory.Exists);
        var pages = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.md")).Distinct().Order(StringComparer.Ordinal).ToList();
        var exporter = new CourseExporter(new ExportOptions(output, title) { Pages = pages });
        IReadOnlyList<NotebookRun> runs = [];
        // The run machinery writes the executed copies into the scratch folder the exporter gives it.
        async Task<IReadOnlyList<string>> Execute(IProgressSink progress, string scratch, CancellationToken token)
        {
            runs = await new CourseRunner(new RunOptions(files, scratch, Update: false, Check: false, timeout), progress).RunAsync(files, token);
            return [.. runs.Where(r => r.Notebook is not null).Select(r => Path.Combine(scratch, r.Name)).Where(File.Exists)];
        }

        Task<ExportResult> Export(IProgressSink progress) => from is null
            ? exporter.ExportAsync((scratch, token) => Execute(progress, scratch, token), cancellationToken)
            : exporter.ExportAsync(files, cancellationToken);

        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        ExportResult result;
        try
        {
            if (interactive)
            {
                var live = new LiveProgress();
                result = await live.ShowAsync(() => Export(live));
            }
            else
            {
                result = await Export(new PlainProgress(Console.Out));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotebookException or InvalidOperationException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"export failed, nothing written to {output}: {e.Message}");
            return 1;
        }

        var exit = runs.Count > 0 ? Report.Write(AnsiConsole.Console, runs, new RunOptions(paths, output, false, false, timeout)) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported {result.Lessons.Count} lesson(s) with {result.Charts} interactive chart(s) to {Path.GetFullPath(output)}{Path.DirectorySeparatorChar}index.html"));
        if (exit != 0)
        {
            Console.WriteLine("Some notebooks failed: their pages show the errors.");
        }

        return exit;
    }
}
