namespace Backprop;

/// <summary>
/// What a gradient check compares, layer by layer: each parameter matrix with the analytic
/// gradient a backward pass gave for it, and the loss with the parameters as they are at the time
/// of the call. <see cref="GradientCheck.Compare"/> nudges the matrices in place, asks for the loss,
/// and restores every entry exactly. The engine's own target is a network and a backward pass
/// (<see cref="GradientCheck.Run"/>); Backprop.Fast has one over its workspace.
/// </summary>
public interface IGradientCheckTarget
{
    /// <summary>The network whose layers are checked, first to last; the result is named after them.</summary>
    Network Network { get; }

    /// <summary>Layer <paramref name="layer"/>'s parameters (0 = first layer) and their analytic gradients.</summary>
    LayerParameters Parameters(int layer);

    /// <summary>L with the parameters as they are now: every nudge of a <see cref="LayerParameters"/> matrix shows in it.</summary>
    double Loss();
}

/// <summary>One layer's parameters under a gradient check, each with the gradient claimed for it.</summary>
/// <param name="W">W itself: the check nudges its entries in place and restores them.</param>
/// <param name="DLossDW">∂L/∂W from the backward pass, the shape of W.</param>
/// <param name="B">b itself in <see cref="BiasMode.Vector"/> mode; otherwise null.</param>
/// <param name="DLossDB">∂L/∂b from the backward pass, the shape of b; null when b is.</param>
public sealed record LayerParameters(Matrix<double> W, Matrix<double> DLossDW, Matrix<double>? B, Matrix<double>? DLossDB);
