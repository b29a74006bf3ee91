"""The Pebble-1 Tiny architecture: two transformer blocks over bytes."""
import torch
from torch import nn


class PebbleModel(nn.Module):
    def __init__(self, width: int = 32, layers: int = 2, context: int = 128):
        super().__init__()
        self.embed = nn.Embedding(256, width)
        block = nn.TransformerEncoderLayer(width, nhead=2, dim_feedforward=4 * width, batch_first=True)
        self.blocks = nn.TransformerEncoder(block, layers)
        self.head = nn.Linear(width, 256)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.blocks(self.embed(tokens)))
