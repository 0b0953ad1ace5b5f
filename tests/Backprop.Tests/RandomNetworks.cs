using CsCheck;

namespace Backprop.Tests;

/// <summary>
/// A random network with random weights, biases, inputs and labels: 1–6 layers of 1–6 neurons,
/// every activation except step, every bias mode, 1–16 instances.
/// </summary>
public sealed record NetworkCase(int[] Sizes, int[] ActivationIds, BiasMode Bias, int N, int Seed)
{
    private static readonly Activation[] Smooth = [Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.Identity];

    public static readonly Gen<NetworkCase> Gen =
        from depth in CsCheck.Gen.Int[1, 6]
        from sizes in CsCheck.Gen.Int[1, 6].Array[depth + 1]
        from activations in CsCheck.Gen.Int[0, Smooth.Length - 1].Array[depth]
        from bias in CsCheck.Gen.Enum<BiasMode>()
        from n in CsCheck.Gen.Int[1, 16]
        from seed in CsCheck.Gen.Int[0, 1_000_000]
        select new NetworkCase(sizes, activations, bias, n, seed);

    public Activation[] Activations => ActivationIds.Select(i => Smooth[i]).ToArray();

    /// <summary>The network in this case's bias mode; biases are random, not zero, so they matter.</summary>
    public Network Network() => WithBias(Bias);

    /// <summary>The same parameters in another bias form (Vector and OnesColumn are interchangeable).</summary>
    public Network WithBias(BiasMode mode)
    {
        var random = new Random(Seed);
        var weights = Enumerable.Range(1, Sizes.Length - 1).Select(l => TestData.Random(Sizes[l - 1], Sizes[l], random)).ToArray();
        var biases = Enumerable.Range(1, Sizes.Length - 1).Select(l => TestData.Random(1, Sizes[l], random, -0.5, 0.5)).ToArray();
        return mode switch
        {
            BiasMode.None => Backprop.Network.FromWeights(weights, Activations),
            BiasMode.Vector => Backprop.Network.FromWeights(weights, Activations, biases),
            _ => Backprop.Network.FromWeights(weights, Activations, biases).WithBiasMode(BiasMode.OnesColumn),
        };
    }

    public Matrix<double> X => TestData.Random(N, Sizes[0], new Random(Seed + 1));

    public Matrix<double> Y => TestData.Random(N, Sizes[^1], new Random(Seed + 2), 0, 1);

    /// <summary>
    /// True when a ReLU's Z is so close to 0 that a finite difference of ±ε would straddle the
    /// kink, where the derivative does not exist: such a case cannot be checked numerically.
    /// </summary>
    public bool NearAKink(double margin = 0.05) =>
        Network().Forward(X).Layers.Any(s => s.Layer.Activation is ReLU && s.Z.Enumerate().Any(z => Math.Abs(z) < margin));

    public override string ToString() =>
        $"sizes [{string.Join(",", Sizes)}], σ [{string.Join(",", Activations.Select(a => a.Name))}], bias {Bias}, n {N}, seed {Seed}";
}
