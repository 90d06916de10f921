#!/usr/bin/env bash
# Load test of `oss-doctor emulate`: V4-signed 1 KiB GETs over loopback, keep-alive,
# 32 connections, bounded in time (SECONDS, default 10) and count (MAX_REQUESTS).
# The emulator runs on CPU 0 and the load generator on CPU 1 (taskset), so the rate is
# what one core of emulator serves.
#
#   bash scripts/bench/emulate_load.sh            # prints the generator's JSON line
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_TO_RUN="${SECONDS_TO_RUN:-10}"
MAX_REQUESTS="${MAX_REQUESTS:-500000}"
CONNECTIONS="${CONNECTIONS:-32}"

cargo build --release -p oss-doctor -p oss-benches --bin oss-doctor --bin emulate-load --quiet
root="$(mktemp -d)"
out="$root/announce.json"
pin() { if command -v taskset >/dev/null; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }
pin 0 target/release/oss-doctor emulate --listen 127.0.0.1:0 --root "$root/data" \
    --bucket bench --access-key AK:SK --region cn-hangzhou >"$out" &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -rf "$root"' EXIT
for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
address="$(sed -E 's/.*"endpoint":"http:\/\/([^"]+)".*/\1/' "$out")"
pin 1 timeout $((SECONDS_TO_RUN + 30)) target/release/emulate-load --address "$address" \
    --bucket bench --access-key AK:SK --region cn-hangzhou --connections "$CONNECTIONS" \
    --seconds "$SECONDS_TO_RUN" --max-requests "$MAX_REQUESTS" --size 1024
