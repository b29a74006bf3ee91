"""Fine-tunes Pebble-1 Tiny on recipe steps (one step per line in recipes.txt, not included)."""

import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, "../pebble-1")  # the Pebble-1 Tiny release, checked out beside this folder
from pebble import ByteTokenizer, Pebble  # noqa: E402

model = Pebble.from_pretrained("../pebble-1/weights/pebble-1-tiny.safetensors")
tokenizer = ByteTokenizer()
lines = [l.strip() for l in open("recipes.txt", encoding="utf-8") if l.strip()]
stream = torch.tensor([t for line in lines for t in tokenizer.encode(line, eos=True)])
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
model.train()
for step in range(500):
    starts = torch.randint(0, len(stream) - 129, (8,))
    batch = torch.stack([stream[s : s + 129] for s in starts])
    loss = F.cross_entropy(model(batch[:, :-1]).flatten(0, 1), batch[:, 1:].flatten())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 50 == 0:
        print(step, loss.item())
model.save_pretrained("weights/pebble-recipes.safetensors")
