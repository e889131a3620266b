#!/usr/bin/env bash
# The full form of the project's fuzzer (issue 15): at least 10,000 generated invocations of every `shannon` command,
# run in process, each classified as clean refusal, correct success, crash, wrong success, hang or memory blow-up.
# Prints the table and every failure. Usage: tools/fuzz/run.sh [CASES] [SEED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases="${1:-10000}"
seed="${2:-15}"
table="$(mktemp)"
SHANNON_FUZZ_CASES="$cases" SHANNON_FUZZ_SECONDS="${SHANNON_FUZZ_SECONDS:-7200}" SHANNON_FUZZ_SEED="$seed" SHANNON_FUZZ_TABLE="$table" \
  dotnet test "$root/tests/Shannon.Cli.Tests" --filter "FullyQualifiedName~FuzzTests" -v quiet --nologo >/dev/null 2>&1 || status=$?
cat "$table"
rm -f "$table"
exit "${status:-0}"
