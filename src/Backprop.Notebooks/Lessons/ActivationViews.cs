namespace Backprop.Notebooks;

/// <summary>
/// The five activations of the course side by side: σ, its slope g′, what g′ is computed from
/// (Z, O or neither), their values at a few z, and a picture of the slopes. The numbers come from
/// the engine's own <see cref="Activation.Apply(double)"/> and <see cref="Activation.Derivative(double, double)"/>.
/// </summary>
public static class ActivationViews
{
    /// <summary>The course's activations with σ, g′ and what g′ reads, in the words of the lessons.</summary>
    public static IReadOnlyList<(Activation Activation, string Sigma, string Slope, string Reads)> All { get; } =
    [
        (Activation.Step, "1 where z ≥ 0, else 0", "0 (none at z = 0)", "nothing: its slope is 0 wherever it has one"),
        (Activation.Sigmoid, "1 / (1 + e⁻ᶻ)", "O ⊙ (1 − O)", "O only"),
        (Activation.Tanh, "(eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)", "1 − O²", "O only"),
        (Activation.ReLU, "max(0, z)", "1 where z > 0, else 0", "Z: O = 0 cannot tell z = 0 from z < 0"),
        (Activation.Identity, "z", "1", "nothing"),
    ];

    /// <summary>The points at which <see cref="Table"/> shows σ and g′.</summary>
    public static IReadOnlyList<double> SamplePoints { get; } = [-2.0, 0.0, 2.0];

    /// <summary>One row per activation: σ, g′, what g′ reads, and σ and g′ at z = −2, 0 and 2.</summary>
    public static Table Table()
    {
        var at = string.Join(", ", SamplePoints.Select(z => Html.Number(z, "0")));
        var table = new Table($"The activations of the course and their slopes g′ (values at z = {at})",
            "activation", "O = σ(z)", "g′", "g′ is computed from", $"σ at z = {at}", $"g′ at z = {at}");
        foreach (var (activation, sigma, slope, reads) in All)
        {
            var o = SamplePoints.Select(activation.Apply).ToArray();
            var g = SamplePoints.Select((z, i) => activation.Derivative(z, o[i])).ToArray();
            table.Add(activation.Name, sigma, slope, reads, Values(o), Values(g));
        }

        return table;
    }

    /// <summary>g′(z) of every activation for z from <paramref name="from"/> to <paramref name="to"/>: how much of ∂L each one lets through.</summary>
    public static ChartView Slopes(double from = -4, double to = 4, int points = 161)
    {
        if (!(to > from) || points < 2) throw new ArgumentException($"Slopes needs from < to and at least 2 points; got from {from}, to {to}, {points} points.");
        var z = Enumerable.Range(0, points).Select(i => Math.Round(from + (to - from) * i / (points - 1), 6)).ToArray();   // rounded: stored outputs stay short
        var series = All.Select(a => new Series(a.Activation.Name, z, z.Select(v => a.Activation.Derivative(v, a.Activation.Apply(v))).ToArray())).ToArray();
        return Charts.Of("The slope g′(z) of each activation", "z", "g′(z)", series);
    }

    private static string Values(double[] values) => string.Join(", ", values.Select(v => Html.Number(v, "0.###")));
}
