using System.Diagnostics;

namespace Backprop.Testing;

/// <summary>What a finished process printed (stdout, then stderr) and its exit code.</summary>
/// <param name="ExitCode">The exit code; −1 when the process was killed for taking too long.</param>
/// <param name="Output">Everything it printed.</param>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs a command to completion for a test: no input, output captured, killed (whole tree) at the time limit.</summary>
internal static class TestProcess
{
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, string file, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), file, arguments);

    /// <summary>Runs a command with these environment variables set (on top of the test's own).</summary>
    public static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
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

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, $"{file} {string.Join(' ', arguments)}: killed after {timeout.TotalSeconds:0} s\n{await stdout}{await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The built runner: <c>dotnet Backprop.Runner.dll …</c>.</summary>
    public static Task<ProcessResult> RunnerAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, "dotnet", [RepoPaths.RunnerDll, .. arguments]);
}
