#!/usr/bin/python3
"""High-dimensional KSG: a plain scipy cKDTree KSG (and scikit-learn on 1-D) vs Shannon's k-NN engine, same points, one run.

    benchmarks/run-highdim.sh                       (builds the timing program in Release, then runs this)
    /usr/bin/python3 benchmarks/peer_highdim.py [--dims 1 2 5 10 25] [--sizes 5000] [--repeat 1] [--sklearn-sizes 100000]

For each d and N it draws the Beyond-Normal "normal-sparse" task (X, Y each d-dimensional, (X_i, Y_i) correlated 0.8 for
i < min(d, 2); numpy.random.default_rng(1000 * d + N); true MI = -ln 0.36 = 1.0217 nats for d >= 2, 0.5108 for d = 1),
writes it to one raw float64 file (row-major, X then Y) that both sides read, and times
  scipy cKDTree KSG 1 (k = 3, max norm, z-scored columns): joint tree.query(k + 1, p = inf, workers = -1) and
      marginal query_ball_point(r = nextafter(eps, 0), p = inf, return_length = True, workers = -1);
  scikit-learn mutual_info_regression(x, y, n_neighbors = 3) for d = 1 at the --sklearn-sizes;
  Shannon KnnMutualInformationEstimator (KSG 1, k = 3, z-scored, automatic search, all cores) through
      benchmarks/Shannon.Benchmarks.HighDimensional `timing`.
Each side reports wall and process CPU time (best of --repeat) and its estimate; the KSG estimates must agree to ~1e-12
(the same algorithm on the same scaled points), scikit-learn's to ~1e-3 (it adds 1e-10 noise).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy
from scipy.spatial import cKDTree
from scipy.special import digamma

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMER = os.path.join(ROOT, "benchmarks", "Shannon.Benchmarks.HighDimensional", "bin", "Release", "net10.0",
                     "Shannon.Benchmarks.HighDimensional.dll")


def sample(d, n):
    rng = np.random.default_rng(1000 * d + n)
    c = np.eye(2 * d)
    for i in range(min(d, 2)):
        c[i, d + i] = c[d + i, i] = 0.8
    z = rng.multivariate_normal(np.zeros(2 * d), c, size=n)
    return z[:, :d], z[:, d:]


def ksg_ckdtree(x, y, k=3):
    x = (x - x.mean(0)) / x.std(0)
    y = (y - y.mean(0)) / y.std(0)
    xy = np.hstack([x, y])
    eps = cKDTree(xy).query(xy, k=k + 1, p=np.inf, workers=-1)[0][:, -1]
    r = np.nextafter(eps, 0)
    nx = cKDTree(x).query_ball_point(x, r, p=np.inf, return_length=True, workers=-1) - 1
    ny = cKDTree(y).query_ball_point(y, r, p=np.inf, return_length=True, workers=-1) - 1
    n = len(x)
    return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))


def timed(f, repeat):
    best_w = best_c = float("inf")
    v = None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        v = f()
        best_w, best_c = min(best_w, time.perf_counter() - w), min(best_c, time.process_time() - c)
    return best_w, best_c, v


def shannon(path, dx, dy, repeat):
    out = subprocess.run(["dotnet", TIMER, "timing", path, str(dx), str(dy), "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[2]), float(out[4]), float(out[3]), out[5]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dims", type=int, nargs="+", default=[1, 2, 3, 5, 10, 25])
    p.add_argument("--sizes", type=int, nargs="+", default=[5000])
    p.add_argument("--sklearn-sizes", type=int, nargs="*", default=[])
    p.add_argument("--repeat", type=int, default=1)
    a = p.parse_args()
    if not os.path.exists(TIMER):
        sys.exit(f"build first: dotnet build -c Release benchmarks/Shannon.Benchmarks.HighDimensional ({TIMER} missing)")
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'d+d':>7} {'N':>8} {'peer':>8} {'peer s':>8} {'peer cpu':>8} {'shannon s':>9} {'cpu':>7} {'search':>10} "
          f"{'wall x':>7} {'cpu x':>7} {'peer MI':>9} {'shannon MI':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(d, n, "ckdtree") for n in a.sizes for d in a.dims] + [(1, n, "sklearn") for n in a.sklearn_sizes]
        for d, n, peer in jobs:
            x, y = sample(d, n)
            path = os.path.join(tmp, f"points_{d}_{n}.bin")
            np.hstack([x, y]).astype("<f8").tofile(path)
            if peer == "ckdtree":
                pw, pc, pv = timed(lambda: ksg_ckdtree(x, y), a.repeat)
            else:
                from sklearn.feature_selection import mutual_info_regression
                pw, pc, pv = timed(lambda: mutual_info_regression(x, y[:, 0], n_neighbors=3, random_state=0)[0], a.repeat)
            sw, sc, sv, search = shannon(path, d, d, a.repeat)
            print(f"{d:>3}+{d:<3} {n:>8} {peer:>8} {pw:>8.3f} {pc:>8.3f} {sw:>9.3f} {sc:>7.3f} {search:>10} "
                  f"{pw / sw:>7.1f} {pc / sc:>7.1f} {pv:>9.5f} {sv:>10.5f}", flush=True)


if __name__ == "__main__":
    main()
