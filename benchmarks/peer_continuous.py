#!/usr/bin/python3
"""KSG mutual information: scikit-learn vs Shannon on the same point sets, in one run.

    benchmarks/run-continuous.sh            (builds Shannon's timing program in Release, then runs this)
    /usr/bin/python3 benchmarks/peer_continuous.py [--sizes 100000 1000000] [--repeat 3]

For each N it draws x ~ N(0, 1), y = 0.6 x + 0.8 e (numpy.random.RandomState(N); true MI 0.2231 nats), writes
the points to one file (raw little-endian float64: x then y) that both sides read, and times
  scikit-learn 1.2.1: mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)
  Shannon:           KsgMutualInformationEstimator (KSG 1, k = 3, z-scored columns, all cores) through
                     benchmarks/Shannon.Benchmarks.Continuous `timing` (after an untimed warm-up on other data)
Each side reports its best wall time over --repeat runs (default 3 at N <= 1e5, 1 above) plus process CPU time,
and the estimates, which must agree (scikit-learn adds 1e-10-relative noise; otherwise the same KSG 1 on the same
scaled data). scikit-learn's KSG is single-threaded; Shannon uses every core, so the ratio depends on the machine:
the table prints the core count.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.feature_selection import mutual_info_regression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMER = os.path.join(ROOT, "benchmarks", "Shannon.Benchmarks.Continuous", "bin", "Release", "net10.0",
                     "Shannon.Benchmarks.Continuous.dll")


def sklearn_time(x, y, repeat):
    best_wall = best_cpu = float("inf")
    value = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        value = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)[0]
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    return best_wall, best_cpu, value


def shannon_time(path, repeat):
    out = subprocess.run(["dotnet", TIMER, "timing", path, "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout.split()
    # "shannon N wall estimate cpu"
    return float(out[2]), float(out[4]), float(out[3])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=None)
    args = parser.parse_args()
    if not os.path.exists(TIMER):
        sys.exit(f"build the timing program first: dotnet build -c Release benchmarks/Shannon.Benchmarks.Continuous ({TIMER} missing)")

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'N':>9} {'sklearn s':>10} {'shannon s':>10} {'ratio':>7} {'sk cpu s':>9} {'sh cpu s':>9} "
          f"{'sklearn MI':>12} {'shannon MI':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            r = np.random.RandomState(n)
            x = r.standard_normal(n)
            y = 0.6 * x + 0.8 * r.standard_normal(n)
            path = os.path.join(tmp, f"points_{n}.bin")
            np.concatenate([x, y]).astype("<f8").tofile(path)
            repeat = args.repeat or (3 if n <= 100_000 else 1)
            sk_wall, sk_cpu, sk_value = sklearn_time(x, y, repeat)
            sh_wall, sh_cpu, sh_value = shannon_time(path, repeat)
            print(f"{n:>9} {sk_wall:>10.3f} {sh_wall:>10.3f} {sk_wall / sh_wall:>6.1f}x {sk_cpu:>9.3f} {sh_cpu:>9.3f} "
                  f"{sk_value:>12.8f} {sh_value:>12.8f}", flush=True)


if __name__ == "__main__":
    main()
