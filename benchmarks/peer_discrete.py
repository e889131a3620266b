#!/usr/bin/python3
"""Plug-in MI of 10^7 label pairs (16 x 16 alphabet): Shannon vs scikit-learn, numpy and scipy, same input file, same run.

Usage: /usr/bin/python3 benchmarks/peer_discrete.py SHANNON_BENCHMARK_DLL [--n N] [--histogram]
Input: .build/benchmark-data/pairs-N.bin (int32 x[N] then y[N], little-endian; made here with numpy seed 42 if absent).
Times exclude reading the file for everyone; each peer takes the best of 7 runs after one warm-up (sklearn: 3).
Peers (Debian python3-sklearn 1.2.1, numpy 1.24, scipy 1.10):
  sklearn  sklearn.metrics.mutual_info_score(x, y)
  numpy    np.bincount(x * 16 + y, minlength=256) and the MI formula on the 16 x 16 table
  scipy    scipy.sparse.coo_matrix((ones, (x, y))).toarray() (a contingency table) and the same formula
"""
import json, os, subprocess, sys, time
import numpy as np
import scipy.sparse
from sklearn.metrics import mutual_info_score


def mi_from_table(t):
    t = t.astype(np.float64); n = t.sum()
    px = t.sum(axis=1, keepdims=True); py = t.sum(axis=0, keepdims=True)
    nz = t > 0
    return float(np.sum(t[nz] / n * np.log(t[nz] * n / (px @ py)[nz])))


def numpy_mi(x, y):
    return mi_from_table(np.bincount(x * 16 + y, minlength=256).reshape(16, 16))


def scipy_mi(x, y):
    t = scipy.sparse.coo_matrix((np.ones(len(x), dtype=np.int64), (x, y)), shape=(16, 16)).toarray()
    return mi_from_table(t)


def best(f, reps):
    f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); v = f(); ts.append((time.perf_counter() - t0) * 1000)
    return min(ts), v


def main():
    dll = sys.argv[1]
    n = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 10_000_000
    os.makedirs(".build/benchmark-data", exist_ok=True)
    path = f".build/benchmark-data/pairs-{n}.bin"
    if not os.path.exists(path):
        rng = np.random.default_rng(42)
        x = rng.integers(0, 16, n, dtype=np.int32)
        y = np.where(rng.random(n) < 0.5, x, rng.integers(0, 16, n, dtype=np.int32)).astype(np.int32)
        np.concatenate([x, y]).tofile(path)
    data = np.fromfile(path, dtype=np.int32)
    x, y = data[:n], data[n:]
    out = subprocess.run(["dotnet", dll, "time-mi", path], capture_output=True, text=True, check=True).stdout
    shannon = json.loads(out.strip().splitlines()[-1])
    t_sk, v_sk = best(lambda: mutual_info_score(x, y), 3)
    t_np, v_np = best(lambda: numpy_mi(x, y), 7)
    t_sp, v_sp = best(lambda: scipy_mi(x, y), 7)
    t_sh = shannon["best_ms"]
    print(f"plug-in MI of {n} pairs (16 x 16), nats; best time of repeated runs, file read excluded; {os.cpu_count()} cores")
    print(f"  {'tool':10s} {'ms':>10s} {'value':>22s} {'ratio (tool / shannon)':>24s}")
    for name, t, v in [("shannon", t_sh, shannon["value"]), ("sklearn", t_sk, v_sk), ("numpy", t_np, v_np), ("scipy", t_sp, v_sp)]:
        print(f"  {name:10s} {t:10.1f} {v:22.15f} {t / t_sh:24.1f}")
    assert abs(shannon["value"] - v_sk) < 1e-9, "Shannon and scikit-learn disagree"
    if "--histogram" in sys.argv:
        m = 100_000_000
        hpath = f".build/benchmark-data/values-{m}.bin"
        if not os.path.exists(hpath):
            np.random.default_rng(7).integers(0, 256, m, dtype=np.int32).tofile(hpath)
        v = np.fromfile(hpath, dtype=np.int32)
        out = subprocess.run(["dotnet", dll, "time-histogram", hpath, "256"], capture_output=True, text=True, check=True).stdout
        sh = json.loads(out.strip().splitlines()[-1])
        t_bc, c = best(lambda: np.bincount(v, minlength=256), 5)
        assert sh["value"] == c[0]
        print(f"histogram of {m} int32 values (256 bins): shannon {sh['best_ms']:.1f} ms, numpy bincount {t_bc:.1f} ms, ratio {t_bc / sh['best_ms']:.1f}")


if __name__ == "__main__":
    main()
