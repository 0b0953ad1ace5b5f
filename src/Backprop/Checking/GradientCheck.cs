namespace Backprop;

/// <summary>How far analytic gradients may be from finite differences.</summary>
public enum GradientVerdict
{
    /// <summary>Largest relative error ≤ <see cref="GradientCheck.CorrectAtMost"/>: the backward pass is right.</summary>
    Correct,

    /// <summary>Between the thresholds: often a kink (ReLU at 0) or a too-large ε; look closer.</summary>
    Suspicious,

    /// <summary>Largest relative error &gt; <see cref="GradientCheck.WrongAbove"/>: the backward pass has a bug.</summary>
    Wrong,
}

/// <summary>One parameter compared: analytic ∂L/∂w against the finite difference.</summary>
/// <param name="Parameter">"W_L97" or "b_L97".</param>
/// <param name="Row">Row in the parameter matrix.</param>
/// <param name="Column">Column in the parameter matrix.</param>
/// <param name="Analytic">∂L/∂w from the backward pass.</param>
/// <param name="Numeric">(L(w + ε) − L(w − ε)) / 2ε.</param>
/// <param name="RelativeError">See <see cref="GradientCheck.RelativeError"/>.</param>
public sealed record ParameterCheck(string Parameter, int Row, int Column, double Analytic, double Numeric, double RelativeError);

/// <summary>One layer's result: how many parameters were compared and the worst one.</summary>
/// <param name="Layer">"L97".</param>
/// <param name="Checked">Parameters compared.</param>
/// <param name="Worst">The parameter with the largest relative error.</param>
public sealed record LayerCheck(string Layer, int Checked, ParameterCheck Worst)
{
    /// <summary>The largest relative error in this layer.</summary>
    public double MaxRelativeError => Worst.RelativeError;

    /// <summary>This layer's verdict.</summary>
    public GradientVerdict Verdict => GradientCheck.Judge(MaxRelativeError);
}

/// <summary>A gradient check's result, per layer and overall.</summary>
/// <param name="Layers">Per layer, first to last.</param>
public sealed record GradientCheckResult(IReadOnlyList<LayerCheck> Layers)
{
    /// <summary>The largest relative error of all layers.</summary>
    public double MaxRelativeError => Layers.Max(l => l.MaxRelativeError);

    /// <summary>The layer with the largest error.</summary>
    public LayerCheck Worst => Layers.MaxBy(l => l.MaxRelativeError)!;

    /// <summary>The overall verdict.</summary>
    public GradientVerdict Verdict => GradientCheck.Judge(MaxRelativeError);

    /// <summary>A plain-text table: layer, parameters checked, max relative error, verdict.</summary>
    public string ToText() =>
        string.Join(Environment.NewLine, Layers.Select(l => FormattableString.Invariant(
            $"{l.Layer,-6} {l.Checked,5} checked  max relative error {l.MaxRelativeError:0.00e+00} at {l.Worst.Parameter}[{l.Worst.Row},{l.Worst.Column}]  {l.Verdict}")))
        + Environment.NewLine + FormattableString.Invariant($"verdict: {Verdict} (max {MaxRelativeError:0.00e+00}; correct ≤ {GradientCheck.CorrectAtMost:0e+00}, wrong > {GradientCheck.WrongAbove:0e+00})");
}

/// <summary>
/// Finite-difference gradient checking: nudge one weight by ±ε, measure the loss, and compare
/// the slope (L(w + ε) − L(w − ε)) / 2ε (refined with ±2ε) with what the backward pass says.
/// </summary>
public static class GradientCheck
{
    /// <summary>Relative errors up to this are correct (a correct backward pass typically reaches 1e-9 or less).</summary>
    public const double CorrectAtMost = 1e-6;

    /// <summary>Relative errors above this are a bug.</summary>
    public const double WrongAbove = 1e-3;

    /// <summary>
    /// Below this size, a gradient is compared by absolute difference (scaled by this floor):
    /// finite differences carry an absolute noise of about 1e-12, which would be a large relative error on a gradient of 1e-9.
    /// </summary>
    public const double Floor = 1e-5;

