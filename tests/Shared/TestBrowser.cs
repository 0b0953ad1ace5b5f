namespace Backprop.Testing;

/// <summary>
/// Finds the Chromium-family browser the browser tests drive (through Playwright, which must never
/// download one): a variable first (<c>BACKPROP_BROWSER</c>, then the common <c>CHROME_BIN</c> and
/// <c>CHROME_PATH</c>), then chromium, chromium-browser, google-chrome and google-chrome-stable on
/// the PATH, then the usual install folders. A missing browser is an exception saying what to
/// install or which variable to set. Compiled into every test project (linked from tests/Shared);
/// .ci/test checks the same names before it installs Debian's chromium.
/// </summary>
internal static class TestBrowser
{
    /// <summary>The project's own variable: a browser executable, as a path or a command name.</summary>
    public const string Variable = "BACKPROP_BROWSER";

    /// <summary>Variables read in order; the first one that is set decides.</summary>
    public static IReadOnlyList<string> Variables { get; } = [Variable, "CHROME_BIN", "CHROME_PATH"];

    /// <summary>Command names looked up on the PATH, in order.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>Where browsers are installed when they are not on the PATH.</summary>
    public static IReadOnlyList<string> KnownPaths { get; } =
    [
        "/usr/bin/chromium",
        "/usr/lib/chromium/chromium",
        "/opt/google/chrome/chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];

    /// <summary>The browser executable for this machine.</summary>
    /// <exception cref="InvalidOperationException">No usable browser: the message says what to install or set.</exception>
    public static string Executable() => Find(Environment.GetEnvironmentVariable, KnownPaths);

    /// <summary>The browser executable, given the environment and the install folders to try.</summary>
    /// <exception cref="InvalidOperationException">No usable browser: the message says what to install or set.</exception>
    public static string Find(Func<string, string?> environment, IEnumerable<string> knownPaths)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(knownPaths);
        var searchPath = (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var variable in Variables)
        {
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            return Resolve(value, searchPath) ?? throw new InvalidOperationException(
                $"{variable} is set to '{value}', which is neither an executable file nor a command on the PATH. " +
                "Point it at a Chrome or Chromium executable (e.g. /usr/bin/chromium or google-chrome), or unset it to use the browser on the PATH.");
        }

        var snaps = new List<string>();
        foreach (var candidate in Commands.Select(c => Resolve(c, searchPath)).Concat(knownPaths.Where(IsExecutable)))
        {
            if (candidate is null)
            {
                continue;
            }

            if (IsSnapLauncher(candidate))
            {
                snaps.Add(candidate);
                continue;
            }

            return candidate;
        }

        var skipped = snaps.Count == 0 ? "" : $" Skipped {string.Join(", ", snaps.Distinct())}: a launcher for a snap, not a browser Playwright can drive (Ubuntu's apt chromium).";
        throw new InvalidOperationException(
            $"No Chrome or Chromium found for the browser tests: {string.Join(", ", Variables.Select(v => "$" + v))} are unset and none of " +
            $"{string.Join(", ", Commands)} is on the PATH or in {string.Join(", ", knownPaths)}.{skipped} " +
            $"Run the README's test command (.ci/test), which installs Debian's chromium when it can, or `sudo apt-get install -y chromium`, " +
            $"or set {Variable} to a Chrome or Chromium executable. The tests never download a browser.");
    }

    /// <summary>A path to an executable file, or a command name found on the search path.</summary>
    private static string? Resolve(string value, string[] searchPath)
    {
        if (value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutable(value) ? Path.GetFullPath(value) : null;
        }

        return searchPath.Select(folder => Path.Combine(folder, value)).FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    /// <summary>A shell script that starts a snap (Ubuntu's chromium package): it is not the browser.</summary>
    private static bool IsSnapLauncher(string path)
    {
        var start = new char[4096];
        using var reader = new StreamReader(path);
        var text = new string(start, 0, reader.ReadBlock(start, 0, start.Length));
        return text.StartsWith("#!", StringComparison.Ordinal) && text.Contains("/snap/", StringComparison.Ordinal);
    }
}
