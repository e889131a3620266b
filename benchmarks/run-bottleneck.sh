#!/usr/bin/env bash
# KDE upper bound of an information-plane layer: numpy/scipy (Saxe et al.'s formulation) vs Shannon on the same input.
# Usage: benchmarks/run-bottleneck.sh [--repeat R]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks/Shannon.Benchmarks.Bottleneck -v quiet -nologo >/dev/null
/usr/bin/python3 benchmarks/peer_bottleneck.py "$@"
