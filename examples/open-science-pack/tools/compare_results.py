"""Compares reproduced evaluation results with the released ones, within tolerances.

Each (checkpoint step, task, metric) of the released file must be present in the reproduction and
differ by at most the tolerance: absolute for bits per byte, and two standard errors for shares.
Exits 1 and lists every difference when a result is out of tolerance.

Usage:
    python tools/compare_results.py results/eval_results.json runs/reproduce/eval_results.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BPB_TOLERANCE = 0.05


def key(row: dict) -> tuple:
    return (row.get("step"), row["task"], row["metric"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("released", type=Path)
    parser.add_argument("reproduced", type=Path)
    args = parser.parse_args(argv)
    released = {key(r): r for r in json.loads(args.released.read_text())["results"]}
    reproduced = {key(r): r for r in json.loads(args.reproduced.read_text())["results"]}
    failures = 0
    for k, row in released.items():
        other = reproduced.get(k)
        if other is None:
            failures += 1
            print(f"MISSING  step {k[0]!s:>5} {k[1]:15s} {k[2]:14s} not in {args.reproduced}")
            continue
        tolerance = BPB_TOLERANCE if row["metric"] == "bits_per_byte" else 2 * max(row.get("stderr", 0), 0.05)
        delta = abs(other["value"] - row["value"])
        status = "ok" if delta <= tolerance else "DIFFERS"
        failures += status != "ok"
        print(f"{status:8s} step {k[0]!s:>5} {k[1]:15s} {k[2]:14s} released {row['value']:.4f} reproduced {other['value']:.4f} (tolerance {tolerance:.4f})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
