from transformers.configuration_utils import PretrainedConfig
from transformers.utils import logging

logger = logging.get_logger(__name__)

DEEPSEEK_PRETRAINED_CONFIG_ARCHIVE_MAP = {}
class DeepseekV3Config(PretrainedConfig):
    r"""
    This is the configuration class to store the configuration of a [`DeepseekV3Model`]. It is used to instantiate an DeepSeek
    model according to the specified arguments, defining the model architecture.
    """
    model_type = "deepseek_v3"
    keys_to_ignore_at_inference = ["past_key_values"]
# [… __init__ with vocab_size, hidden_size, MLA ranks (q_lora_rank, kv_lora_rank), MoE fields
#  (n_routed_experts, n_shared_experts, num_experts_per_tok, topk_method, scoring_func), yarn rope_scaling …]
