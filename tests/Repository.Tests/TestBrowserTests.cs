using System.Runtime.Versioning;
using Backprop.Testing;

namespace Repository.Tests;

/// <summary>How the browser tests find their browser (tests/Shared/TestBrowser.cs), on fake executables in a temporary folder.</summary>
[UnsupportedOSPlatform("windows")] // fake executables need Unix file modes
public sealed class TestBrowserTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("test-browser-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Executable(string relativePath, string content = "\u007fELF fake browser")
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    private string Bin => Path.Combine(folder, "bin");

    [Fact]
    public void The_projects_variable_comes_before_the_path()
    {
        Executable("bin/chromium");
        var chrome = Executable("opt/chrome");
        var found = TestBrowser.Find(Environment(("PATH", Bin), ("BACKPROP_BROWSER", chrome)), []);
        Assert.Equal(chrome, found);
    }

    [Fact]
    public void A_variable_may_name_a_command_on_the_path()
    {
        Executable("bin/chromium");
        var chrome = Executable("bin/google-chrome");
        Assert.Equal(chrome, TestBrowser.Find(Environment(("PATH", Bin), ("BACKPROP_BROWSER", "google-chrome")), []));
    }

    [Fact]
    public void The_common_chrome_variables_are_honoured_after_the_projects_own()
    {
        var karma = Executable("karma/chrome");
        var lighthouse = Executable("lighthouse/chrome");
        Assert.Equal(karma, TestBrowser.Find(Environment(("CHROME_BIN", karma), ("CHROME_PATH", lighthouse)), []));
        Assert.Equal(lighthouse, TestBrowser.Find(Environment(("CHROME_PATH", lighthouse)), []));
    }

    [Fact]
    public void A_variable_that_points_nowhere_fails_naming_it_instead_of_falling_back()
    {
        Executable("bin/chromium");
        var error = Assert.Throws<InvalidOperationException>(() =>
            TestBrowser.Find(Environment(("PATH", Bin), ("BACKPROP_BROWSER", "/nowhere/chrome")), []));
        Assert.Contains("BACKPROP_BROWSER is set to '/nowhere/chrome'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("chromium-browser")]
    [InlineData("google-chrome")]
    [InlineData("google-chrome-stable")]
    public void Each_usual_command_name_is_found_on_the_path(string name)
    {
        var browser = Executable("bin/" + name);
        Assert.Equal(browser, TestBrowser.Find(Environment(("PATH", Path.Combine(folder, "empty") + Path.PathSeparator + Bin)), []));
    }

    [Fact]
    public void Chromium_comes_before_chrome_and_a_file_that_is_not_executable_is_not_a_browser()
    {
        var chromium = Executable("bin/chromium");
        Executable("bin/google-chrome");
        Assert.Equal(chromium, TestBrowser.Find(Environment(("PATH", Bin)), []));
        File.SetUnixFileMode(chromium, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(Path.Combine(Bin, "google-chrome"), TestBrowser.Find(Environment(("PATH", Bin)), []));
    }

    [Fact]
    public void A_known_install_folder_is_tried_when_nothing_is_on_the_path()
    {
        var chrome = Executable("opt/google/chrome/chrome");
        Assert.Equal(chrome, TestBrowser.Find(Environment(("PATH", Bin)), [Path.Combine(folder, "missing"), chrome]));
    }

    [Fact]
    public void Ubuntus_snap_launcher_is_skipped_for_a_real_browser()
    {
        Executable("bin/chromium-browser", "#!/bin/sh\nexec /snap/bin/chromium \"$@\"\n");
        var chrome = Executable("bin/google-chrome", "#!/bin/bash\nexec -a \"$0\" /opt/google/chrome/chrome \"$@\"\n");
        Assert.Equal(chrome, TestBrowser.Find(Environment(("PATH", Bin)), []));
    }

    [Fact]
    public void No_browser_fails_saying_what_to_install_and_which_variable_to_set()
    {
        var snap = Executable("bin/chromium", "#!/bin/sh\nexec /snap/bin/chromium \"$@\"\n");
        var error = Assert.Throws<InvalidOperationException>(() => TestBrowser.Find(Environment(("PATH", Bin)), []));
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/test", error.Message, StringComparison.Ordinal);
        Assert.Contains("set BACKPROP_BROWSER", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Skipped {snap}: a launcher for a snap", error.Message, StringComparison.Ordinal);
    }
}
