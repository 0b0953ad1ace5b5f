namespace Backprop.Data;

/// <summary>
/// Classes as numbers and back: one-hot rows for training, the network's guess (its largest
/// output) for judging, and accuracy, the share of guesses that are right.
/// </summary>
public static class Classification
{
    /// <summary>
    /// One row per label with a 1 in the label's column and 0 elsewhere: digit 3 of 10 classes is
    /// (0 0 0 1 0 0 0 0 0 0). Y (n×classes), the shape of an output layer with one neuron per class.
    /// </summary>
    public static Matrix<double> OneHot(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "A classification needs at least two classes");
        if (labels.Count == 0) throw new ArgumentException("One-hot encoding needs at least one label", nameof(labels));
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label {i} is {labels[i]}; with {classes} classes a label is 0 to {classes - 1}");
        }

        return Matrix<double>.Build.Dense(labels.Count, classes, (i, j) => labels[i] == j ? 1 : 0);
    }

    /// <summary>
    /// The column of the largest value in each row: for one-hot labels the class, for a network's
    /// output (n×classes) its guess. Ties go to the first column.
    /// </summary>
    public static int[] ArgMax(Matrix<double> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new int[rows.RowCount];
        for (var i = 0; i < rows.RowCount; i++)
        {
            var best = 0;
            for (var j = 1; j < rows.ColumnCount; j++)
                if (rows[i, j] > rows[i, best]) best = j;
            result[i] = best;
        }
        return result;
    }

    /// <summary>The network's guess for each row of X: the output neuron with the largest O.</summary>
    public static int[] Predict(Network network, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ArgMax(network.Predict(x));
    }

    /// <summary>The share of <paramref name="guessed"/> equal to <paramref name="actual"/>, from 0 to 1.</summary>
    public static double Accuracy(IReadOnlyList<int> actual, IReadOnlyList<int> guessed)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(guessed);
        if (actual.Count != guessed.Count)
            throw new ArgumentException($"{actual.Count} labels and {guessed.Count} guesses: they must pair up one to one", nameof(guessed));
        if (actual.Count == 0) throw new ArgumentException("Accuracy needs at least one instance", nameof(actual));
        return (double)actual.Where((a, i) => a == guessed[i]).Count() / actual.Count;
    }

    /// <summary>
    /// The share of <paramref name="data"/>'s instances whose guess is their class: Y must be
    /// one-hot (n×classes) and the network's output as wide.
    /// </summary>
    public static double Accuracy(Network network, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        network.CheckLabels(data.X, data.Y);
        return Accuracy(ArgMax(data.Y), Predict(network, data.X));
    }
}
