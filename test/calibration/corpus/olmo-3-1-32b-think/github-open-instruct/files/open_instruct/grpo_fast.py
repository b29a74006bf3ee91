# Copyright 2024 AllenAI. All rights reserved.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""GRPO training with vLLM generation actors and Ray (asynchronous RL with verifiable rewards)."""

import asyncio
import logging
import math
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Literal, Optional

import numpy as np
import ray
import torch
import torch.distributed as dist
from datasets import Dataset
from ray.util.placement_group import PlacementGroup, placement_group
from transformers import AutoModelForCausalLM, PreTrainedModel, PreTrainedTokenizer

from open_instruct import utils
from open_instruct.dataset_transformation import (
    GROUND_TRUTHS_KEY,
    INPUT_IDS_PROMPT_KEY,
    TokenizerConfig,
    get_cached_dataset_tulu,
)
from open_instruct.ground_truth_utils import build_all_verifiers
from open_instruct.model_utils import ModelConfig, push_folder_to_hub
from open_instruct.vllm_utils import create_vllm_engines

logger = logging.getLogger(__name__)
