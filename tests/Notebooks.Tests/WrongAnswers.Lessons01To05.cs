namespace Notebooks.Tests;

internal static partial class WrongAnswers
{
    /// <summary>Typical wrong answers for the exercises of lessons 01–05.</summary>
    private static IReadOnlyList<WrongAnswer> Lessons01To05 { get; } =
    [
    ];
}
