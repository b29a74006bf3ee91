"""Pebble's tokenizer: UTF-8 bytes are the tokens, so there is nothing to train and nothing unknown."""

from __future__ import annotations

BOS = 256
EOS = 257
PAD = 258


class ByteTokenizer:
    """Maps text to token ids (one per UTF-8 byte, ids 0-255) and back; ids 256-258 are specials."""

    bos_id = BOS
    eos_id = EOS
    pad_id = PAD

    def encode(self, text: str, bos: bool = True, eos: bool = False) -> list[int]:
        ids = list(text.encode("utf-8"))
        return ([BOS] if bos else []) + ids + ([EOS] if eos else [])

    def decode(self, ids: list[int]) -> str:
        # Special and padding ids carry no text; invalid UTF-8 from sampling is shown as U+FFFD.
        return bytes(i for i in ids if i < 256).decode("utf-8", errors="replace")
