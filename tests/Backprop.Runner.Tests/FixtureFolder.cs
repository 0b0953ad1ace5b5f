namespace Backprop.Runner.Tests;

/// <summary>A temporary folder holding copies of chosen fixture notebooks; deleted afterwards.</summary>
public sealed class FixtureFolder : IDisposable
{
    public FixtureFolder(params string[] fixtures)
    {
        Path = Directory.CreateTempSubdirectory("runner-tests-").FullName;
        foreach (var fixture in fixtures)
        {
            System.IO.File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), File(fixture));
        }
    }

    public string Path { get; }

    public string Out => System.IO.Path.Combine(Path, "out");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
