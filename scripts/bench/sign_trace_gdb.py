"""gdb script for scripts/bench/sign_trace.sh: single-steps one call of a sign_cost job on
the real CPU path (SHA extensions included, which valgrind hides) and prints where its
instructions go. Reads the settings from the environment: SIGN_TRACE_JOB (the sign_cost
job), SIGN_TRACE_ENTRY (the traced function's address in the binary, hex) and
SIGN_TRACE_OUT (where the per-instruction source lines are written)."""
import collections
import os

import gdb

job = os.environ["SIGN_TRACE_JOB"]
entry = int(os.environ["SIGN_TRACE_ENTRY"], 16)
out = os.environ["SIGN_TRACE_OUT"]

gdb.execute("set pagination off")
gdb.execute(f"starti {job} 3 2>/dev/null")
# The executable's first mapping is its load address (position-independent binary).
mappings = gdb.execute("info proc mappings", to_string=True).splitlines()
base = next(int(line.split()[0], 16) for line in mappings if line.strip().startswith("0x"))
gdb.execute(f"break *{base + entry:#x}")
gdb.execute("continue")
gdb.execute("continue")  # the second call: caches and lazy bindings are warm

counts = collections.Counter()
lines = []
first = {}
steps = 0
while steps < 50_000:
    pc = int(gdb.parse_and_eval("$pc"))
    name = gdb.execute(f"info symbol {pc}", to_string=True).split(" in section")[0]
    name = name.split("+")[0].strip()
    if name.startswith("sign_cost::main"):
        break
    steps += 1
    counts[name] += 1
    for mark in ("catch_up", "finish_hmac"):
        if mark in name and mark not in first:
            first[mark] = steps
    lines.append(gdb.execute(f"info line *{pc}", to_string=True).split(" and ends")[0])
    gdb.execute("stepi", to_string=True)

with open(out, "w") as trace:
    trace.write("\n".join(lines) + "\n")
print(f"{job}: {steps} instructions in one call")
for mark, step in first.items():
    print(f"  first {mark} call at instruction {step}")
for name, count in counts.most_common():
    print(f"  {count:6} {name}")
