#!/usr/bin/env bash
# Integration tests: `oss-doctor emulate` driven by the official SDKs.
#
#   bash tests/emulate/run.sh            # from anywhere in a clone; needs PyPI (and npm) access
#   OSS_DOCTOR=/path/to/oss-doctor bash tests/emulate/run.sh   # use that binary, build nothing
#   bash tests/emulate/run.sh sdk|soak|ali-oss ...             # only those parts
#
# 1. tests/emulate/.venv (python3 -m venv) with scripts/emulate/requirements.txt
#    (oss2, alibabacloud-oss-v2, pinned), reinstalled only when the requirements change;
# 2. the binary: $OSS_DOCTOR, else `cargo build -p oss-doctor` and target/debug/oss-doctor;
# 3. Python unittest: test_sdk_*.py (SDK round trips, URLs and forms, callbacks, failures),
#    then test_soak.py (10,000 requests, 32 threads), each under a time limit;
# 4. ali_oss.test.js with ali-oss pinned by tests/emulate/ali-oss/package-lock.json, when
#    node and npm exist (skipped with the reason otherwise).
# Every part runs even when an earlier one fails; the exit status is 1 if any failed.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VENV="$HERE/.venv"
REQ="$ROOT/scripts/emulate/requirements.txt"
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(sdk soak ali-oss)

want() { local p; for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
step() { printf '\n==> %s\n' "$*"; }
failed=()

step "python environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
    timeout 120 python3 -m venv "$VENV" || { echo "python3 -m venv failed"; exit 1; }
fi
stamp="$VENV/.requirements"
if ! cmp -s "$REQ" "$stamp"; then
    timeout 300 "$VENV/bin/pip" install --quiet --disable-pip-version-check --timeout 60 -r "$REQ" \
        || { echo "pip install failed"; exit 1; }
    cp "$REQ" "$stamp"
fi
"$VENV/bin/python" -c 'import oss2, alibabacloud_oss_v2; print("oss2", oss2.__version__, "/ alibabacloud-oss-v2", alibabacloud_oss_v2.__version__)'

step "oss-doctor"
if [ -n "${OSS_DOCTOR:-}" ]; then
    echo "using OSS_DOCTOR=$OSS_DOCTOR"
else
    (cd "$ROOT" && timeout 1200 cargo build -p oss-doctor --quiet) || { echo "cargo build -p oss-doctor failed"; exit 1; }
    OSS_DOCTOR="$ROOT/target/debug/oss-doctor"
fi
case "$OSS_DOCTOR" in /*) ;; *) OSS_DOCTOR="$ROOT/$OSS_DOCTOR" ;; esac
export OSS_DOCTOR
if ! timeout 10 "$OSS_DOCTOR" emulate --help >/dev/null 2>&1; then
    echo "$OSS_DOCTOR has no working 'emulate' subcommand"
    exit 1
fi

cd "$HERE"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1

if want sdk; then
    step "SDK tests (oss2, alibabacloud-oss-v2)"
    timeout 240 "$VENV/bin/python" -m unittest -v test_sdk_objects test_sdk_urls test_sdk_callback test_sdk_errors \
        test_empty_additional_headers \
        || failed+=("sdk")
fi

if want soak; then
    step "soak (${SOAK_REQUESTS:-10000} requests, ${SOAK_THREADS:-32} threads, deadline ${SOAK_DEADLINE:-120}s)"
    soak_deadline="${SOAK_DEADLINE:-120}"
    timeout $(( ${soak_deadline%.*} + 60 )) "$VENV/bin/python" -m unittest -v test_soak \
        || failed+=("soak")
fi 2>&1

if want ali-oss; then
    step "ali-oss (npm)"
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        echo "skipped: node and npm are needed for the ali-oss test ($(command -v node >/dev/null || echo 'no node') $(command -v npm >/dev/null || echo 'no npm'))"
    elif ! (cd "$HERE/ali-oss" && { [ -d node_modules/ali-oss ] && cmp -s package-lock.json node_modules/.package-lock.stamp \
            || { timeout 300 npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.package-lock.stamp; }; }); then
        echo "npm ci failed"
        failed+=("ali-oss")
    else
        timeout 120 node "$HERE/ali_oss.test.js" || failed+=("ali-oss")
    fi
fi

if [ ${#failed[@]} -gt 0 ]; then
    step "FAILED: ${failed[*]}"
    exit 1
fi
step "all passed"
