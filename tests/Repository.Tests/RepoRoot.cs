using Backprop.Testing;

namespace Repository.Tests;

/// <summary>The repository this test runs in, and a process helper (both shared by every test project).</summary>
internal static class RepoRoot
{
    public static string Path => RepoPaths.Root;

    public static string File(params string[] parts) => RepoPaths.File(parts);

    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, string file, params string[] arguments) =>
        TestProcess.RunAsync(workingDirectory, timeout, file, arguments);
}
