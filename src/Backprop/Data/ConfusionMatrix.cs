namespace Backprop.Data;

/// <summary>
/// How often each class was guessed as each class: row = the actual class, column = the guess.
/// The diagonal holds the right answers; every other cell is one kind of mistake, e.g. [4, 9] is
/// how many 4s were taken for 9s.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] counts;

    private ConfusionMatrix(int[,] counts) => this.counts = counts;

    /// <summary>Counts the pairs (actual[i], guessed[i]); both lists hold classes 0 to <paramref name="classes"/> − 1.</summary>
    public static ConfusionMatrix From(IReadOnlyList<int> actual, IReadOnlyList<int> guessed, int classes)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(guessed);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "A classification needs at least two classes");
        if (actual.Count != guessed.Count)
            throw new ArgumentException($"{actual.Count} labels and {guessed.Count} guesses: they must pair up one to one", nameof(guessed));
        var counts = new int[classes, classes];
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] < 0 || actual[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(actual), actual[i], $"Label {i} is {actual[i]}; with {classes} classes a label is 0 to {classes - 1}");
            if (guessed[i] < 0 || guessed[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(guessed), guessed[i], $"Guess {i} is {guessed[i]}; with {classes} classes a guess is 0 to {classes - 1}");
            counts[actual[i], guessed[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /// <summary>The confusion matrix of <paramref name="network"/>'s guesses on <paramref name="data"/> (Y one-hot).</summary>
    public static ConfusionMatrix Of(Network network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.CheckLabels(data.X, data.Y);
        return From(Classification.ArgMax(data.Y), Classification.Predict(network, data.X), data.Y.ColumnCount);
    }

    /// <summary>How many classes: the matrix is Classes × Classes.</summary>
    public int Classes => counts.GetLength(0);

    /// <summary>How many instances of class <paramref name="actual"/> were guessed as <paramref name="guessed"/>.</summary>
    public int this[int actual, int guessed] => counts[actual, guessed];

    /// <summary>All instances counted.</summary>
    public int Total => Enumerable.Range(0, Classes).Sum(Actual);

    /// <summary>Instances on the diagonal: guessed right.</summary>
    public int Correct => Enumerable.Range(0, Classes).Sum(c => counts[c, c]);

    /// <summary>Correct / Total, from 0 to 1; NaN when nothing was counted.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;

    /// <summary>How many instances of class <paramref name="actual"/> there were (the row's sum).</summary>
    public int Actual(int actual) => Enumerable.Range(0, Classes).Sum(g => counts[actual, g]);

    /// <summary>How often <paramref name="guessed"/> was guessed (the column's sum).</summary>
    public int Guessed(int guessed) => Enumerable.Range(0, Classes).Sum(a => counts[a, guessed]);

    /// <summary>The mistakes, most frequent first: every off-diagonal cell that is not 0.</summary>
    public IReadOnlyList<(int Actual, int Guessed, int Count)> Mistakes() =>
        (from a in Enumerable.Range(0, Classes)
         from g in Enumerable.Range(0, Classes)
         where a != g && counts[a, g] > 0
         orderby counts[a, g] descending, a, g
         select (a, g, counts[a, g])).ToArray();
}
