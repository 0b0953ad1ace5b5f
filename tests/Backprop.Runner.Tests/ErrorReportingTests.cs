namespace Backprop.Runner.Tests;

/// <summary>Each kind of failure gives a clear message, a non-zero exit code, and leaves the source alone.</summary>
public class ErrorReportingTests
{
    [Fact]
    public async Task A_path_that_does_not_exist_is_named_and_exits_2()
    {
        using var folder = new FixtureFolder();
        var result = await RunnerProcess.RunAsync(folder.Path, "run", "missing.ipynb", "--out", folder.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("path not found: missing.ipynb", result.Output);
    }

    [Theory]
    [InlineData("invalid-json.ipynb", "invalid-json.ipynb: invalid JSON at line 7, position 3: ',' is an invalid start of a value.")]
    [InlineData("not-a-notebook.ipynb", "not-a-notebook.ipynb: not a notebook (no \"nbformat\" version)")]
    [InlineData("old-format.ipynb", "old-format.ipynb: nbformat 3 is not supported")]
    [InlineData("other-kernel.ipynb", "other-kernel.ipynb: cell 3 is for kernel 'fsharp'; only C# cells can run headless")]
    [InlineData("compile-error.ipynb", "compile-error.ipynb: cell 2 failed: compile error\n  line 2, column 9: CS0103: The name 'undefinedName' does not exist in the current context")]
    [InlineData("runtime-error.ipynb", "runtime-error.ipynb: cell 2 failed: System.InvalidOperationException: weights changed during backward")]
    public async Task A_notebook_that_cannot_run_is_reported_and_left_unchanged(string fixture, string message)
    {
        using var folder = new FixtureFolder(fixture);
        var before = await File.ReadAllBytesAsync(folder.File(fixture));

        var result = await RunnerProcess.RunAsync(folder.Path, "run", fixture, "--out", folder.Out);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(message, result.Output.Replace("\r\n", "\n"), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(folder.File(fixture)));
    }

    [Fact]
    public async Task A_cell_that_never_ends_times_out_and_the_run_goes_on()
    {
        using var folder = new FixtureFolder("timeout.ipynb", "passing.ipynb");
        // Long enough that the passing notebook, running beside it on a busy machine, never hits it.
        var result = await RunnerProcess.RunAsync(folder.Path, "run", "timeout.ipynb", "passing.ipynb", "--out", folder.Out, "--timeout", "30");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("timeout.ipynb: cell 1 timed out after 30 s", result.Output);
        Assert.Contains("Ran 2 notebook(s): 1 passed, 1 failed.", result.Output);
    }

    [Fact]
    public async Task A_stack_overflow_crashes_only_its_own_process_and_the_run_goes_on()
    {
        using var folder = new FixtureFolder("stack-overflow.ipynb", "passing.ipynb");
        var result = await RunnerProcess.RunAsync(folder.Path, "run", ".", "--out", folder.Out);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"stack-overflow\.ipynb: process crashed \(exit code \d+\) while running cell 2: Stack overflow", result.Output);
        Assert.Contains("Ran 2 notebook(s): 1 passed, 1 failed.", result.Output);
    }

    [Fact]
    public async Task Notebooks_run_side_by_side_and_the_summary_keeps_their_order()
    {
        using var folder = new FixtureFolder("timeout.ipynb", "passing.ipynb");
        var result = await RunnerProcess.RunAsync(folder.Path, "run", "timeout.ipynb", "passing.ipynb", "--out", folder.Out, "--timeout", "15", "--parallel", "2");
        Assert.True(result.ExitCode == 1, result.ToString());
        // The passing notebook finished long before the timeout, yet the table lists the files in the order given.
        Assert.True(result.Output.IndexOf("passing.ipynb: passed", StringComparison.Ordinal) < result.Output.IndexOf("timeout.ipynb: cell 1 timed out", StringComparison.Ordinal), result.ToString());
        var table = result.Output[result.Output.IndexOf("│ notebook", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("timeout.ipynb", StringComparison.Ordinal) < table.IndexOf("passing.ipynb", StringComparison.Ordinal), result.ToString());
        Assert.Contains("with up to 2 notebook(s) at a time", result.Output);
    }

    [Fact]
    public async Task A_negative_parallel_count_is_refused()
    {
        using var folder = new FixtureFolder("passing.ipynb");
        var result = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--parallel", "-1");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--parallel must be 0 (one per processor) or a positive number", result.Output);
    }

    [Fact]
    public async Task Update_and_check_together_are_refused()
    {
        using var folder = new FixtureFolder("passing.ipynb");
        var result = await RunnerProcess.RunAsync(folder.Path, "run", "passing.ipynb", "--update", "--check");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--update and --check cannot be combined", result.Output);
    }
}
