#!/usr/bin/env python3
"""Offline verification of a published spot-check draw (双随机、一公开 随机抽查).

Usage: python3 verify_draw.py published-draw.json

Recomputes, from the published JSON alone and with the Python 3 standard library only:
  * the RFC 3797 key string from the public random sources,
  * the SHA-256 digest of the canonical pool serialisation,
  * each stratum's sample size n = ceil(ratio * N) clamped to [minItems, maxItems] and to N,
  * each stratum's selection (RFC 3797 section 4; "rfc3797-ext1" beyond 65,535 draws),
and compares them with the published values. Exit status 0: the draw checks out; 1: a mismatch;
2: the file cannot be read or is malformed.

The rules are those of cn.dongcheng.platform.supervision.draw (see its Javadoc and the README):
  key string   for each source in order: its integers sorted ascending, each in decimal followed
               by ".", the source ended by "/"
  stratum key  key string + stratum name + "/"
  draw i       d = MD5(c(i) + key + c(i)), c(i) = 2 bytes big-endian (4 bytes for i >= 65536 in
               rfc3797-ext1); take the (d mod remaining)-th (0-based) not-yet-selected entry
  pool order   strata and codes sorted; entries numbered in that order
  pool digest  SHA-256 over "stratum\\tcode\\n" lines in that order
"""
import decimal
import hashlib
import json
import math
import sys

VERSIONS = {"rfc3797": 65536, "rfc3797-ext1": 1 << 32}


def key_string(sources):
    out = []
    for source in sources:
        if not source or any(type(n) is not int or n < 0 for n in source):
            raise ValueError("each source must be a non-empty list of non-negative integers")
        out.append("".join(str(n) + "." for n in sorted(source)) + "/")
    return "".join(out)


def counter(i):
    return i.to_bytes(2, "big") if i < 65536 else i.to_bytes(4, "big")


def select(key, pool_size, count, version):
    if count > VERSIONS[version]:
        raise ValueError("%s cannot draw %d entries" % (version, count))
    key_bytes = key.encode("ascii")
    remaining = list(range(1, pool_size + 1))
    chosen = []
    for i in range(count):
        c = counter(i)
        d = int.from_bytes(hashlib.md5(c + key_bytes + c).digest(), "big")
        chosen.append(remaining.pop(d % len(remaining)))
    return chosen


def pool_digest(pool):
    lines = []
    for stratum in sorted(pool):
        for code in sorted(pool[stratum]):
            lines.append("%s\t%s\n" % (stratum, code))
    return hashlib.sha256("".join(lines).encode("ascii")).hexdigest()


def sample_size(ratio, minimum, maximum, n):
    by_ratio = math.ceil(decimal.Decimal(ratio) * n)
    return min(max(minimum, min(maximum, by_ratio)), n)


def verify(doc):
    problems = []
    version = doc["algorithmVersion"]
    if version not in VERSIONS:
        return ["unknown algorithm version %r" % version]
    key = key_string(doc["sources"])
    if key != doc["keyString"]:
        problems.append("key string: published %r, recomputed %r" % (doc["keyString"], key))
    pool = doc["pool"]
    for stratum, codes in pool.items():
        if len(set(codes)) != len(codes):
            problems.append("stratum %s: duplicate codes in the pool" % stratum)
    digest = pool_digest(pool)
    if digest != doc["poolDigest"]:
        problems.append("pool digest: published %s, recomputed %s" % (doc["poolDigest"], digest))
    drawn = {s["stratum"] for s in doc["strata"]}
    if drawn != set(pool) or len(drawn) != len(doc["strata"]):
        problems.append("strata drawn %s differ from pool strata %s" % (sorted(drawn), sorted(pool)))
    for s in doc["strata"]:
        name = s["stratum"]
        codes = sorted(pool.get(name, []))
        n = sample_size(s["ratio"], s["minItems"], s["maxItems"], len(codes))
        if n != s["sampleSize"]:
            problems.append("stratum %s: sample size published %s, recomputed %d" % (name, s["sampleSize"], n))
        expected = [codes[p - 1] for p in select(key + name + "/", len(codes), n, version)]
        if expected != s["selected"]:
            problems.append("stratum %s: selection published %s, recomputed %s" % (name, s["selected"], expected))
        else:
            print("stratum %s: %d of %d, selection matches" % (name, n, len(codes)))
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            doc = json.load(f)
        problems = verify(doc)
    except (OSError, ValueError, KeyError, TypeError, decimal.InvalidOperation) as e:
        print("cannot verify: %s" % e, file=sys.stderr)
        return 2
    if problems:
        for p in problems:
            print("MISMATCH: " + p)
        return 1
    print("OK: draw verified (%s, pool digest %s)" % (doc["algorithmVersion"], doc["poolDigest"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
