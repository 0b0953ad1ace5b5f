namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>Typical wrong answers for the exercises of lessons 06 and after.</summary>
    private static IReadOnlyList<WrongAnswer> Lessons06On { get; } =
    [
    ];
}
