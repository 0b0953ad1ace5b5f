using System.Diagnostics;
using System.Reflection;

namespace Backprop.Export.Tests;

/// <summary>The repository's folders, and the built runner launched as a process.</summary>
public static class Repo
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit code {ExitCode}\n{Output}";
    }

    public static string Root { get; } = FindRoot();

    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    // Built in the same configuration as the tests (the ProjectReference builds it first).
    public static string RunnerDll { get; } = Path.Combine(Root, "src", "Backprop.Runner", "bin",
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "Backprop.Runner.dll");

    /// <summary>Where the notebooks' #r lines find the course's libraries (always Debug, see the runner's build).</summary>
    public static string NotebookLibraries { get; } = Path.Combine(Root, "src", "Backprop.Notebooks", "bin", "Debug", "net10.0");

    public static async Task<Result> RunnerAsync(string workingDirectory, params string[] arguments)
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
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(limit.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A fresh temporary folder holding copies of one fixture folder, with {{BIN}} filled in.</summary>
    public static string CopyFixtures(string folder)
    {
        var target = Directory.CreateTempSubdirectory($"export-{folder}-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures, folder)))
        {
            var text = File.ReadAllText(file).Replace("{{BIN}}", NotebookLibraries, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
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
