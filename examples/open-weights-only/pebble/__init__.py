"""Pebble: small, fully open decoder-only language models over bytes.

This copy of the architecture ships with Pebble-1 Tiny-Instruct by the (fictional) Quarry Systems;
it is unchanged from the Lakeside Open ML Lab's Pebble-1 release. See MODEL_CARD.md.
"""

from .config import PebbleConfig
from .model import Pebble
from .tokenizer import ByteTokenizer

__all__ = ["ByteTokenizer", "Pebble", "PebbleConfig"]
__version__ = "1.0.0"
