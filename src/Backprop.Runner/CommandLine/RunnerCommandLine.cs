using System.CommandLine;
using Backprop.Runner.Child;
using Backprop.Runner.Parent;
using Spectre.Console;

namespace Backprop.Runner.CommandLine;

/// <summary>
/// The command-line surface: <c>run [paths...] [--out DIR] [--update] [--check] [--timeout S] [--parallel N]</c>,
/// <c>export</c> (see <see cref="ExportCommand"/>), and the hidden <c>execute-one</c> a child process runs.
/// </summary>
public static class RunnerCommandLine
{
    /// <summary>Exit code for a usage error or a path that does not exist.</summary>
    public const int UsageError = 2;

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Notebooks or folders (a folder means every *.ipynb in it, in name order)",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["notebooks"],
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the executed copies",
            DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks"),
        };
        var update = new Option<bool>("--update") { Description = "Write outputs back into the source notebooks (only if every cell of every notebook succeeded; a notebook not in the standard nbformat/VS Code layout is reformatted)" };
        var check = new Option<bool>("--check") { Description = "Compare the new outputs with those stored in the notebooks; fail on a difference" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one cell may run before its notebook's process is killed",
            DefaultValueFactory = _ => 120,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds");
            }
        });

        var parallel = new Option<int>("--parallel")
        {
            Description = "How many notebooks run at once, each in its own process (default: one per processor)",
            DefaultValueFactory = _ => 0,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--parallel must be 0 (one per processor) or a positive number");
            }
        });

        var run = new Command("run", "Execute notebooks headless, each in its own process") { paths, output, update, check, timeout, parallel };
        run.Validators.Add(result =>
        {
            if (result.GetValue(update) && result.GetValue(check))
            {
                result.AddError("--update and --check cannot be combined: check first, then update");
            }
        });
        run.SetAction((result, cancellationToken) => RunAsync(
            new RunOptions(result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(update), result.GetValue(check),
                TimeSpan.FromSeconds(result.GetValue(timeout)), result.GetValue(parallel)),
            cancellationToken));

        var executeOne = new Command(ChildProcessRunner.ChildCommand, "Internal: run one notebook's cells (request on stdin, protocol on stdout)")
        {
            Hidden = true,
        };
        executeOne.SetAction((_, cancellationToken) => ChildHost.RunAsync(cancellationToken));

        return new RootCommand("Backprop.Runner: runs the course's notebooks headless and exports them as a site") { run, ExportCommand.Build(), executeOne };
    }

    private static async Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> files;
        try
        {
            files = NotebookDiscovery.Find(options.Paths);
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return UsageError;
        }

        if (files.Count == 0)
        {
            Console.WriteLine($"No notebooks found in: {string.Join(", ", options.Paths)}");
            return 0;
        }

        // A live display only on a terminal; CI logs and pipes get plain lines.
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<NotebookRun> runs;
        if (interactive)
        {
            var live = new LiveProgress();
            runs = await live.ShowAsync(() => new CourseRunner(options, live).RunAsync(files, cancellationToken));
        }
        else
        {
            runs = await new CourseRunner(options, new PlainProgress(Console.Out)).RunAsync(files, cancellationToken);
        }

        return Report.Write(AnsiConsole.Console, runs, options, clock.Elapsed);
    }
}
