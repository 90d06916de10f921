#!/usr/bin/env python3
"""Differential vectors for oss-naming from the official Python SDKs.

Writes, next to the repository root:
  tests/vectors/naming_bucket.jsonl  {"name", "oss2", "v2"}: the bucket-name verdicts of
      oss2.utils.is_valid_bucket_name and alibabacloud_oss_v2.validation.is_valid_bucket_name
  tests/vectors/naming_object.jsonl  {"name", "v2"}: the object-name verdict of
      alibabacloud_oss_v2.validation.is_valid_object_name (oss2 has no object-name check
      outside presigning)

The names are random (fixed seed, so the output is reproducible) and biased towards the
edges of the rules: lengths around the limits, hyphens at the ends, characters just outside
the alphabet, multi-byte UTF-8. Re-run with:

    pip install oss2 alibabacloud-oss-v2
    python3 scripts/vectors/gen_naming.py
"""

import json
import pathlib
import random
import sys

try:
    import oss2.utils
    from alibabacloud_oss_v2 import validation as v2
except ImportError:
    sys.exit("needs the official SDKs: pip install oss2 alibabacloud-oss-v2")

SEED = 20240425
BUCKET_COUNT = 6000
OBJECT_COUNT = 1500
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "vectors"

LOWER = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"
# Characters just outside the bucket alphabet, and some far outside it.
NEAR_MISSES = "-_.ABCZ /\\@`{[:"
FAR = ["é", "中", "٣", "\u00a0", "\t", "😀", "ſ", "K"]  # last two fold to ASCII in some cases


def bucket_char(rng):
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(LOWER)
    if roll < 0.85:
        return rng.choice(DIGITS)
    return "-"


def foreign_char(rng):
    return rng.choice(NEAR_MISSES) if rng.random() < 0.8 else rng.choice(FAR)


def bucket_name(rng):
    shape = rng.random()
    if shape < 0.4:
        length = rng.choice([0, 1, 2, 3, 4, 61, 62, 63, 64, 65])
    else:
        length = rng.randint(0, 70)
    chars = [bucket_char(rng) for _ in range(length)]
    if chars and rng.random() < 0.25:
        # One character from outside the alphabet, anywhere.
        chars[rng.randrange(len(chars))] = foreign_char(rng)
    if chars and rng.random() < 0.15:
        # A hyphen at one end or the other.
        chars[rng.choice([0, -1])] = "-"
    return "".join(chars)


def object_name(rng):
    roll = rng.random()
    if roll < 0.15:
        length = rng.choice([0, 1, 1022, 1023, 1024, 1025])
    elif roll < 0.3:
        length = rng.choice([340, 341, 342, 511, 512, 513])
    else:
        length = rng.randint(0, 40)
    alphabet = ["a", "/", "\\", "?", " ", "中", "é", "😀", "%", "#"]
    weights = [60, 8, 2, 2, 4, 10, 6, 2, 3, 3]
    return "".join(rng.choices(alphabet, weights, k=length))


def main():
    rng = random.Random(SEED)
    fixed = ["123", "test", "test-123", "123-test", "123test", "12",
             "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij",
             "-test", "test-", "test_123", "TEst", "#?123", ""]
    buckets = fixed + [bucket_name(rng) for _ in range(BUCKET_COUNT)]
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "naming_bucket.jsonl", "w", encoding="utf-8") as out:
        for name in buckets:
            record = {
                "name": name,
                "oss2": bool(oss2.utils.is_valid_bucket_name(name)),
                "v2": bool(v2.is_valid_bucket_name(name)),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    objects = ["123", "#ADfa", "#ADfa?fasdk#ja", "", "/a", "\\a", "?a"]
    objects += [object_name(rng) for _ in range(OBJECT_COUNT)]
    with open(OUT / "naming_object.jsonl", "w", encoding="utf-8") as out:
        for name in objects:
            record = {"name": name, "v2": bool(v2.is_valid_object_name(name))}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(buckets)} bucket and {len(objects)} object vectors to {OUT}")


if __name__ == "__main__":
    main()
