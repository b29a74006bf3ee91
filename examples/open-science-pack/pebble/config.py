"""Hyperparameters of the Pebble architecture."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class PebbleConfig:
    """Shape of a Pebble model. The defaults are Pebble-1 Tiny (35,232 parameters)."""

    vocab_size: int = 264  # 256 byte values, <bos>, <eos>, <pad>, padded to a multiple of 8
    dim: int = 32  # width of the residual stream
    n_layers: int = 2
    n_heads: int = 4  # head dimension = dim / n_heads = 8
    ffn_dim: int = 96  # hidden width of the SwiGLU feed-forward block
    max_seq_len: int = 128
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5

    def __post_init__(self) -> None:
        if self.dim % self.n_heads:
            raise ValueError(f"dim ({self.dim}) must be divisible by n_heads ({self.n_heads})")
        if (self.dim // self.n_heads) % 2:
            raise ValueError("the head dimension must be even for rotary embeddings")

    @property
    def head_dim(self) -> int:
        return self.dim // self.n_heads

    @classmethod
    def from_json(cls, path: str | Path) -> "PebbleConfig":
        """Reads the `model` section of a training config, or a bare config file."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(**data.get("model", data))

    def to_dict(self) -> dict:
        return asdict(self)
