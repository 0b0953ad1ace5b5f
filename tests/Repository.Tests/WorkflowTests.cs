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

    [Fact]
    public void Runs_the_readme_test_command()
    {
        var readme = File.ReadAllText(RepoRoot.File("README.md"));
        const string command = "dotnet tool restore && dotnet test";
        Assert.Contains(command, readme);
        Assert.Contains(Steps(), s => Scalar(s, "run") == command);
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
