"""Generates text with a Pebble model.

Usage (from the pack root):
    python inference/generate.py --prompt "A river begins" --max-new-tokens 120
    python inference/generate.py --weights checkpoints/step-001000.safetensors --temperature 0 --prompt "Glass is"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

# Run from a fresh clone without installing: the pebble package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pebble import ByteTokenizer, Pebble  # noqa: E402


@torch.no_grad()
def generate(
    model: Pebble,
    prompt: str,
    max_new_tokens: int = 120,
    temperature: float = 0.8,
    top_k: int = 40,
    seed: int = 0,
) -> str:
    """Samples a continuation of `prompt`; temperature 0 means greedy decoding. Stops at <eos>."""
    tokenizer = ByteTokenizer()
    generator = torch.Generator().manual_seed(seed)
    ids = tokenizer.encode(prompt)
    start = len(ids)
    for _ in range(max_new_tokens):
        window = torch.tensor([ids[-model.config.max_seq_len :]])
        logits = model(window)[0, -1]
        logits[tokenizer.pad_id :] = float("-inf")  # unused ids never appear in text
        if temperature <= 0:
            next_id = int(logits.argmax())
        else:
            logits = logits / temperature
            if top_k:
                kth = torch.topk(logits, top_k).values[-1]
                logits[logits < kth] = float("-inf")
            next_id = int(torch.multinomial(torch.softmax(logits, dim=-1), 1, generator=generator))
        if next_id == tokenizer.eos_id:
            break
        ids.append(next_id)
    return tokenizer.decode(ids[start:])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Generate text with Pebble-1 Tiny.")
    parser.add_argument("--weights", default="weights/pebble-1-tiny.safetensors")
    parser.add_argument("--prompt", required=True)
    parser.add_argument("--max-new-tokens", type=int, default=120)
    parser.add_argument("--temperature", type=float, default=0.8)
    parser.add_argument("--top-k", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    model = Pebble.from_pretrained(args.weights)
    completion = generate(model, args.prompt, args.max_new_tokens, args.temperature, args.top_k, args.seed)
    print(args.prompt + completion)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
