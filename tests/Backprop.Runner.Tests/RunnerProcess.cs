using Backprop.Testing;

namespace Backprop.Runner.Tests;

/// <summary>Launches the built runner (<c>dotnet Backprop.Runner.dll ...</c>) and captures what it prints.</summary>
internal static class RunnerProcess
{
    public static string RepoRoot => RepoPaths.Root;

    public static string RunnerDll => RepoPaths.RunnerDll;

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        TestProcess.RunnerAsync(workingDirectory, TimeSpan.FromMinutes(5), arguments);
}