    /// <summary>|a − n| / max(|a|, |n|, <see cref="Floor"/>).</summary>
    public static double RelativeError(double analytic, double numeric) =>
        Math.Abs(analytic - numeric) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numeric)), Floor);

    /// <summary>The verdict for a largest relative error.</summary>
    public static GradientVerdict Judge(double maxRelativeError) =>
        maxRelativeError <= CorrectAtMost ? GradientVerdict.Correct
        : maxRelativeError <= WrongAbove ? GradientVerdict.Suspicious
        : GradientVerdict.Wrong;

    /// <summary>
    /// The central-difference slope of <paramref name="f"/> with respect to each entry of
    /// <paramref name="parameter"/> (listed by <paramref name="entries"/>), nudging entries in place
    /// and restoring each exactly. The plain central difference (L(w + ε) − L(w − ε)) / 2ε has an
    /// error that shrinks as ε²; combining it with the same at 2ε,
    /// (8·[L(w + ε) − L(w − ε)] − [L(w + 2ε) − L(w − 2ε)]) / 12ε, cancels the ε² term, so a larger
    /// ε can be used and less precision is lost to subtracting two nearly equal losses.
    /// </summary>
    public static double[] NumericGradient(Func<double> f, Matrix<double> parameter, IReadOnlyList<(int Row, int Column)> entries, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(entries);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be a small positive number");
        var slopes = new double[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            var (r, c) = entries[e];
            var original = parameter[r, c];
            double LossAt(double offset)
            {
                parameter[r, c] = original + offset;
                return f();
            }
            var near = LossAt(epsilon) - LossAt(-epsilon);
            var far = LossAt(2 * epsilon) - LossAt(-2 * epsilon);
            parameter[r, c] = original;
            slopes[e] = (8 * near - far) / (12 * epsilon);
        }
        return slopes;
    }

    /// <summary>The default ε: large enough that rounding stays small, small enough that ε⁴ is negligible.</summary>
    public const double DefaultEpsilon = 1e-3;

    /// <summary>
    /// Compares the backward pass with finite differences for every parameter of every layer,
    /// or for a seeded sample of <paramref name="samplesPerLayer"/> entries per matrix.
    /// </summary>
    /// <param name="network">The network; its weights are nudged and restored exactly.</param>
    /// <param name="x">X, (n×k).</param>
    /// <param name="labels">Y, (n×j_out).</param>
    /// <param name="loss">The loss; sum over n when null.</param>
    /// <param name="backward">The backward pass under test; the engine's loop form when null.</param>
    /// <param name="samplesPerLayer">Entries per parameter matrix to check; all when null.</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <param name="epsilon">ε of the central difference.</param>
    public static GradientCheckResult Run(Network network, Matrix<double> x, Matrix<double> labels, SquaredLoss? loss = null,
        Func<ForwardPass, Matrix<double>, SquaredLoss, Gradients>? backward = null, int? samplesPerLayer = null, int seed = 0, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(network);
        loss ??= new SquaredLoss();
        backward ??= (f, y, l) => LoopBackprop.Backward(f, y, l);
        return Compare(new NetworkCheckTarget(network, x, labels, loss, backward), samplesPerLayer, seed, epsilon);
    }

    /// <summary>
    /// The check itself, on any <see cref="IGradientCheckTarget"/>: the engine's own (above) or the
    /// fast path's. Per layer, every entry of W (and b), or a seeded sample of
    /// <paramref name="samplesPerLayer"/> per matrix, is nudged and compared with its analytic gradient.
    /// </summary>
    /// <param name="target">The parameters, their analytic gradients and the loss.</param>
    /// <param name="samplesPerLayer">Entries per parameter matrix to check; all when null.</param>
    /// <param name="seed">Seed of the sample.</param>
    /// <param name="epsilon">ε of the central difference.</param>
    public static GradientCheckResult Compare(IGradientCheckTarget target, int? samplesPerLayer = null, int seed = 0, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(target);
        var random = new Random(seed);
        var layers = new List<LayerCheck>();
        for (var l = 0; l < target.Network.Layers.Count; l++)
        {
            var name = target.Network.Layers[l].Name;
            var p = target.Parameters(l);
            var checks = CompareEntries($"W_{name}", p.W, p.DLossDW, target.Loss, samplesPerLayer, random, epsilon);
            if (p.B is not null)
            {
                var dB = p.DLossDB ?? throw new ArgumentException($"{name} has a bias b but no ∂L/∂b to compare it with", nameof(target));
                checks.AddRange(CompareEntries($"b_{name}", p.B, dB, target.Loss, samplesPerLayer, random, epsilon));
            }
            layers.Add(new LayerCheck(name, checks.Count, checks.MaxBy(c => c.RelativeError)!));
        }
        return new GradientCheckResult(layers);
    }

    /// <summary>
    /// Compares one parameter matrix's analytic gradient with the numeric slope of
    /// <paramref name="lossNow"/> (the loss with the parameter as it is at the time of the call).
    /// </summary>
    private static List<ParameterCheck> CompareEntries(string name, Matrix<double> parameter, Matrix<double> analytic, Func<double> lossNow,
        int? samplesPerLayer, Random random, double epsilon)
    {
        Check.SameShape("gradient check", $"∂L/∂{name}", analytic, name, parameter);
        var entries = Entries(parameter, samplesPerLayer, random);
        var numeric = NumericGradient(lossNow, parameter, entries, epsilon);
        return entries.Select((e, i) => new ParameterCheck(name, e.Row, e.Column, analytic[e.Row, e.Column], numeric[i],
            RelativeError(analytic[e.Row, e.Column], numeric[i]))).ToList();
    }

    private static List<(int Row, int Column)> Entries(Matrix<double> m, int? samples, Random random)
    {
        var all = Enumerable.Range(0, m.RowCount).SelectMany(r => Enumerable.Range(0, m.ColumnCount).Select(c => (r, c))).ToList();
        if (samples is not { } s || s >= all.Count) return all;
        var chosen = all.ToArray();
        random.Shuffle(chosen);
        return chosen.Take(Math.Max(1, s)).ToList();
    }
}
