#!/usr/bin/env bash
# The same `rank` on one process and on clusters of 1, 2 and 3 silo processes (loopback TCP), over SHARDS generated
# CSV shards of ROWS rows each (default 3 x 10^7: the issue's 10^7-row shards), reported as ratios against the
# single process on the concatenated file. Also prints each shard unit's time from the coordinator's trace, the
# input of docs/scale.md's simulation.
#   ROWS=200000 SHARDS=6 benchmarks/run-cluster.sh      # a smaller run
# On a 2-core machine every silo and the client share the same two cores: the ratios show the cost of the cluster
# (process, network, merge), not the speed-up of more machines.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
ROWS="${ROWS:-10000000}"
SHARDS="${SHARDS:-3}"
work="$(mktemp -d /tmp/shannon-cluster-bench.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Shannon.Cli.Host/Shannon.Cli.Host.csproj -c Release -o .build/cluster-bench -v quiet -nologo >/dev/null
cli=(dotnet .build/cluster-bench/Shannon.Cli.Host.dll)

echo "generating $SHARDS shards of $ROWS rows (seeded)..." >&2
/usr/bin/python3 - "$work" "$ROWS" "$SHARDS" <<'PY'
import sys, numpy as np
work, rows, shards = sys.argv[1], int(float(sys.argv[2])), int(sys.argv[3])
import os
os.makedirs(f"{work}/shards")
with open(f"{work}/all.csv", "w") as whole:
    whole.write("t,f1,f2,f3,f4\n")
    for s in range(shards):
        rng = np.random.default_rng(1000 + s)
        t = rng.integers(0, 10, rows)
        f1 = np.where(rng.random(rows) < 0.5, t, rng.integers(0, 10, rows))
        f2 = (t + rng.integers(0, 3, rows)) % 7
        f3 = rng.integers(0, 50, rows)
        f4 = np.where(rng.random(rows) < 0.1, t % 2, rng.integers(0, 2, rows))
        block = np.column_stack([t, f1, f2, f3, f4])
        text = "\n".join(",".join(map(str, r)) for r in block.tolist()) + "\n"
        with open(f"{work}/shards/part-{s:03d}.csv", "w") as f:
            f.write("t,f1,f2,f3,f4\n" + text)
        whole.write(text)
PY

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
start_silo() { # port gateway [primary]
  local log="$work/silo-$1.log"
  if [ $# -ge 3 ]; then
    "${cli[@]}" cluster silo --port "$1" --gateway "$2" --primary "127.0.0.1:$3" --data "$work" --cluster-id bench --service-id bench >"$log" 2>&1 &
  else
    "${cli[@]}" cluster silo --port "$1" --gateway "$2" --data "$work" --cluster-id bench --service-id bench >"$log" 2>&1 &
  fi
  pids+=($!)
  for _ in $(seq 1 180); do grep -q "silo ready" "$log" 2>/dev/null && return 0; sleep 0.5; done
  echo "silo on $1 did not start:" >&2; cat "$log" >&2; exit 1
}
seconds() { /usr/bin/python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
run_timed() { # label, then the command
  local label="$1"; shift
  local t0 t1
  t0=$(seconds)
  "$@" >"$work/$label.json" 2>"$work/$label.err"
  t1=$(seconds)
  /usr/bin/python3 -c "print(f'{$t1 - $t0:.2f}')"
}

args=(rank --target t --estimator plugin --json)
single=$(run_timed single "${cli[@]}" "${args[0]}" "$work/all.csv" "${args[@]:1}")
echo "single process: ${single} s"
declare -A times
p0=$(free_port); g0=$(free_port); start_silo "$p0" "$g0"
for n in 1 2 3; do
  if [ "$n" -ge 2 ]; then p=$(free_port); g=$(free_port); start_silo "$p" "$g" "$p0"; fi
  SHANNON_CLUSTER_ID=bench SHANNON_SERVICE_ID=bench SHANNON_CLUSTER_TRACE=1 SHANNON_CLUSTER_CALL_TIMEOUT=3600 \
    run_timed "silos$n" "${cli[@]}" "${args[0]}" "$work/shards" "${args[@]:1}" --cluster "127.0.0.1:$g0" >"$work/t$n"
  times[$n]=$(cat "$work/t$n")
  echo "$n silo(s): ${times[$n]} s (ratio to single process $(/usr/bin/python3 -c "print(f'{${times[$n]} / $single:.2f}')"))"
  grep -h "unit .* done" "$work/silos$n.err" | sed 's/^/  /' | head -20
done
/usr/bin/python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
one = json.load(open(f"{w}/single.json"))["features"]
for n in (1, 2, 3):
    many = json.load(open(f"{w}/silos{n}.json"))["features"]
    same = [(a["column"], a["value"]) for a in one] == [(b["column"], b["value"]) for b in many]
    print(f"{n} silo(s): features identical to the single process: {same}")
PY
echo "rows: $SHARDS x $ROWS; cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
