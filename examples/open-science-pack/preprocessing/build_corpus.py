"""Builds the Pebble Tiny Corpus shards from the raw volunteer submissions.

Pipeline (each step is logged with how many documents it removed):

1. normalise: Unicode NFC, typographic quotes and dashes to ASCII, runs of whitespace to one space;
2. filter: drop submissions under 30 words, with less than 98% ASCII letters, or containing an
   e-mail address, a URL or a phone number (the personal-data filter described in DATA_STATEMENT.md);
3. deduplicate: drop exact duplicates after lower-casing and removing punctuation;
4. split: a submission goes to validation when the first byte of the SHA-1 of its id is below 40
   (about 16%), otherwise to train, so the split never depends on file order;
5. shard: train into two JSONL shards, validation into one, one JSON object per line.

Usage (from the pack root):
    python preprocessing/build_corpus.py --raw data/raw/submissions.jsonl --out data
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

MIN_WORDS = 30
MIN_ASCII_SHARE = 0.98
VALIDATION_THRESHOLD = 40
TRAIN_SHARDS = 2

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"https?://|www\.", re.IGNORECASE)
PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
TRANSLATE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(TRANSLATE)
    return re.sub(r"\s+", " ", text).strip()


def rejection(text: str) -> str | None:
    """Why a normalised submission is dropped, or None to keep it."""
    if len(text.split()) < MIN_WORDS:
        return "too-short"
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < MIN_ASCII_SHARE:
        return "non-english"
    if EMAIL.search(text) or URL.search(text) or PHONE.search(text):
        return "personal-data"
    return None


def dedup_key(text: str) -> str:
    return hashlib.sha1(re.sub(r"[^a-z0-9 ]", "", text.lower()).encode()).hexdigest()


def split_of(submission_id: str) -> str:
    return "validation" if hashlib.sha1(submission_id.encode()).digest()[0] < VALIDATION_THRESHOLD else "train"


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def build(raw: Path, out: Path) -> dict[str, int]:
    stats = {"read": 0, "too-short": 0, "non-english": 0, "personal-data": 0, "duplicate": 0}
    seen: set[str] = set()
    splits: dict[str, list[dict]] = {"train": [], "validation": []}
    for line in raw.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        stats["read"] += 1
        text = normalise(record["text"])
        reason = rejection(text)
        if reason:
            stats[reason] += 1
            continue
        key = dedup_key(text)
        if key in seen:
            stats["duplicate"] += 1
            continue
        seen.add(key)
        doc = {"id": f"ptc-{record['submission_id']}", "topic": record["topic"], "text": text}
        splits[split_of(record["submission_id"])].append(doc)

    out.mkdir(parents=True, exist_ok=True)
    train = splits["train"]
    for shard in range(TRAIN_SHARDS):
        rows = train[shard::TRAIN_SHARDS]
        write_jsonl(out / f"train-{shard:05d}-of-{TRAIN_SHARDS:05d}.jsonl", rows)
    write_jsonl(out / "validation-00000-of-00001.jsonl", splits["validation"])
    stats["train"] = len(train)
    stats["validation"] = len(splits["validation"])
    return stats


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("data/raw/submissions.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("data"))
    args = parser.parse_args(argv)
    stats = build(args.raw, args.out)
    print(json.dumps(stats, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
