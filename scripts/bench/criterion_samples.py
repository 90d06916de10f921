#!/usr/bin/env python3
"""Per-iteration sample statistics of a criterion benchmark group, and ratios between them.

criterion's point estimate is a mean over its samples; on a shared machine a run of samples
can sit 30-40 % above the rest (a neighbour on the other hardware thread of the core halves
the out-of-order window; the latency-bound bare HMAC hardly notices, the signing path does).
The low percentiles are the quiet-machine figure, as in scripts/bench/sign_ratio.sh.

Usage, after `cargo bench -p oss-benches --bench sign`:
    scripts/bench/criterion_samples.py [GROUP] [BASELINE]
GROUP defaults to sign_v1_put and BASELINE to bare_hmac_sha1.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
group = sys.argv[1] if len(sys.argv) > 1 else "sign_v1_put"
baseline = sys.argv[2] if len(sys.argv) > 2 else "bare_hmac_sha1"
directory = root / "target" / "criterion" / group
if not directory.is_dir():
    sys.exit(f"no criterion results in {directory}: run the bench first")


def percentiles(bench):
    data = json.loads((directory / bench / "new" / "sample.json").read_text())
    times = sorted(t / n for t, n in zip(data["times"], data["iters"]))
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return times[0], pick(0.10), pick(0.50)


rows = {p.name: percentiles(p.name) for p in sorted(directory.iterdir())
        if (p / "new" / "sample.json").is_file()}
if baseline not in rows:
    sys.exit(f"no baseline {baseline} in {directory}")
base = rows[baseline]
print(f"{'bench':34} {'min':>9} {'p10':>9} {'median':>9}   p10/{baseline}")
for name, (low, p10, median) in rows.items():
    print(f"{name:34} {low:9.1f} {p10:9.1f} {median:9.1f}   {p10 / base[1]:.3f}")
