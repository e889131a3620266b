#!/usr/bin/env bash
# KSG benchmark: scikit-learn's mutual_info_regression vs Shannon on the same N = 1e5 and 1e6 point sets.
# Usage: benchmarks/run-continuous.sh [--sizes 100000 1000000] [--repeat R]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks/Shannon.Benchmarks.Continuous -v quiet -nologo >/dev/null
/usr/bin/python3 benchmarks/peer_continuous.py "$@"
