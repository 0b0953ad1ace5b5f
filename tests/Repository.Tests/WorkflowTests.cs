using System.Runtime.Versioning;
using Backprop.Testing;
using YamlDotNet.RepresentationModel;

namespace Repository.Tests;

public class WorkflowTests
{
    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoRoot.File(".github", "workflows", "ci.yml"));
        yaml.Load(reader); // throws on invalid YAML
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Job() => (YamlMappingNode)((YamlMappingNode)Workflow()["jobs"])["test"];

    private static List<YamlMappingNode> Steps() => ((YamlSequenceNode)Job()["steps"]).Cast<YamlMappingNode>().ToList();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void Runs_on_push_and_pull_request()
    {
        var on = (YamlMappingNode)Workflow()["on"];
        Assert.Contains(new YamlScalarNode("push"), on.Children.Keys);
        Assert.Contains(new YamlScalarNode("pull_request"), on.Children.Keys);
    }

    [Fact]
    public void Uses_ubuntu_and_dotnet_10()
    {
        Assert.Equal("ubuntu-latest", Scalar(Job(), "runs-on"));
        var setup = Steps().Single(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("10.0.x", Scalar((YamlMappingNode)setup["with"], "dotnet-version"));
    }

    /// <summary>The README's test command: one script that installs what the tests need, restores the tools and runs dotnet test.</summary>
    private const string TestCommand = ".ci/test";

    [Fact]
    public void Runs_the_readme_test_command()
    {
        var readme = File.ReadAllText(RepoRoot.File("README.md"));
        Assert.Contains($"\n{TestCommand}\n", readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Steps(), s => Scalar(s, "run") == TestCommand);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // the execute bit
    public void The_test_command_is_an_executable_script_that_restores_the_tools_and_runs_the_tests()
    {
        var script = RepoRoot.File(TestCommand);
        Assert.True(File.Exists(script), script);
        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(script) & UnixFileMode.UserExecute);
        var text = File.ReadAllText(script);
        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore", text, StringComparison.Ordinal);
        Assert.Contains("dotnet test BackpropNotebooks.sln \"$@\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ci_entry_point_calls_the_same_test_command()
    {
        var run = File.ReadAllLines(RepoRoot.File(".ci", "run"));
        Assert.Contains(run, line => line.TrimStart().StartsWith("step .ci/test ", StringComparison.Ordinal));
        Assert.DoesNotContain(run, line => line.Contains("apt-get", StringComparison.Ordinal) || line.TrimStart().StartsWith("step dotnet test", StringComparison.Ordinal));
    }

    [Fact]
    public void Points_the_browser_tests_at_the_runners_google_chrome_instead_of_apt_chromium()
    {
        // ubuntu-latest's apt chromium is a launcher for a snap; the runner image ships Google Chrome.
        var env = (YamlMappingNode)Job()["env"];
        Assert.Equal("google-chrome", Scalar(env, TestBrowser.Variable));
        Assert.DoesNotContain(Steps(), s => Scalar(s, "run")?.Contains("chromium", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Uploads_the_executed_notebooks_and_the_exported_site()
    {
        var upload = Steps().Where(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true)
            .Select(s => Scalar((YamlMappingNode)s["with"], "path")).ToList();
        Assert.Contains("artifacts/notebooks", upload);
        Assert.Contains("artifacts/site", upload);
        Assert.Contains(Steps(), s => Scalar(s, "run")?.Contains("-- export --from artifacts/notebooks --out artifacts/site", StringComparison.Ordinal) == true);
    }
}
