#!/usr/bin/env bash
# `shannon rank` against scikit-learn's mutual_info_classif on the same wide, rounded table, in the same run (issue 13):
# ROWS rows x COLS real columns (half informative: the class plus noise, rounded to 0.01; half pure noise rounded to
# 0.001) and a 3-class target. Prints both wall times, the ratio, and how far the two top-10 lists agree.
# Usage: benchmarks/run-rank.sh [ROWS] [COLS]   (default 100000 x 100; needs Debian's python3-sklearn)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000}"
cols="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
"$py" - "$rows" "$cols" "$work/wide.csv" <<'PY'
import sys, numpy as np
rows, cols, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(13)
y = rng.integers(0, 3, rows)
X = np.empty((rows, cols))
for j in range(cols):
    if j % 2 == 0:
        X[:, j] = np.round(y * (0.2 + 0.02 * j) + rng.normal(size=rows), 2)
    else:
        X[:, j] = np.round(rng.normal(size=rows), 3)
header = ",".join([f"f{j}" for j in range(cols)] + ["target"])
np.savetxt(path, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt=["%.3f"] * cols + ["%d"])
PY
dotnet build "$root/src/Shannon.Cli.Host" -c Release -nologo -v q >/dev/null
shannon="$root/src/Shannon.Cli.Host/bin/Release/net10.0/linux-x64/Shannon.Cli.Host"
start=$(date +%s.%N)
"$shannon" rank "$work/wide.csv" --target target --unit nats --json >"$work/shannon.json" 2>/dev/null
shannon_s=$(echo "$(date +%s.%N) - $start" | bc)
"$py" - "$work/wide.csv" "$work/shannon.json" "$shannon_s" <<'PY'
import sys, json, time, numpy as np
from sklearn.feature_selection import mutual_info_classif
import sklearn
data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)
start = time.perf_counter()
mi = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
sk = time.perf_counter() - start
ours = json.load(open(sys.argv[2]))
names = [f["column"] if "column" in f else f["name"] for f in ours["features"]]
top_ours = names[:10]
top_sk = [f"f{j}" for j in np.argsort(-mi)[:10]]
shannon_s = float(sys.argv[3])
print(f"rows {X.shape[0]}, columns {X.shape[1]}, cores {__import__('os').cpu_count()}")
print(f"shannon rank (wall, including reading the CSV): {shannon_s:.1f} s")
print(f"scikit-learn {sklearn.__version__} mutual_info_classif(n_neighbors=3) (in memory, after loading): {sk:.1f} s")
print(f"ratio scikit-learn / shannon: {sk / shannon_s:.2f}")
print(f"top-10 shared: {len(set(top_ours) & set(top_sk))} of 10")
PY
