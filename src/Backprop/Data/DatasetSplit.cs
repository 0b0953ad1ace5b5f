namespace Backprop.Data;

/// <summary>
/// A data set cut in two: the instances the network trains on, and held-out test instances it
/// never sees while training. Accuracy on the test part says how well it does on new data.
/// <c>var (train, test) = data.Split(testFraction: 0.2, seed: 1);</c>
/// </summary>
/// <param name="Train">The training instances, in their original order.</param>
/// <param name="Test">The test instances, in their original order.</param>
/// <param name="TrainRows">Which rows of the original data went into <paramref name="Train"/>.</param>
/// <param name="TestRows">Which rows of the original data went into <paramref name="Test"/>.</param>
public sealed record DatasetSplit(Dataset Train, Dataset Test, IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows)
{
    /// <summary>The two parts, for <c>var (train, test) = …</c>.</summary>
    public void Deconstruct(out Dataset train, out Dataset test)
    {
        train = Train;
        test = Test;
    }

    /// <summary>"digits: 1437 train, 360 test".</summary>
    public override string ToString() => $"{Train.Name}: {Train.Count} train, {Test.Count} test";
}

/// <summary>Cutting a <see cref="Dataset"/> into training and test parts.</summary>
public static class DatasetSplitting
{
    /// <summary>
    /// Shuffles the row numbers with <paramref name="seed"/> (Fisher–Yates) and puts
    /// round(n · <paramref name="testFraction"/>) of them in the test part, the rest in the training
    /// part; each part keeps the original order. The same seed always gives the same split, and
    /// every instance lands in exactly one part.
    /// </summary>
    /// <param name="data">The data to cut.</param>
    /// <param name="testFraction">The share held out for testing, e.g. 0.2; both parts must get at least one instance.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static DatasetSplit Split(this Dataset data, double testFraction, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!double.IsFinite(testFraction) || testFraction <= 0 || testFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1, e.g. 0.2");
        var testCount = (int)Math.Round(data.Count * testFraction, MidpointRounding.AwayFromZero);
        if (testCount < 1 || testCount > data.Count - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                $"{data.Name} has {data.Count} instances: a test fraction of {testFraction} leaves {testCount} for testing and {data.Count - testCount} for training; both need at least one");
        }

        var order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(order);
        var test = order[..testCount].Order().ToArray();
        var train = order[testCount..].Order().ToArray();
        return new DatasetSplit(Rows(data, train, "train"), Rows(data, test, "test"), train, test);
    }

    private static Dataset Rows(Dataset data, int[] rows, string part) => new(
        $"{data.Name} ({part})",
        Matrix<double>.Build.Dense(rows.Length, data.X.ColumnCount, (i, j) => data.X[rows[i], j]),
        Matrix<double>.Build.Dense(rows.Length, data.Y.ColumnCount, (i, j) => data.Y[rows[i], j]));
}
