"""Trains Pebble-1 Tiny from scratch on the Pebble Tiny Corpus.

Writes, under --out: logs/train_log.csv (every `log_every` steps), logs/validation_log.csv (every
`eval_every` steps), checkpoints/step-XXXXXX.safetensors at `checkpoint_steps`, and
weights/pebble-1-tiny.safetensors at the end. The released files of this pack were written by
exactly this script with training/config.json (see REPRODUCIBILITY.md).

Usage (from the pack root):
    python training/train.py --config training/config.json --out runs/reproduce
    python training/train.py --config training/config.json --out runs/smoke --steps 40   # a quick check
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pebble import ByteTokenizer, Pebble, PebbleConfig  # noqa: E402


def load_stream(paths: list[str]) -> torch.Tensor:
    """Concatenates the documents of the shards into one token stream, each starting with <bos>."""
    tokenizer = ByteTokenizer()
    ids: list[int] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.extend(tokenizer.encode(json.loads(line)["text"], bos=True, eos=True))
    return torch.tensor(ids, dtype=torch.long)


def batch_of(stream: torch.Tensor, batch_size: int, seq_len: int, generator: torch.Generator):
    """Random windows of seq_len + 1 tokens: inputs and next-token targets."""
    starts = torch.randint(0, len(stream) - seq_len - 1, (batch_size,), generator=generator)
    windows = torch.stack([stream[s : s + seq_len + 1] for s in starts.tolist()])
    return windows[:, :-1], windows[:, 1:]


def learning_rate(step: int, config: dict) -> float:
    """Linear warmup, then cosine decay from lr to min_lr."""
    opt, schedule = config["optimizer"], config["schedule"]
    if step < schedule["warmup_steps"]:
        return opt["lr"] * step / schedule["warmup_steps"]
    progress = (step - schedule["warmup_steps"]) / (schedule["steps"] - schedule["warmup_steps"])
    return opt["min_lr"] + 0.5 * (opt["lr"] - opt["min_lr"]) * (1 + math.cos(math.pi * progress))


@torch.no_grad()
def validation_loss(model: Pebble, stream: torch.Tensor, seq_len: int) -> float:
    """Mean next-byte loss (nats) over consecutive windows covering the whole validation split."""
    total, count = 0.0, 0
    for start in range(0, len(stream) - 1, seq_len):
        window = stream[start : start + seq_len + 1]
        if len(window) < 2:
            break
        logits = model(window[:-1].unsqueeze(0))
        total += F.cross_entropy(logits[0], window[1:], reduction="sum").item()
        count += len(window) - 1
    return total / count


def train(config: dict, out: Path, steps: int | None = None) -> None:
    steps = steps or config["schedule"]["steps"]
    random.seed(config["seed"])
    torch.manual_seed(config["seed"])
    generator = torch.Generator().manual_seed(config["seed"])
    model = Pebble(PebbleConfig(**config["model"]))
    train_stream = load_stream(config["data"]["train"])
    validation_stream = load_stream([config["data"]["validation"]])
    opt = config["optimizer"]
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": opt["weight_decay"]}, {"params": no_decay, "weight_decay": 0.0}],
        lr=opt["lr"],
        betas=tuple(opt["betas"]),
        eps=opt["eps"],
    )
    (out / "logs").mkdir(parents=True, exist_ok=True)
    tokens_per_step = config["batch_size"] * config["seq_len"]
    with (out / "logs" / "train_log.csv").open("w", newline="") as train_file, (
        out / "logs" / "validation_log.csv"
    ).open("w", newline="") as validation_file:
        train_log = csv.writer(train_file, lineterminator="\n")
        validation_log = csv.writer(validation_file, lineterminator="\n")
        train_log.writerow(["step", "loss", "lr", "grad_norm", "tokens_seen"])
        validation_log.writerow(["step", "val_loss", "val_bits_per_byte"])
        started = time.time()
        for step in range(steps + 1):
            lr = learning_rate(step, config)
            for group in optimizer.param_groups:
                group["lr"] = lr
            inputs, targets = batch_of(train_stream, config["batch_size"], config["seq_len"], generator)
            model.train()
            loss = F.cross_entropy(model(inputs).flatten(0, 1), targets.flatten())
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), opt["grad_clip"])
            if step < steps:
                optimizer.step()
            if step % config["log_every"] == 0:
                train_log.writerow(
                    [step, round(loss.item(), 4), f"{lr:.4g}", round(grad_norm.item(), 3), step * tokens_per_step]
                )
            if step % config["eval_every"] == 0 or step == steps:
                model.eval()
                val = validation_loss(model, validation_stream, config["seq_len"])
                validation_log.writerow([step, round(val, 4), round(val / math.log(2), 4)])
                print(f"step {step:5d}  loss {loss.item():.4f}  val {val:.4f}  {time.time() - started:.0f}s")
            if step in config["checkpoint_steps"]:
                model.save_pretrained(out / "checkpoints" / f"step-{step:06d}.safetensors", {"step": str(step)})
    model.save_pretrained(out / "weights" / "pebble-1-tiny.safetensors", {"step": str(steps)})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Train Pebble-1 Tiny.")
    parser.add_argument("--config", type=Path, default=Path("training/config.json"))
    parser.add_argument("--out", type=Path, default=Path("runs/reproduce"))
    parser.add_argument("--steps", type=int, default=None, help="override the number of steps (smoke tests)")
    args = parser.parse_args(argv)
    train(json.loads(args.config.read_text(encoding="utf-8")), args.out, args.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
