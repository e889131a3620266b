#!/usr/bin/env bash
# Times plug-in MI on 10^7 label pairs (16 x 16) in Shannon vs scikit-learn, numpy and scipy, in one run, and prints
# ratios. Add --histogram for the 10^8-value histogram vs numpy.bincount. Needs Debian's python3-sklearn.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet build benchmarks/Shannon.Benchmarks -c Release -o .build/benchmarks -v quiet -nologo >/dev/null
exec /usr/bin/python3 benchmarks/peer_discrete.py .build/benchmarks/Shannon.Benchmarks.dll "$@"
