using System.Reflection;

namespace Backprop.Testing;

/// <summary>
/// Where things are in the repository, found by walking up from the test's build folder to
/// BackpropNotebooks.sln. Compiled into every test project (linked from tests/Shared).
/// </summary>
internal static class RepoPaths
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The course's notebooks.</summary>
    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>
    /// The runner, built in the same configuration as the test assembly that asks (its
    /// ProjectReference builds it first).
    /// </summary>
    public static string RunnerDll { get; } = Path.Combine(Root, "src", "Backprop.Runner", "bin",
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "Backprop.Runner.dll");

    /// <summary>A path inside the repository.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "BackpropNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BackpropNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
