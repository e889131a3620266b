#!/usr/bin/python3
"""KDE upper bound on I(X;T) and I(T;Y) (Kolchinsky & Tracey 2017): numpy/scipy as in Saxe et al.'s kde.py vs
Shannon's LayerInformation.KernelDensityUpperBound, on the same layer activities, in one run.

    benchmarks/run-bottleneck.sh            (builds Shannon's timing program in Release, then runs this)
    /usr/bin/python3 benchmarks/peer_bottleneck.py [--repeat 3]

The input is the information-plane setting: all 4096 12-bit patterns through seeded random tanh layers
(numpy.random.RandomState(0)): a 10-unit layer t1 = tanh(2 x W1 / sqrt(12) + b1) with x in {-1, 1}^12, and a
3-unit layer t2 = tanh(3 t1 W2 / sqrt(10)); labels 1 where x v > 0 for a seeded v. Noise variance 1e-3.
Both sides read one file (raw little-endian float64: the activities feature-major, then the labels).
  peer (numpy 1.24, scipy 1.10): pairwise squared distances as in Saxe et al. (|a|^2 + |b|^2 - 2 a.b, float64),
        scipy.special.logsumexp over each row, the class-conditional entropies over each class's rows;
  Shannon: KernelDensityUpperBound (k-d leaves, single-precision kernels, one core) through
        benchmarks/Shannon.Benchmarks.Bottleneck `kdetiming` (after an untimed warm-up).
Each side reports its best wall time over --repeat runs and the two informations in bits, which must agree to
about 1e-5 bits (Shannon sums the kernels in single precision). numpy's matrix product may use several cores.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
from scipy.special import logsumexp

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMER = os.path.join(ROOT, "benchmarks", "Shannon.Benchmarks.Bottleneck", "bin", "Release", "net10.0",
                     "Shannon.Benchmarks.Bottleneck.dll")
VARIANCE = 1e-3


def kde_entropy(t):
    """-mean_i log mean_j exp(-|t_i - t_j|^2 / (2 s2)), nats (Saxe et al. kde.py, without the constants that cancel)."""
    x2 = np.sum(t * t, axis=1)[:, None]
    dists = x2 + x2.T - 2 * t @ t.T
    return -np.mean(logsumexp(-dists / (2 * VARIANCE), axis=1) - np.log(len(t)))


def peer(t, labels):
    h = kde_entropy(t)
    h_given_y = sum(np.mean(labels == c) * kde_entropy(t[labels == c]) for c in np.unique(labels))
    return h / np.log(2), (h - h_given_y) / np.log(2)


def peer_time(t, labels, repeat):
    best, value = float("inf"), None
    for _ in range(repeat):
        w = time.perf_counter()
        value = peer(t, labels)
        best = min(best, time.perf_counter() - w)
    return best, value


def shannon_time(path, n, d, repeat):
    lines = subprocess.run(["dotnet", TIMER, "kdetiming", path, str(n), str(d), str(repeat)],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    out = next(line for line in lines if line.startswith("kde ")).split()
    # "kde n d wall ixt ity"
    return float(out[3]), (float(out[4]), float(out[5]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(TIMER):
        sys.exit(f"build the timing program first: dotnet build -c Release benchmarks/Shannon.Benchmarks.Bottleneck ({TIMER} missing)")

    r = np.random.RandomState(0)
    x = 2.0 * ((np.arange(4096)[:, None] >> np.arange(12)[None, :]) & 1) - 1
    t1 = np.tanh(2 * x @ r.standard_normal((12, 10)) / np.sqrt(12) + 0.1 * r.standard_normal(10))
    t2 = np.tanh(3 * t1 @ r.standard_normal((10, 3)) / np.sqrt(10))
    labels = (x @ r.standard_normal(12) > 0).astype(int)
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'layer':>8} {'peer s':>8} {'shannon s':>10} {'ratio':>7} {'peer I(X;T)':>12} {'shannon':>12} {'peer I(T;Y)':>12} {'shannon':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, t in (("10 units", t1), ("3 units", t2)):
            n, d = t.shape
            path = os.path.join(tmp, f"layer_{d}.bin")
            np.concatenate([t.T.ravel(), labels.astype(float)]).astype("<f8").tofile(path)
            p_wall, (p_xt, p_ty) = peer_time(t, labels, args.repeat)
            s_wall, (s_xt, s_ty) = shannon_time(path, n, d, args.repeat)
            print(f"{name:>8} {p_wall:>8.3f} {s_wall:>10.4f} {p_wall / s_wall:>6.1f}x {p_xt:>12.6f} {s_xt:>12.6f} {p_ty:>12.6f} {s_ty:>12.6f}", flush=True)


if __name__ == "__main__":
    main()
