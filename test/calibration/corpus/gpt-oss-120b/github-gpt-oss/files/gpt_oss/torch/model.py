import json
import math
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist

from gpt_oss.torch.weights import Checkpoint


@dataclass
class ModelConfig:
    num_hidden_layers: int = 36
    num_experts: int = 128
    experts_per_token: int = 4
    vocab_size: int = 201088
    hidden_size: int = 2880
    intermediate_size: int = 2880
    swiglu_limit: float = 7.0
    head_dim: int = 64
    num_attention_heads: int = 64
    num_key_value_heads: int = 8
    sliding_window: int = 128
    initial_context_length: int = 4096
    rope_theta: float = 150000.0
    rope_scaling_factor: float = 32.0
    rope_ntk_alpha: float = 1.0
    rope_ntk_beta: float = 32.0


# class RMSNorm(torch.nn.Module)
# class RotaryEmbedding(torch.nn.Module): YaRN-scaled rotary embedding
# def sdpa(Q, K, V, S, sm_scale, sliding_window=0): attention with learned sinks
# class AttentionBlock(torch.nn.Module): alternating banded (sliding window 128) and dense attention
# def swiglu(x, alpha: float = 1.702, limit: float = 7.0)
# class MLPBlock(torch.nn.Module): top-4 routing over 128 experts, experts sharded across ranks
# class TransformerBlock / class Transformer(torch.nn.Module) with from_checkpoint(path, device)
# class TokenGenerator: greedy / temperature sampling used by gpt_oss.generate and gpt_oss.chat
