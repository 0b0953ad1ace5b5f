using Backprop.Testing;

namespace Notebooks.Tests;

/// <summary>Where things are, and a process helper (both shared by every test project).</summary>
internal static class Repo
{
    public static string Root => RepoPaths.Root;

    public static string NotebooksFolder => RepoPaths.Notebooks;

    public static string RunnerDll => RepoPaths.RunnerDll;

    public static Task<ProcessResult> RunAsync(string workingDirectory, string fileName, params string[] arguments) =>
        TestProcess.RunAsync(workingDirectory, TimeSpan.FromMinutes(10), fileName, arguments);
}
