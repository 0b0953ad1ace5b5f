namespace Notebooks.Tests;

/// <summary>
/// Every notebook of the course, found at run time: it runs headless with its stored outputs
/// reproduced (--check), and it runs in the stock kernel (dotnet-repl) too, which catches a
/// notebook that passes only because of something the runner's host provides.
/// </summary>
public class CourseNotebookTests
{
    // xunit 2 fails a theory that has no data; while the course has no notebooks yet, the one
    // row stands for "the folder exists and is empty", and each theory asserts exactly that.
    private const string NoNotebooksYet = "(no notebooks yet)";

    public static TheoryData<string> Notebooks()
    {
        var names = Directory.Exists(Repo.NotebooksFolder)
            ? Directory.EnumerateFiles(Repo.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count == 0 ? new TheoryData<string>(NoNotebooksYet) : new TheoryData<string>(names!);
    }

    [Fact]
    public void The_notebooks_folder_exists() => Assert.True(Directory.Exists(Repo.NotebooksFolder), Repo.NotebooksFolder);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_headless_and_reproduces_its_stored_outputs(string notebook)
    {
        if (notebook == NoNotebooksYet)
        {
            AssertFolderHasNoNotebooks();
            return;
        }

        var output = Directory.CreateTempSubdirectory("notebook-check-").FullName;
        try
        {
            var (exitCode, text) = await Repo.RunAsync(Repo.Root, "dotnet", Repo.RunnerDll, "run", Path.Combine("notebooks", notebook), "--check", "--out", output);
            Assert.True(exitCode == 0, $"exit code {exitCode}\n{text}");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_in_the_stock_kernel(string notebook)
    {
        if (notebook == NoNotebooksYet)
        {
            AssertFolderHasNoNotebooks();
            return;
        }

        // dotnet-repl ignores --working-dir: start it in notebooks/ so relative #r paths resolve,
        // and give it an output path so it never rewrites the source.
        var output = Directory.CreateTempSubdirectory("notebook-repl-").FullName;
        try
        {
            var (exitCode, text) = await Repo.RunAsync(Repo.NotebooksFolder, "dotnet",
                "tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run",
                "--output-format", "ipynb", "--output-path", Path.Combine(output, notebook));
            Assert.True(exitCode == 0, $"dotnet-repl exit code {exitCode} (2 means a cell failed)\n{text}");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static void AssertFolderHasNoNotebooks()
    {
        Assert.True(Directory.Exists(Repo.NotebooksFolder), Repo.NotebooksFolder);
        Assert.Empty(Directory.GetFiles(Repo.NotebooksFolder, "*.ipynb"));
    }
}
