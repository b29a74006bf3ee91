"""Prints the mean loss of the fine-tuned model on held-out recipe steps (heldout.txt, not included)."""

import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, "../pebble-1")
from pebble import ByteTokenizer, Pebble  # noqa: E402

model = Pebble.from_pretrained("weights/pebble-recipes.safetensors")
tokenizer = ByteTokenizer()
losses = []
with torch.no_grad():
    for line in open("heldout.txt", encoding="utf-8"):
        ids = torch.tensor([tokenizer.encode(line.strip(), eos=True)[:129]])
        losses.append(F.cross_entropy(model(ids[:, :-1])[0], ids[0, 1:]).item())
print(sum(losses) / len(losses))
