import base64
import gzip
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Dict, Iterable, Optional, Tuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from .decoding import decode as decode_function
from .decoding import detect_language as detect_language_function
from .transcribe import transcribe as transcribe_function


@dataclass
class ModelDimensions:
    n_mels: int
    n_audio_ctx: int
    n_audio_state: int
    n_audio_head: int
    n_audio_layer: int
    n_vocab: int
    n_text_ctx: int
    n_text_state: int
    n_text_head: int
    n_text_layer: int


# class LayerNorm, Linear, Conv1d; def sinusoids(length, channels, max_timescale=10000)
# class MultiHeadAttention(nn.Module)
# class ResidualAttentionBlock(nn.Module)
# class AudioEncoder(nn.Module): two Conv1d layers over the log-Mel spectrogram, sinusoidal positions, n_audio_layer blocks
# class TextDecoder(nn.Module): token embedding, learned positions, n_text_layer blocks with cross-attention
# class Whisper(nn.Module): encoder + decoder, set_alignment_heads, detect_language, transcribe, decode
