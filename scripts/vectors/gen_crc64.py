#!/usr/bin/env python3
"""Writes tests/vectors/crc64.jsonl: CRC-64 vectors computed by the official Python SDKs.

Oracles: oss2 (`oss2.utils.Crc64`, crcmod with the OSS parameters, and its combine) and
alibabacloud-oss-v2 (`alibabacloud_oss_v2.crc.Crc64`). Every vector is computed by both
and written only when they agree. Re-run from the repository root:

    python3 scripts/vectors/gen_crc64.py

Input data is not stored (except as hex for short inputs): it is the output of
SplitMix64 from `seed`, each 64-bit output as 8 little-endian bytes, cut to `len`. The
Rust test regenerates it the same way. CRC values are decimal strings, as in the
`x-oss-hash-crc64ecma` header. Record kinds:

- {"kind":"published","text","crc64","source"}           SDK test-suite vectors, re-checked
- {"kind":"checksum","seed","len","data_hex"?,"crc64"}
- {"kind":"update","init","seed","len","crc64"}        continue from a previous CRC
- {"kind":"combine","crc1","crc2","len2","crc64"}
- {"kind":"combine_parts","parts":[[crc,len],...],"crc64"}  whole-object CRC from parts
"""

import importlib
import json
import pathlib
import random
import subprocess
import sys

MASK = (1 << 64) - 1


def ensure_sdks():
    try:
        importlib.import_module("oss2")
        importlib.import_module("alibabacloud_oss_v2")
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "oss2", "alibabacloud-oss-v2"])


ensure_sdks()
import oss2.utils  # noqa: E402
from alibabacloud_oss_v2 import crc as v2crc  # noqa: E402


def splitmix64_bytes(seed, length):
    state = seed & MASK
    out = bytearray()
    while len(out) < length:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out += z.to_bytes(8, "little")
    return bytes(out[:length])


def crc_v1(data, init=0):
    crc = oss2.utils.Crc64(init)
    crc.update(data)
    return crc.crc


def crc_v2(data, init=0):
    crc = v2crc.Crc64(init)
    crc.update(data)
    return crc.sum64()


def combine_v1(crc1, crc2, len2):
    return oss2.utils.Crc64(0).combine(crc1, crc2, len2)


def combine_v2(crc1, crc2, len2):
    return v2crc.Crc64(0).combine(crc1, crc2, len2)


class Part:
    def __init__(self, part_crc, size):
        self.part_crc = part_crc
        self.size = size


def agreed(a, b, what):
    if a != b:
        raise SystemExit(f"SDKs disagree on {what}: oss2={a} v2={b}")
    return a


PUBLISHED = [
    ("", 0, "Go v1 oss/crc_test.go"),
    ("123456789", 0x995DC9BBDF1939FA, "Go v1/v2, Java CRC64UtilTest, C++ Crc64Test"),
    ("This is a test of the emergency broadcast system.", 0x27DB187FC15BBC72, "Go v1/v2, Java, C++"),
    ("IHATEMATH", 0x3920E0F66B6EE0C8, "Java CRC64UtilTest.testBytes"),
    ("Even if I could be Shakespeare, I think I should still choose to be Faraday. - A. Huxley",
     0x7AD25FAFA1710407, "Go v1 TestCRCRepeatedCombine"),
    ("hi oss", 0x78D61E7C4C111A90, "Go v2 client_mock_test.go"),
]


def main():
    rng = random.Random(0x05504352)  # fixed: the file is reproducible
    records = []

    for text, published, source in PUBLISHED:
        crc = agreed(crc_v1(text.encode()), crc_v2(text.encode()), f"published {text!r}")
        if crc != published:
            raise SystemExit(f"published vector {text!r} is {published}, the SDKs say {crc}")
        records.append({"kind": "published", "text": text, "crc64": str(crc), "source": source})

    lengths = list(range(0, 301))
    lengths += [383, 384, 385, 511, 512, 513, 767, 1023, 1024, 1025, 1500, 2047, 2048, 2049]
    lengths += [4095, 4096, 4097, 8191, 8192, 10007, 65535, 65536, 65537, 100003]
    lengths += [(1 << 20) - 1, 1 << 20, (1 << 20) + 17, 3 << 20]
    for length in lengths:
        seed = rng.getrandbits(64)
        data = splitmix64_bytes(seed, length)
        crc = agreed(crc_v1(data), crc_v2(data), f"checksum len {length}")
        record = {"kind": "checksum", "seed": str(seed), "len": length}
        if length <= 32:
            record["data_hex"] = data.hex()
        record["crc64"] = str(crc)
        records.append(record)

    for length in [0, 1, 7, 8, 15, 16, 100, 1000, 4096, 70000]:
        seed = rng.getrandbits(64)
        init = rng.getrandbits(64)
        data = splitmix64_bytes(seed, length)
        crc = agreed(crc_v1(data, init), crc_v2(data, init), f"update len {length}")
        records.append({"kind": "update", "init": str(init), "seed": str(seed), "len": length, "crc64": str(crc)})

    combine_lengths = [0, 1, 2, 3, 8, 255, 256, 257, 1024, 65536, (1 << 20) + 3, (1 << 32) - 1, 1 << 32, 5 << 30,
                       (5 << 30) - 1, 48_800_000_000_000, (1 << 63) + 12345, MASK]
    combine_lengths += [rng.getrandbits(rng.randint(1, 64)) for _ in range(40)]
    for len2 in combine_lengths:
        crc1, crc2 = rng.getrandbits(64), rng.getrandbits(64)
        crc = agreed(combine_v1(crc1, crc2, len2), combine_v2(crc1, crc2, len2), f"combine len {len2}")
        records.append({"kind": "combine", "crc1": str(crc1), "crc2": str(crc2), "len2": str(len2), "crc64": str(crc)})

    for part_size, count, last in [(100 * 1024, 7, 1), (5 << 20, 1000, 1234), (5 << 30, 3, 5 << 30), (1, 5, 1)]:
        sizes = [part_size] * (count - 1) + [last]
        parts = [(rng.getrandbits(64), size) for size in sizes]
        crc = oss2.utils.calc_obj_crc_from_parts([Part(c, s) for c, s in parts])
        folded = 0
        for part_crc, size in parts:
            folded = combine_v2(folded, part_crc, size)
        crc = agreed(crc, folded, f"combine_parts of {count}")
        parts_json = [[str(c), str(s)] for c, s in parts]
        records.append({"kind": "combine_parts", "parts": parts_json, "crc64": str(crc)})

    out = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors" / "crc64.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w") as f:
        for record in records:
            f.write(json.dumps(record, separators=(",", ":")) + "\n")
    print(f"wrote {len(records)} records to {out}")


if __name__ == "__main__":
    main()
