"""Generates text with Pebble-1 Tiny, one byte at a time."""
import torch


def generate(model, prompt: bytes, length: int = 64) -> bytes:
    tokens = torch.tensor([list(prompt)])
    for _ in range(length):
        logits = model(tokens[:, -128:])[:, -1]
        tokens = torch.cat([tokens, logits.argmax(-1, keepdim=True)], dim=1)
    return bytes(tokens[0].tolist())
