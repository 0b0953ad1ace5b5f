using System.Text;

namespace Backprop.Runner.Child;

/// <summary>
/// The child's diagnostic log: the raw standard error handle, which the kernel's capture of
/// <see cref="Console"/> during a cell does not see, so log lines never become cell outputs.
/// The parent keeps the first lines to explain a crash.
/// </summary>
public static class ChildLog
{
    private static readonly StreamWriter Writer = new(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Writes one line.</summary>
    public static async Task WriteLineAsync(string line)
    {
        await Gate.WaitAsync();
        try
        {
            await Writer.WriteLineAsync(line);
        }
        finally
        {
            Gate.Release();
        }
    }
}
