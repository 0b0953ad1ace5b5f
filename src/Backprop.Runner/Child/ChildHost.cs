using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace Backprop.Runner.Child;

/// <summary>
/// The child side: reads an <see cref="ExecutionRequest"/> from standard input, runs its cells in
/// a fresh kernel and reports each step as a <see cref="ChildMessage"/> line. Stops at the first
/// failed cell (later cells usually depend on it). The parent owns timeouts: a cell that never
/// completes is ended by killing this process.
/// </summary>
public static class ChildHost
{
    /// <summary>Runs the request; the exit code is 0 when every cell succeeded, 1 otherwise.</summary>
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The protocol owns the raw stdout handle; anything else printed goes to stderr, so a
        // stray Console.WriteLine outside a cell cannot corrupt the protocol.
        await using var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(Console.Error);
        var send = new ProtocolWriter(protocol);

        var request = await JsonSerializer.DeserializeAsync<ExecutionRequest>(Console.OpenStandardInput(), ChildProtocol.Json, cancellationToken)
                      ?? throw new InvalidOperationException("empty execution request");

        var clock = Stopwatch.StartNew();
        using var kernel = KernelFactory.Create();
        await send.WriteAsync(new ChildMessage { Kind = ChildProtocol.KernelReady, Milliseconds = clock.ElapsedMilliseconds });

        var capture = new OutputCapture((cell, outputs) =>
            send.Post(new ChildMessage { Kind = ChildProtocol.OutputsUpdated, Cell = cell, Outputs = outputs }));
        using var subscription = kernel.KernelEvents.Subscribe(new EventObserver(capture.OnEvent));

        var exitCode = 0;
        var executionCount = 0;
        foreach (var cell in request.Cells)
        {
            var failed = await RunCellAsync(kernel, capture, send, cell, ++executionCount, cancellationToken);
            if (failed)
            {
                exitCode = 1;
                break;
            }
        }

        await send.DrainAsync();
        await send.WriteAsync(new ChildMessage { Kind = ChildProtocol.Done });
        return exitCode;
    }

    private static async Task<bool> RunCellAsync(
        CompositeKernel kernel, OutputCapture capture, ProtocolWriter send, CellSource cell, int executionCount, CancellationToken cancellationToken)
    {
        await send.WriteAsync(new ChildMessage { Kind = ChildProtocol.CellStarted, Cell = cell.Cell });
        var clock = Stopwatch.StartNew();
        var command = new SubmitCode(cell.Source);
        // Subscribed before sending (the observer above), matched to this command in the capture.
        capture.Begin(cell.Cell, executionCount, command);
        var result = await kernel.SendAsync(command, cancellationToken);
        var (error, outputs) = capture.End(result);
        await send.WriteAsync(new ChildMessage
        {
            Kind = ChildProtocol.CellFinished,
            Cell = cell.Cell,
            Milliseconds = clock.ElapsedMilliseconds,
            ExecutionCount = executionCount,
            Outputs = outputs,
            Error = error,
        });
        return error is not null;
    }

    private sealed class EventObserver(Action<Microsoft.DotNet.Interactive.Events.KernelEvent> onNext)
        : IObserver<Microsoft.DotNet.Interactive.Events.KernelEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Microsoft.DotNet.Interactive.Events.KernelEvent value) => onNext(value);
    }
}
