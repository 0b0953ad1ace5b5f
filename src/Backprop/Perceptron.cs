namespace Backprop;

/// <summary>
/// The classic perceptron: one neuron with the step activation, trained by the perceptron
/// learning rule W ← W + α (y − ŷ) x, b ← b + α (y − ŷ), one instance at a time. No derivative
/// is involved: the step has none worth using. It draws one straight line, so it learns AND
/// and OR but never XOR.
/// </summary>
public sealed class Perceptron
{
    /// <summary>A perceptron with <paramref name="inputs"/> weights, all starting at 0, and bias 0.</summary>
    public Perceptron(int inputs)
    {
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A perceptron needs at least one input");
        W = Vector<double>.Build.Dense(inputs);
    }

    /// <summary>W, one weight per input (the article's W of a one-neuron layer, as a vector).</summary>
    public Vector<double> W { get; private set; }

    /// <summary>b, the threshold moved to the other side: the neuron fires when W·x + b ≥ 0.</summary>
    public double B { get; private set; }

    /// <summary>ŷ = step(W·x + b) for one instance.</summary>
    public double Predict(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != W.Count)
            throw new ShapeException($"perceptron: x has {x.Count} values but the perceptron has {W.Count} weights");
        return Activation.Step.Apply(W.DotProduct(x) + B);
    }

    /// <summary>ŷ for every row of X (n×k), as an (n×1) column.</summary>
    public Matrix<double> Predict(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Matrix<double>.Build.Dense(x.RowCount, 1, (i, _) => Predict(x.Row(i)));
    }

    /// <summary>
    /// Runs the perceptron rule over the instances in order for up to <paramref name="epochs"/>
    /// epochs, stopping after an epoch without mistakes. Every instance visited is recorded.
    /// </summary>
    /// <param name="x">Inputs, (n×k).</param>
    /// <param name="labels">Targets 0 or 1, (n×1).</param>
    /// <param name="epochs">The most passes over the data.</param>
    /// <param name="alpha">Learning rate α.</param>
    public PerceptronHistory Train(Matrix<double> x, Matrix<double> labels, int epochs = 20, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        Check.Alpha(alpha);
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Training needs at least one epoch");
        if (x.ColumnCount != W.Count)
            throw new ShapeException($"perceptron: X {Shape.Of(x)} must have {W.Count} columns, one per weight");
        if (labels.RowCount != x.RowCount || labels.ColumnCount != 1)
            throw new ShapeException($"perceptron: labels Y {Shape.Of(labels)} must be ({x.RowCount}×1), one 0 or 1 per instance");

        var steps = new List<PerceptronStep>();
        var mistakes = new List<int>();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var wrong = 0;
            for (var i = 0; i < x.RowCount; i++)
            {
                var predicted = Predict(x.Row(i));
                var error = labels[i, 0] - predicted; // −1, 0 or +1
                if (error != 0)
                {
                    wrong++;
                    W += alpha * error * x.Row(i);
                    B += alpha * error;
                }
                steps.Add(new PerceptronStep(epoch, i, labels[i, 0], predicted, W.ToArray(), B));
            }
            mistakes.Add(wrong);
            if (wrong == 0) break;
        }
        return new PerceptronHistory(steps, mistakes);
    }
}

/// <summary>One instance visited by the perceptron rule, and the weights after it.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="Instance">Row of X.</param>
/// <param name="Target">y.</param>
/// <param name="Predicted">ŷ before the update.</param>
/// <param name="W">W after the update.</param>
/// <param name="B">b after the update.</param>
public sealed record PerceptronStep(int Epoch, int Instance, double Target, double Predicted, IReadOnlyList<double> W, double B)
{
    /// <summary>True when this instance changed the weights.</summary>
    public bool Updated => Target != Predicted;
}

/// <summary>Everything a perceptron's training did.</summary>
/// <param name="Steps">Every instance visited, in order.</param>
/// <param name="MistakesPerEpoch">How many instances were misclassified in each epoch.</param>
public sealed record PerceptronHistory(IReadOnlyList<PerceptronStep> Steps, IReadOnlyList<int> MistakesPerEpoch)
{
    /// <summary>True when the last epoch had no mistakes.</summary>
    public bool Converged => MistakesPerEpoch.Count > 0 && MistakesPerEpoch[^1] == 0;
}
