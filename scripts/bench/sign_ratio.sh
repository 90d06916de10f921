#!/bin/bash
# Wall-clock ratio sign/bare (typical PUT vs a bare HMAC-SHA1 of the same bytes) for one
# or more builds of crates/oss-sign/examples/sign_cost.rs, robust to the two things that
# blur it on a shared machine:
#   - stack placement: each binary runs at 8 stack offsets with ASLR off (the ratio moves
#     by up to ~6% with the offset);
#   - bursts of load from neighbours: within a run, `sign_cost ratio` alternates the jobs
#     and takes the median of 21 rounds; across runs, the minimum is the quiet-machine
#     figure (load only ever adds).
#
# Usage, from anywhere inside the repository:
#   scripts/bench/sign_ratio.sh                 # builds the example, measures it
#   scripts/bench/sign_ratio.sh BIN_A BIN_B ... # compares saved builds (A/B experiments)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -eq 0 ]; then
  (cd "$ROOT" && cargo build --quiet --release -p oss-sign --example sign_cost)
  TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
  set -- "$TARGET/release/examples/sign_cost"
fi
command -v setarch >/dev/null || { echo "setarch (util-linux) is required" >&2; exit 2; }
for bin in "$@"; do
  values=""
  for offset in 0 448 960 1472 1984 2496 3008 3520; do
    pad=$(head -c "$offset" /dev/zero | tr '\0' a)
    value=$(env -i PAD="$pad" setarch -R "$bin" ratio 40000 2>&1 | awk '{print $2}')
    values="$values $value"
  done
  summary=$(echo $values | tr ' ' '\n' | sort -n |
    awk '{v[NR]=$1} END {printf "min %.3f  median %.3f", v[1], (v[4]+v[5])/2}')
  echo "$bin: $summary  (sign/bare at 8 stack offsets:$values)"
done
