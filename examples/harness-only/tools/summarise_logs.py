"""Summarises a JSONL training log: steps, tokens, first and final loss, lowest loss, mean throughput.

Usage:
    python tools/summarise_logs.py logs/train_metrics.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def summarise(path: Path) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    running = [row["throughput_tokens_per_s"] for row in rows if row["step"] > 0]
    lowest = min(rows, key=lambda row: row["loss"])
    return {
        "records": len(rows),
        "final_step": rows[-1]["step"],
        "tokens_seen": rows[-1]["tokens_seen"],
        "first_loss": rows[0]["loss"],
        "final_loss": rows[-1]["loss"],
        "lowest_loss": lowest["loss"],
        "lowest_loss_step": lowest["step"],
        "mean_throughput_tokens_per_s": round(sum(running) / len(running)),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    print(json.dumps(summarise(Path(sys.argv[1])), indent=2))
