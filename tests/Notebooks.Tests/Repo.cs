using System.Diagnostics;
using System.Reflection;

namespace Notebooks.Tests;

/// <summary>Where things are, found by walking up to BackpropNotebooks.sln; and a process helper.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    // Built in the same configuration as these tests (the ProjectReference builds it first).
    public static string RunnerDll { get; } = Path.Combine(Root, "src", "Backprop.Runner", "bin",
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0", "Backprop.Runner.dll");

    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
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
