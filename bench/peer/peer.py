"""The numpy peer of the C# benchmarks: the same training step, timed the same way.

One step of a fully connected sigmoid network, float64, no bias, squared loss with sum
reduction, row-major batches (n x k) @ (k x j), the update only after the whole backward pass:

    forward   Z = O_prev @ W,  O = sigmoid(Z)
    backward  dO = O - Y;  per layer, last to first:
              delta = dO * O * (1 - O);  dW = O_prev.T @ delta;  dO = delta @ W.T
    update    W -= alpha * dW   (every layer, after the backward pass)

Usage: /usr/bin/python3 bench/peer/peer.py [--seconds S] [--rounds R] [CASE ...]
A CASE is "step:5-2-4-3-3-1:64", "forward:5-2-4-3-3-1:64" or "product:64-32:64" (X (64x64) @ W (64x32)
alone, into a preallocated result). Prints one JSON object per line:
{"case": ..., "steps_per_second": median over rounds, "rounds": [...]}, then a final
{"numpy": version, "blas": ...} line describing the BLAS that ran.
"""
import argparse
import json
import platform
import sys
import time

import numpy as np

DEFAULT_CASES = ["step:5-2-4-3-3-1:1", "step:5-2-4-3-3-1:64", "step:5-2-4-3-3-1:1024",
                 "step:64-32-16-10:64", "forward:5-2-4-3-3-1:64", "forward:64-32-16-10:64"]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def make(sizes, n, seed=1):
    rng = np.random.default_rng(seed)
    weights = [rng.uniform(-1, 1, (k, j)) * np.sqrt(6.0 / (k + j)) for k, j in zip(sizes[:-1], sizes[1:])]
    x = rng.uniform(-1, 1, (n, sizes[0]))
    y = rng.uniform(0, 1, (n, sizes[-1]))
    return weights, x, y


def forward(weights, x):
    outputs = [x]
    for w in weights:
        outputs.append(sigmoid(outputs[-1] @ w))
    return outputs


def step(weights, x, y, alpha):
    outputs = forward(weights, x)
    d_o = outputs[-1] - y
    gradients = [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        o = outputs[l + 1]
        delta = d_o * (o * (1.0 - o))
        gradients[l] = outputs[l].T @ delta
        if l > 0:
            d_o = delta @ weights[l].T
    for w, g in zip(weights, gradients):
        w -= alpha * g


def measure(case, seconds, rounds):
    kind, sizes, n = case.split(":")
    weights, x, y = make([int(s) for s in sizes.split("-")], int(n))
    if kind == "product":
        out = np.empty((x.shape[0], weights[0].shape[1]))
        run = lambda: np.matmul(x, weights[0], out=out)
    else:
        run = (lambda: step(weights, x, y, 1e-6)) if kind == "step" else (lambda: forward(weights, x))
    for _ in range(200):
        run()
    # Calibrate a batch of calls lasting about seconds / 10, then time `rounds` such batches.
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            run()
        elapsed = time.perf_counter() - start
        if elapsed > seconds / 10 or calls > 1 << 24:
            break
        calls *= 2
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            run()
        rates.append(calls / (time.perf_counter() - start))
    rates.sort()
    return {"case": case, "steps_per_second": rates[len(rates) // 2], "rounds": rates}


def blas_info():
    """Which BLAS numpy loaded: threadpoolctl's description (kernel architecture, threads) when it
    knows the library, and in any case the BLAS shared objects mapped into this process."""
    try:
        from threadpoolctl import threadpool_info
        described = [{k: v for k, v in lib.items() if k in ("internal_api", "version", "architecture", "threading_layer", "num_threads")}
                     for lib in threadpool_info()]
    except ImportError:
        described = "threadpoolctl not installed"
    with open("/proc/self/maps") as maps:
        mapped = sorted({line.split()[-1] for line in maps if "blas" in line.split()[-1]})
    return {"threadpoolctl": described, "mapped": mapped}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("cases", nargs="*", default=DEFAULT_CASES)
    args = parser.parse_args()
    for case in args.cases:
        print(json.dumps(measure(case, args.seconds, args.rounds)), flush=True)
    print(json.dumps({"numpy": np.__version__, "python": platform.python_version(), "blas": blas_info()}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
