#!/bin/bash
# Where the instructions of one signing call go, on the real CPU path: gdb single-steps
# the second call of a sign_cost job (crates/oss-sign/examples/sign_cost.rs), built with
# line tables, and prints instructions per function and at which instruction the first
# compression (`catch_up`) and `finish_hmac` start. Everything before the first
# compression is serial with the SHA-1 chain; that count is the one to shrink.
#
# Usage, from anywhere inside the repository (needs gdb; takes about a minute):
#   scripts/bench/sign_trace.sh [sign|verify]     # default: sign
# The per-instruction source lines land in target/sign-trace/<job>.lines, for
#   sed -E 's/^Line ([0-9]+) of "([^"]+)".*/\2:\1/' target/sign-trace/sign.lines | sort | uniq -c | sort -rn
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JOB=${1:-sign}
case "$JOB" in
  sign) FUNCTION=sign_with_transcript ;;
  verify) FUNCTION=verify_with_transcript ;;
  *) echo "usage: $0 [sign|verify]" >&2; exit 2 ;;
esac
command -v gdb >/dev/null || { echo "gdb is required" >&2; exit 2; }
TARGET="$ROOT/target/sign-trace"
(cd "$ROOT" && CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
  cargo build --quiet --release -p oss-sign --example sign_cost --target-dir "$TARGET")
BIN="$TARGET/release/examples/sign_cost"
ENTRY=$(nm "$BIN" | grep "$FUNCTION" | head -1 | awk '{print $1}')
[ -n "$ENTRY" ] || { echo "no $FUNCTION in $BIN" >&2; exit 1; }
SIGN_TRACE_JOB="$JOB" SIGN_TRACE_ENTRY="$ENTRY" SIGN_TRACE_OUT="$TARGET/$JOB.lines" \
  gdb -q -batch -x "$ROOT/scripts/bench/sign_trace_gdb.py" "$BIN" 2>/dev/null |
  sed -n '/ instructions in one call$/,$p'
