using System.Diagnostics;
using System.Reflection;

namespace Backprop.Runner.Tests;

/// <summary>Launches the built runner (<c>dotnet Backprop.Runner.dll ...</c>) and captures what it prints.</summary>
public static class RunnerProcess
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}\n{Output}";
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    // Built in the same configuration as the tests (the ProjectReference builds it first).
    public static string RunnerDll { get; } = Path.Combine(RepoRoot, "src", "Backprop.Runner", "bin",
        typeof(RunnerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "Backprop.Runner.dll");

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RunnerDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackpropNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BackpropNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
