#!/usr/bin/python3
"""The cost model of docs/scale.md, driven by timings of the real grains (benchmarks/run-cluster.sh's trace).

    /usr/bin/python3 benchmarks/simulate-cluster.py --set-seconds 0.05 --overhead 0.02 --merge-cell 2e-7

--set-seconds: silo seconds for one count table (one GROUP BY of two label columns) over one shard of
               --shard-rows rows (the trace's "ms of work on the silo" divided by the sets in the unit);
--overhead:    seconds per unit besides the work (call, activation, serialisation): unit wall time minus work;
--merge-cell:  coordinator seconds per merged cell (dictionary add), from the trace's last unit -> job done.
Every silo has --cores cores and runs one unit per core; units are spread evenly (the dispatcher's round-robin).
"""
import argparse
import math

p = argparse.ArgumentParser()
p.add_argument("--set-seconds", type=float, required=True)
p.add_argument("--overhead", type=float, required=True)
p.add_argument("--merge-cell", type=float, required=True)
p.add_argument("--shard-rows", type=float, default=1e7)
p.add_argument("--cores", type=int, default=16)
p.add_argument("--sets-per-unit", type=int, default=64)
a = p.parse_args()


def job(rows, sets, cells_per_set, silos):
    shards = math.ceil(rows / a.shard_rows)
    blocks = math.ceil(sets / a.sets_per_unit)
    units = shards * blocks
    per_unit = min(sets, a.sets_per_unit) * a.set_seconds + a.overhead
    rounds = math.ceil(units / (silos * a.cores))
    merge = shards * sets * cells_per_set * a.merge_cell
    wire = shards * sets * cells_per_set * 16  # bytes: codes (4 B each of 2 columns) + an 8 B count per cell
    return rounds * per_unit, merge, wire, units


cases = [
    ("rank, 1e10 rows, 100 features x 10 levels, target 10 levels", 1e10, 100, 100),
    ("matrix, 1000 columns x 10 levels, 1e8 rows", 1e8, 1000 * 1001 // 2, 100),
]
for name, rows, sets, cells in cases:
    print(f"{name}: {rows:.0e} rows, {sets} count tables per shard")
    print(f"{'silos':>6} {'scan (s)':>12} {'merge (s)':>10} {'total (s)':>12} {'speed-up':>9} {'network':>10} {'units':>9}")
    base = None
    for s in [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]:
        scan, merge, wire, units = job(rows, sets, cells, s)
        total = scan + merge
        base = base or total
        print(f"{s:>6} {scan:>12.1f} {merge:>10.1f} {total:>12.1f} {base / total:>9.1f} {wire / 1e6:>8.0f} MB {units:>9}")
    print()
