"""Trains Pebble-1 Tiny from scratch on the corpus."""
import torch

from .model import PebbleModel


def train(batches, steps: int = 500, lr: float = 1e-3) -> PebbleModel:
    model = PebbleModel()
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    for _, (inputs, targets) in zip(range(steps), batches):
        loss = torch.nn.functional.cross_entropy(model(inputs).flatten(0, 1), targets.flatten())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model
