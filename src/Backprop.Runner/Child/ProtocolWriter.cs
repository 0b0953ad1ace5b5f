namespace Backprop.Runner.Child;

/// <summary>
/// Writes protocol lines one at a time: kernel events may arrive on other threads (a display
/// updated from a background task) while the main loop reports a cell.
/// </summary>
public sealed class ProtocolWriter(TextWriter writer)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Task> postedWrites = [];

    /// <summary>Writes one message as one line.</summary>
    public async Task WriteAsync(ChildMessage message)
    {
        var line = ChildProtocol.ToLine(message);
        await gate.WaitAsync();
        try
        {
            await writer.WriteLineAsync(line);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes from a synchronous event handler without blocking it on the writer.</summary>
    public void Post(ChildMessage message)
    {
        lock (postedWrites)
        {
            postedWrites.Add(WriteAsync(message));
        }
    }

    /// <summary>Waits for every posted message, so none is lost when the child exits.</summary>
    public async Task DrainAsync()
    {
        Task[] pending;
        lock (postedWrites)
        {
            pending = [.. postedWrites];
            postedWrites.Clear();
        }

        await Task.WhenAll(pending);
    }
}
