#!/bin/sh
# Deterministic per-call instruction counts of oss-sign's hot paths (callgrind).
#
# Usage, from anywhere inside the repository:
#   scripts/bench/sign_instructions.sh            # builds the example, 20000 calls per job
#   N=50000 scripts/bench/sign_instructions.sh
#   BIN=path/to/sign_cost scripts/bench/sign_instructions.sh   # skip the build
#
# Runs crates/oss-sign/examples/sign_cost.rs under valgrind for each job and prints
# (instructions(job, N) - instructions(setup, N)) / N. valgrind hides SHA-NI, so SHA-1 runs
# its portable code here: judge the overhead (sign - bare), not the ratio.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-20000}
if [ -z "${BIN:-}" ]; then
  (cd "$ROOT" && cargo build --quiet --release -p oss-sign --example sign_cost)
  TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
  BIN="$TARGET/release/examples/sign_cost"
fi
command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 2; }
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count setup "$N")
for job in bare mac sign verify; do
  c=$(count "$job" "$N")
  echo "$job $(( (c - base) / N ))"
done
