"""Pebble: small, fully open decoder-only language models over bytes.

Pebble models are teaching and tooling models of the (fictional) Lakeside Open ML Lab. See
MODEL_CARD.md for what they are for and what they are not for.
"""

from .config import PebbleConfig
from .model import Pebble
from .tokenizer import ByteTokenizer

__all__ = ["ByteTokenizer", "Pebble", "PebbleConfig"]
__version__ = "1.0.0"
