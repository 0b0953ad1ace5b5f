using System.Text;
using System.Text.Json;
using Backprop.Testing;
using Xunit.Abstractions;

namespace Notebooks.Tests;

/// <summary>
/// Jupyter is a supported way to take the course: every lesson runs through the ".NET (C#)"
/// kernelspec the README's recipe installs (.ci/install-jupyter-kernel, here into a fresh temporary
/// folder found through JUPYTER_PATH, never the user's), driven headless by nbclient
/// (Jupyter/run_notebook.py), one kernel process per lesson. Jupyter shows the learner everything
/// a cell writes, compiler warnings included, so a lesson must show no error and nothing on stderr.
/// </summary>
public sealed class JupyterTests(JupyterSetup jupyter, ITestOutputHelper log) : IClassFixture<JupyterSetup>
{
    private static readonly TimeSpan LessonTimeout = TimeSpan.FromMinutes(8);

    public static TheoryData<string> Lessons() =>
        new(Directory.EnumerateFiles(Repo.NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Fact]
    public async Task The_readmes_by_hand_recipe_writes_the_argv_the_helper_installs()
    {
        await jupyter.ReadyAsync();
        using var installed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(jupyter.Root, "kernels", ".net-csharp", "kernel.json")));
        var readme = await File.ReadAllTextAsync(RepoPaths.File("README.md"));
        var start = readme.IndexOf("\"argv\": [", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md shows no kernel.json argv");
        var array = readme[(start + "\"argv\": ".Length)..(readme.IndexOf(']', start) + 1)];
        Assert.Equal(
            installed.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()),
            JsonDocument.Parse(array).RootElement.EnumerateArray().Select(a => a.GetString()));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Runs_in_jupyter_with_no_error_and_nothing_on_stderr(string lesson)
    {
        var python = await jupyter.ReadyAsync();
        var scratch = Directory.CreateTempSubdirectory("jupyter-lesson-").FullName;
        try
        {
            var reportFile = Path.Combine(scratch, "report.json");
            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = jupyter.Root,
                // Fresh data, config and runtime folders: nothing of the user's Jupyter is read.
                ["JUPYTER_DATA_DIR"] = Path.Combine(scratch, "data"),
                ["JUPYTER_CONFIG_DIR"] = Path.Combine(scratch, "config"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(scratch, "runtime"),
                ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
                ["PYTHONDONTWRITEBYTECODE"] = "1",
            };
            var run = await TestProcess.RunAsync(Repo.NotebooksFolder, LessonTimeout, environment, python,
                RepoPaths.File("tests", "Notebooks.Tests", "Jupyter", "run_notebook.py"), lesson,
                "--report", reportFile, "--cell-timeout", "300", "--startup-timeout", "120");
            Assert.True(run.ExitCode == 0 && File.Exists(reportFile), $"{lesson}: the Jupyter driver wrote no report\n{run}");

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile));
            var root = report.RootElement;
            log.WriteLine($"{lesson}: {root.GetProperty("seconds").GetDouble():0.0} s in the Jupyter kernel");

            // The kernel that ran is the one installed for this test, starting the pinned local tool.
            var spec = root.GetProperty("kernel_spec").GetString()!;
            Assert.StartsWith(jupyter.Root + Path.DirectorySeparatorChar, spec, StringComparison.Ordinal);
            Assert.Equal(["dotnet", "tool", "run", "dotnet-interactive", "--", "jupyter"],
                root.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).Take(6));

            var failure = root.GetProperty("failure").GetString();
            Assert.True(failure is null, $"{lesson}: the run stopped: {failure}\n{run.Output}");
            var cells = root.GetProperty("cells").EnumerateArray().ToList();
            Assert.NotEmpty(cells);
            var notRun = cells.Where(c => c.GetProperty("execution_count").ValueKind == JsonValueKind.Null).Select(c => c.GetProperty("cell").GetInt32()).ToList();
            Assert.True(notRun.Count == 0, $"{lesson}: cells {string.Join(", ", notRun)} did not run");

            var problems = new StringBuilder();
            foreach (var cell in cells)
            {
                foreach (var problem in cell.GetProperty("problems").EnumerateArray())
                {
                    problems.Append($"\n  cell {cell.GetProperty("cell").GetInt32()} ({problem.GetProperty("kind").GetString()}): {problem.GetProperty("text").GetString()!.Trim()}");
                }
            }

            Assert.True(problems.Length == 0, $"{lesson} shows the learner, in Jupyter:{problems}");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

/// <summary>
/// What the Jupyter tests share, set up on first use: the Python that has nbclient, and one kernels
/// folder holding the course's kernelspecs, installed by the README's own helper.
/// </summary>
public sealed class JupyterSetup : IDisposable
{
    /// <summary>Names the Python to use when it is not Debian's /usr/bin/python3.</summary>
    public const string PythonVariable = "BACKPROP_PYTHON";

    private readonly Lazy<Task<string>> ready;

    public JupyterSetup()
    {
        Root = Directory.CreateTempSubdirectory("jupyter-kernels-").FullName;
        ready = new(SetUpAsync);
    }

    /// <summary>The folder JUPYTER_PATH names: it holds kernels/.</summary>
    public string Root { get; }

    /// <summary>The Python to run the driver with, once the kernelspecs are installed; throws, saying what to install, otherwise.</summary>
    public Task<string> ReadyAsync() => ready.Value;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private async Task<string> SetUpAsync()
    {
        var python = await FindPythonAsync();
        var install = await TestProcess.RunAsync(RepoPaths.Root, TimeSpan.FromMinutes(3), "bash",
            RepoPaths.File(".ci", "install-jupyter-kernel"), Path.Combine(Root, "kernels"));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($".ci/install-jupyter-kernel failed\n{install}");
        }

        return python;
    }

    private static async Task<string> FindPythonAsync()
    {
        var chosen = Environment.GetEnvironmentVariable(PythonVariable);
        string[] candidates = string.IsNullOrWhiteSpace(chosen) ? ["/usr/bin/python3", "python3"] : [chosen];
        var tried = new List<string>();
        foreach (var python in candidates)
        {
            try
            {
                var probe = await TestProcess.RunAsync(RepoPaths.Root, TimeSpan.FromMinutes(1), python, "-c", "import nbclient, nbformat, jupyter_client");
                if (probe.ExitCode == 0)
                {
                    return python;
                }

                tried.Add($"{python}: {probe.Output.Trim().Split('\n')[^1]}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                tried.Add($"{python}: {e.Message}");
            }
        }

        throw new InvalidOperationException(
            $"No Python with nbclient for the Jupyter test (tried {string.Join("; ", tried)}). Run the README's test command (.ci/test), " +
            "which installs Debian's packages when it can, or `sudo apt-get install -y python3-nbclient python3-jupyter-client jupyter-core python3-nbformat`, " +
            $"or set {PythonVariable} to a Python that has nbclient.");
    }
}
