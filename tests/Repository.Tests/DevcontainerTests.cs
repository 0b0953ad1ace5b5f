using System.Text.Json;

namespace Repository.Tests;

public class DevcontainerTests
{
    private static JsonElement Devcontainer()
    {
        var text = File.ReadAllText(RepoRoot.File(".devcontainer", "devcontainer.json"));
        // devcontainer.json is "JSON with comments": comments and trailing commas are allowed.
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Parses_and_uses_a_dotnet_10_image()
    {
        var image = Devcontainer().GetProperty("image").GetString();
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:10.0", image);
    }

    [Theory]
    [InlineData("ms-dotnettools.dotnet-interactive-vscode")]
    [InlineData("ms-toolsai.jupyter")]
    [InlineData("ms-dotnettools.csharp")]
    public void Names_the_extensions_the_course_needs(string extension)
    {
        var extensions = Devcontainer().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(extension, extensions);
    }

    [Fact]
    public void Opts_out_of_telemetry()
    {
        var env = Devcontainer().GetProperty("containerEnv");
        Assert.Equal("1", env.GetProperty("DOTNET_CLI_TELEMETRY_OPTOUT").GetString());
        Assert.Equal("1", env.GetProperty("DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT").GetString());
    }

    [Fact]
    public void Kernel_it_launches_is_the_pinned_local_tool()
    {
        var args = Devcontainer().GetProperty("customizations").GetProperty("vscode").GetProperty("settings")
            .GetProperty("dotnet-interactive.kernelTransportArgs").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["{dotnet_path}", "tool", "run", "dotnet-interactive"], args.Take(4));
        var tools = File.ReadAllText(RepoRoot.File(".config", "dotnet-tools.json"));
        Assert.Contains("\"microsoft.dotnet-interactive\"", tools);
        Assert.Contains("\"1.0.712001\"", tools);
        Assert.Contains("\"0.3.259\"", tools);
    }

    /// <summary>
    /// The whole promise: a fresh clone plus the postCreateCommand, and nothing else, gives
    /// notebooks that the stock kernel (dotnet-repl, the build VS Code runs) executes green.
    /// </summary>
    [Fact]
    public async Task Post_create_command_in_a_fresh_clone_leaves_the_notebooks_runnable_in_the_stock_kernel()
    {
        var clone = Directory.CreateTempSubdirectory("devcontainer-clone-").FullName;
        try
        {
            var (cloned, cloneOutput) = await RepoRoot.RunAsync(RepoRoot.Path, TimeSpan.FromMinutes(2), "git", "clone", "--quiet", RepoRoot.Path, clone);
            Assert.True(cloned == 0, cloneOutput);
            var command = Devcontainer().GetProperty("postCreateCommand").GetString()!;
            var (created, createOutput) = await RepoRoot.RunAsync(clone, TimeSpan.FromMinutes(10), "bash", "-c", command);
            Assert.True(created == 0, createOutput);

            var notebook = Directory.GetFiles(Path.Combine(clone, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).FirstOrDefault();
            Assert.True(notebook is not null, "the clone has no notebooks to run");
            var output = Path.Combine(clone, "artifacts", "repl.ipynb");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var (ran, runOutput) = await RepoRoot.RunAsync(Path.Combine(clone, "notebooks"), TimeSpan.FromMinutes(5), "dotnet",
                "tool", "run", "dotnet-repl", "--", "--run", Path.GetFileName(notebook), "--exit-after-run", "--output-format", "ipynb", "--output-path", output);
            Assert.True(ran == 0, $"dotnet-repl exit code {ran} on {Path.GetFileName(notebook)}\n{runOutput}");
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }
}
