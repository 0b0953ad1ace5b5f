using Backprop.Testing;

namespace Backprop.Site.Tests;

/// <summary>The repository's folders, and the built runner launched as a process.</summary>
internal static class Repo
{
    public static string Root => RepoPaths.Root;

    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string RunnerDll => RepoPaths.RunnerDll;

    /// <summary>Where the notebooks' #r lines find the course's libraries (always Debug, see the runner's build).</summary>
    public static string NotebookLibraries { get; } = Path.Combine(Root, "src", "Backprop.Notebooks", "bin", "Debug", "net10.0");

    public static Task<ProcessResult> RunnerAsync(string workingDirectory, params string[] arguments) =>
        TestProcess.RunnerAsync(workingDirectory, TimeSpan.FromMinutes(15), arguments);

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
}
