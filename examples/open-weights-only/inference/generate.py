"""Completes help phrases with Pebble-1 Tiny-Instruct.

The model was fine-tuned on prompts of the form `<bos>Q: {question}\nA:` and answers on one line,
ending with <eos>. Greedy decoding is the supported setting; it is what the evaluation used.

Usage (from the pack root):
    python inference/generate.py --question "How do I reset the label printer?"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pebble import ByteTokenizer, Pebble  # noqa: E402

PROMPT = "Q: {question}\nA:"


@torch.no_grad()
def answer(model: Pebble, question: str, max_new_tokens: int = 96) -> str:
    """Greedy answer to one question; stops at <eos> or a newline."""
    tokenizer = ByteTokenizer()
    ids = tokenizer.encode(PROMPT.format(question=question.strip()))
    start = len(ids)
    for _ in range(max_new_tokens):
        logits = model(torch.tensor([ids[-model.config.max_seq_len :]]))[0, -1]
        next_id = int(logits[: tokenizer.pad_id].argmax())
        if next_id == tokenizer.eos_id or next_id == ord("\n"):
            break
        ids.append(next_id)
    return tokenizer.decode(ids[start:]).strip()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Ask Pebble-1 Tiny-Instruct a help question.")
    parser.add_argument("--weights", default="weights/pebble-1-tiny-instruct.safetensors")
    parser.add_argument("--question", required=True)
    parser.add_argument("--max-new-tokens", type=int, default=96)
    args = parser.parse_args(argv)
    print(answer(Pebble.from_pretrained(args.weights), args.question, args.max_new_tokens))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
