#!/usr/bin/env bash
# High-dimensional KSG benchmark: scipy cKDTree KSG (and scikit-learn on 1-D) vs Shannon's k-NN engine, same points.
# Usage: benchmarks/run-highdim.sh [--dims 1 2 5 10 25] [--sizes 5000 100000] [--sklearn-sizes 100000 1000000] [--repeat R]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks/Shannon.Benchmarks.HighDimensional -v quiet -nologo >/dev/null
/usr/bin/python3 benchmarks/peer_highdim.py "$@"
