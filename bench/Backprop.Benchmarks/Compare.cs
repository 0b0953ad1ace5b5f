using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Backprop.Fast;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// `compare`: steps per second of the readable engine, the fast path and the numpy peer
/// (bench/peer/peer.py, run with /usr/bin/python3 and OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset),
/// case by case in one run, medians of several timed rounds, and the ratios. With
/// <c>--reference-blas DIR</c> the peer also runs with DIR (e.g. /usr/lib/x86_64-linux-gnu/blas,
/// Debian's reference BLAS) first on LD_LIBRARY_PATH, in a second numpy column.
/// </summary>
public static class Compare
{
    private static readonly string[] CaseNames =
        ["step:5-2-4-3-3-1:1", "step:5-2-4-3-3-1:64", "step:5-2-4-3-3-1:1024", "step:64-32-16-10:64", "forward:5-2-4-3-3-1:64", "forward:64-32-16-10:64", "product:64-32:64"];

    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 0.5);
        var rounds = (int)Option(args, "--rounds", 7);
        var python = args.SkipWhile(a => a != "--python").Skip(1).FirstOrDefault() ?? "/usr/bin/python3";
        var referenceBlas = args.SkipWhile(a => a != "--reference-blas").Skip(1).FirstOrDefault();
        var peer = Path.Combine(RepositoryRoot(), "bench", "peer", "peer.py");
        // --case NAME (repeatable) runs only those cases; --fast-only times the fast path alone (for quick iterations).
        var only = args.Select((a, i) => (a, i)).Where(t => t.a == "--case" && t.i + 1 < args.Length).Select(t => args[t.i + 1]).ToArray();
        if (args.Contains("--fast-only"))
        {
            Console.WriteLine(FormattableString.Invariant($"peak: {Flops.MeasurePeak(1.0) / 1e9:0.0} GFLOP/s"));
            return FastOnly(only.Length > 0 ? only : CaseNames, seconds, rounds);
        }
        Console.WriteLine(FormattableString.Invariant($"{"case",-24} {"readable/s",12} {"fast/s",12} {"numpy/s",12} {"fast/numpy",11} {"fast/readable",14} {"readable/numpy",15}") +
            (referenceBlas is null ? "" : FormattableString.Invariant($" {"numpy ref/s",12} {"fast/ref",9}")));
        foreach (var name in only.Length > 0 ? only : CaseNames)
        {
            // Interleaved: C#, numpy, C#, numpy, … so that a change in the machine's load hits both.
            var readable = new List<double>();
            var fast = new List<double>();
            var numpy = new List<double>();
            var numpyReference = new List<double>();
            for (var pass = 0; pass < 3; pass++)
            {
                var (r, f) = MeasureCSharp(name, seconds, rounds);
                readable.Add(r);
                fast.Add(f);
                numpy.Add(RunPeer(python, peer, name, seconds, rounds, null, out _));
                if (referenceBlas is not null) numpyReference.Add(RunPeer(python, peer, name, seconds, rounds, referenceBlas, out _));
            }
            var (rm, fm, nm) = (Median(readable), Median(fast), Median(numpy));
            Console.WriteLine(FormattableString.Invariant($"{name,-24} {rm,12:N0} {fm,12:N0} {nm,12:N0} {fm / nm,10:0.0}× {fm / rm,13:0.0}× {rm / nm,14:0.00}×") +
                (referenceBlas is null ? "" : FormattableString.Invariant($" {Median(numpyReference),12:N0} {fm / Median(numpyReference),8:0.0}×")) +
                Gflops(name, fm) + (name.StartsWith("product", StringComparison.Ordinal) ? FormattableString.Invariant($" (numpy {2.0 * 64 * 64 * 32 * nm / 1e9:0.0})") : ""));
        }
        Console.WriteLine(FormattableString.Invariant($"peak of one core (16 chains of 512-bit fused multiply-adds, Flops.MeasurePeak): {Flops.MeasurePeak(1.0) / 1e9:0.0} GFLOP/s"));
        RunPeer(python, peer, null, seconds, rounds, null, out var info);
        Console.WriteLine($"numpy peer: {info}");
        if (referenceBlas is not null)
        {
            RunPeer(python, peer, null, seconds, rounds, referenceBlas, out var referenceInfo);
            Console.WriteLine($"numpy peer with {referenceBlas}: {referenceInfo}");
        }
        Console.WriteLine(FormattableString.Invariant($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        return 0;
    }

    private static int FastOnly(string[] names, double seconds, int rounds)
    {
        foreach (var name in names)
        {
            var parts = name.Split(':');
            var (network, x, y) = Cases.Build(parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
            var (_, fast) = Calls(parts[0], network, x, y);
            var rate = Rate(fast, seconds, rounds, out var best);
            Console.WriteLine(FormattableString.Invariant($"{name,-24} {rate,12:N0}/s {1e6 / rate,8:0.00} µs (best round {1e6 / best:0.00} µs)") + Gflops(name, rate));
        }
        return 0;
    }

    /// <summary>For a product case, the fast path's GFLOP/s: 2·n·k·j floating-point operations per call.</summary>
    private static string Gflops(string name, double rate)
    {
        var parts = name.Split(':');
        if (parts[0] != "product") return "";
        var kj = parts[1].Split('-').Select(int.Parse).ToArray();
        var flops = FastProduct.Flops(int.Parse(parts[2], CultureInfo.InvariantCulture), kj[0], kj[1]);
        return FormattableString.Invariant($"  fast {flops * rate / 1e9:0.0} GFLOP/s");
    }

    private static (double Readable, double Fast) MeasureCSharp(string name, double seconds, int rounds)
    {
        var parts = name.Split(':');
        var (network, x, y) = Cases.Build(parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
        var (readable, fast) = Calls(parts[0], network, x, y);
        return (Rate(readable, seconds, rounds), Rate(fast, seconds, rounds));
    }

    /// <summary>
    /// What one call does: a training step, a forward pass, or the first layer's product X @ W alone
    /// (readable: MathNet's Multiply into a preallocated result, single-threaded as the engine sets it).
    /// </summary>
    private static (Action Readable, Action Fast) Calls(string kind, Network network, Matrix<double> x, Matrix<double> y)
    {
        var workspace = new TrainingWorkspace(network, x.RowCount);
        var w = network.Layers[0].W;
        var z = Matrix<double>.Build.Dense(x.RowCount, w.ColumnCount);
        return kind switch
        {
            "step" => (() => network.Update(network.Backward(network.Forward(x), y), 1e-6), () => workspace.Step(x, y, 1e-6)),
            "forward" => (() => network.Forward(x), () => workspace.Forward(x)),
            _ => (() => x.Multiply(w, z), () => FastProduct.Multiply(x, w, z)),
        };
    }

    /// <summary>
    /// Calls per second: warm up for a second (so tiered JIT reaches its optimised code even on a
    /// busy machine), calibrate a batch of calls lasting about seconds/10, then the median of `rounds` batches.
    /// </summary>
    private static double Rate(Action run, double seconds, int rounds) => Rate(run, seconds, rounds, out _);

    private static double Rate(Action run, double seconds, int rounds, out double best)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 1) run();
        var calls = 1;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) run();
            if (clock.Elapsed.TotalSeconds > seconds / 10 || calls > 1 << 24) break;
            calls *= 2;
        }
        var rates = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) run();
            rates[r] = calls / clock.Elapsed.TotalSeconds;
        }
        best = rates.Max();
        return Median(rates);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double RunPeer(string python, string peer, string? name, double seconds, int rounds, string? libraryPath, out string info)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])[peer, "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--rounds", rounds.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(a);
        if (name is not null) start.ArgumentList.Add(name);
        else start.ArgumentList.Add("forward:5-2-4-3-3-1:1");
        // Let numpy's BLAS pick its own kernel for this processor.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        if (libraryPath is not null) start.Environment["LD_LIBRARY_PATH"] = libraryPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{python} {peer} exited with {process.ExitCode}");
        info = lines[^1];
        using var result = JsonDocument.Parse(lines[0]);
        return result.RootElement.GetProperty("steps_per_second").GetDouble();
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BackpropNotebooks.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
