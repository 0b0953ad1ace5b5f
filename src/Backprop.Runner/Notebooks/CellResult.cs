using System.Text.Json.Nodes;

namespace Backprop.Runner.Notebooks;

/// <summary>What one executed code cell produced.</summary>
/// <param name="ExecutionCount">The cell's execution count (1 for the first cell run).</param>
/// <param name="Outputs">The cell's Jupyter outputs.</param>
public sealed record CellResult(int ExecutionCount, JsonArray Outputs);
