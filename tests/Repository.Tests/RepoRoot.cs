using System.Diagnostics;

namespace Repository.Tests;

/// <summary>The repository this test runs in, found by walking up to BackpropNotebooks.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "BackpropNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"BackpropNotebooks.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs a command to completion (or the timeout), returning its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds} s\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
