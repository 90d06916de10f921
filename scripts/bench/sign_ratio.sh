#!/bin/bash
# Wall-clock ratios sign/bare, signer/bare (a typical PUT signed with `sign` and with a
# reused `Signer`, against a bare HMAC-SHA1 of the same bytes) and verify/sign for one or
# more builds of crates/oss-sign/examples/sign_cost.rs, robust to the two things that blur them on a
# shared machine:
#   - stack placement: each binary runs at 8 stack offsets with ASLR off (the ratio moves
#     by up to ~6% with the offset);
#   - bursts of load from neighbours: within a run, `sign_cost ratio` alternates the jobs
#     and takes the median of 21 rounds; several builds take turns at each offset; across
#     runs, the minimum is the quiet-machine figure (load only ever adds). When the
#     machine sits in its slow mode for minutes, PASSES=3 (or more) repeats the round of
#     offsets and the low quartile compares builds better than one minimum.
#
# Usage, from anywhere inside the repository:
#   scripts/bench/sign_ratio.sh                 # builds the example, measures it
#   scripts/bench/sign_ratio.sh BIN_A BIN_B ... # compares saved builds (A/B experiments)
#   PASSES=3 scripts/bench/sign_ratio.sh A B    # 24 runs per build instead of 8
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -eq 0 ]; then
  (cd "$ROOT" && cargo build --quiet --release -p oss-sign --example sign_cost)
  TARGET=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
  set -- "$TARGET/release/examples/sign_cost"
fi
command -v setarch >/dev/null || { echo "setarch (util-linux) is required" >&2; exit 2; }
summary() {
  echo "$1" | tr ' ' '\n' | grep . | sort -n |
    awk '{v[NR]=$1} END {printf "min %.3f  p25 %.3f  median %.3f", v[1], v[int((NR+3)/4)], (v[int((NR+1)/2)]+v[int(NR/2)+1])/2}'
}
PASSES=${PASSES:-1}
# The builds take turns at each offset, so a burst of load hits them alike.
declare -A sign signer verify
for offset in $(for _ in $(seq "$PASSES"); do echo 0 448 960 1472 1984 2496 3008 3520; done); do
  pad=$(head -c "$offset" /dev/zero | tr '\0' a)
  for bin in "$@"; do
    line=$(env -i PAD="$pad" setarch -R "$bin" ratio 40000 2>&1)
    sign[$bin]="${sign[$bin]:-} $(echo "$line" | awk '{print $2}')"
    signer[$bin]="${signer[$bin]:-} $(echo "$line" | awk '{print $6}')"
    verify[$bin]="${verify[$bin]:-} $(echo "$line" | awk '{print $4}')"
  done
done
for bin in "$@"; do
  echo "$bin"
  echo "  sign/bare:   $(summary "${sign[$bin]}")  (runs:${sign[$bin]})"
  echo "  signer/bare: $(summary "${signer[$bin]}")  (runs:${signer[$bin]})"
  echo "  verify/sign: $(summary "${verify[$bin]}")  (runs:${verify[$bin]})"
done
