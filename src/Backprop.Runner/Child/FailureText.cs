using System.Globalization;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Backprop.Runner.Child;

/// <summary>
/// Turns a failed cell into a message a learner can act on: compile errors with the line within
/// the cell; runtime exceptions with their type and message. (The kernel compiles cells without
/// debug information, so a stack trace names the submission but not the line; the innermost
/// frame is shown instead.)
/// </summary>
public static class FailureText
{
    /// <summary>Describes a failure; <paramref name="errors"/> are the cell's error diagnostics.</summary>
    public static string Describe(CommandFailed failed, IReadOnlyList<Diagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            var text = new StringBuilder("compile error");
            foreach (var error in errors)
            {
                // LinePositionSpan is 0-based; people count lines from 1.
                var line = error.LinePositionSpan.Start.Line + 1;
                var column = error.LinePositionSpan.Start.Character + 1;
                text.Append(CultureInfo.InvariantCulture, $"\n  line {line}, column {column}: {error.Code}: {error.Message}");
            }

            return text.ToString();
        }

        if (failed.Exception is { } exception)
        {
            var text = $"{exception.GetType().FullName}: {exception.Message}";
            var frame = exception.StackTrace?.Split('\n', 2)[0].Trim();
            return string.IsNullOrEmpty(frame) ? text : $"{text}\n  {frame}";
        }

        return failed.Message;
    }
}
