"""Pebble evaluation harness: scores a Pebble checkpoint on three tasks and writes machine-readable results.

Tasks
  validation-bpb  bits per byte on the held-out validation split (data/validation-00000-of-00001.jsonl);
                  lower is better. Measures how well the model predicts text it never trained on.
  cloze           20 four-way multiple-choice sentence completions (eval/data/cloze.jsonl), scored by
                  the total log-probability of each choice's bytes; accuracy, chance is 0.25.
  memorisation    16 prefixes of 48 bytes from training documents (eval/data/memorisation.jsonl); the
                  share whose next 32 bytes the model reproduces exactly with greedy decoding.

Each result row names the checkpoint and its training step (read from the safetensors metadata).

Usage (from the pack root):
    python eval/run_eval.py --weights weights/pebble-1-tiny.safetensors --out results/eval_results.json
    python eval/run_eval.py --weights weights/pebble-1-tiny.safetensors checkpoints/*.safetensors
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pebble import ByteTokenizer, Pebble  # noqa: E402

HARNESS_VERSION = "1.0.0"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def standard_error(share: float, n: int) -> float:
    return math.sqrt(share * (1 - share) / n) if n else 0.0


@torch.no_grad()
def log_probability(model: Pebble, context: list[int], continuation: list[int]) -> float:
    """Sum of log-probabilities of `continuation` given `context` (natural log)."""
    ids = (context + continuation)[-(model.config.max_seq_len + 1) :]
    logits = model(torch.tensor([ids[:-1]]))[0]
    logp = F.log_softmax(logits, dim=-1)
    targets = torch.tensor(ids[1:])
    return logp[-len(continuation) :].gather(1, targets[-len(continuation) :, None]).sum().item()


@torch.no_grad()
def validation_bpb(model: Pebble, path: Path) -> dict:
    tokenizer = ByteTokenizer()
    nats, count = 0.0, 0
    for doc in read_jsonl(path):
        ids = tokenizer.encode(doc["text"], bos=True, eos=True)
        seq = model.config.max_seq_len
        for start in range(0, len(ids) - 1, seq):
            window = ids[start : start + seq + 1]
            if len(window) < 2:
                break
            logits = model(torch.tensor([window[:-1]]))[0]
            nats += F.cross_entropy(logits, torch.tensor(window[1:]), reduction="sum").item()
            count += len(window) - 1
    return {"task": "validation-bpb", "metric": "bits_per_byte", "value": round(nats / count / math.log(2), 4), "n": count}


def cloze(model: Pebble, path: Path) -> dict:
    tokenizer = ByteTokenizer()
    items = read_jsonl(path)
    correct = 0
    for item in items:
        context = tokenizer.encode(item["context"])
        scores = [log_probability(model, context, tokenizer.encode(c, bos=False)) for c in item["choices"]]
        correct += int(max(range(len(scores)), key=scores.__getitem__) == item["answer"])
    share = correct / len(items)
    return {"task": "cloze", "metric": "accuracy", "value": round(share, 4), "stderr": round(standard_error(share, len(items)), 4), "n": len(items)}


@torch.no_grad()
def memorisation(model: Pebble, path: Path) -> dict:
    tokenizer = ByteTokenizer()
    items = read_jsonl(path)
    exact = 0
    for item in items:
        ids = tokenizer.encode(item["prefix"])
        target = tokenizer.encode(item["continuation"], bos=False)
        for _ in range(len(target)):
            logits = model(torch.tensor([ids[-model.config.max_seq_len :]]))[0, -1]
            ids.append(int(logits[: tokenizer.pad_id].argmax()))
        exact += int(ids[-len(target) :] == target)
    share = exact / len(items)
    return {"task": "memorisation", "metric": "exact_match", "value": round(share, 4), "stderr": round(standard_error(share, len(items)), 4), "n": len(items)}


def training_step(weights: Path) -> int | None:
    from safetensors import safe_open

    with safe_open(str(weights), framework="pt") as handle:
        step = (handle.metadata() or {}).get("step")
    return int(step) if step is not None else None


def evaluate(weights: list[Path]) -> dict:
    rows: list[dict] = []
    digests: dict[str, str] = {}
    for path in weights:
        model = Pebble.from_pretrained(path)
        digests[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        where = {"checkpoint": str(path), "step": training_step(path)}
        rows += [
            {**where, **validation_bpb(model, ROOT / "data" / "validation-00000-of-00001.jsonl")},
            {**where, **cloze(model, HERE / "data" / "cloze.jsonl")},
            {**where, **memorisation(model, HERE / "data" / "memorisation.jsonl")},
        ]
    return {
        "model": "pebble-1-tiny",
        "harness": {"name": "pebble-eval", "version": HARNESS_VERSION},
        "weights_sha256": digests,
        "results": rows,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Evaluate a Pebble checkpoint.")
    parser.add_argument("--weights", type=Path, nargs="+", default=[Path("weights/pebble-1-tiny.safetensors")])
    parser.add_argument("--out", type=Path, default=None, help="write the results JSON here (default: print)")
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    report = evaluate(args.weights)
    text = json.dumps(report, indent=2) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
