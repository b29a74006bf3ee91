import os
from dataclasses import dataclass, field
from typing import cast

import torch
from datasets import load_dataset
from transformers import HfArgumentParser, Trainer, TrainingArguments

from star_align.llm_wrapper import (
    DecodingConfig,
    EncodingConfig,
    TokenizationContext,
    get_model_context,
    pad_sequences,
)
from star_align.prompt_template import CHAT_TEMPLATE, SC2_INSTRUCT_PROMPT as PROMPT_TEMPLATE
from star_align.utils import N_CORES


@dataclass(frozen=True)
class ModelArguments:
    model_key: str
    model_name_or_path: str | None = None
    attention_dropout: float | None = field(default=None)
    residual_dropout: float | None = field(default=None)
    embedding_dropout: float | None = field(default=None)


# Ignored index in CrossEntropyLoss
IGNORED_INDEX = -100

# ... map_dataset(): tokenizes instruction/response pairs, masks the prompt tokens with IGNORED_INDEX
# ... get_data_collator(): right-pads input_ids and labels


def train():
    parser = HfArgumentParser((ModelArguments, TrainingArguments, Args))
    model_args, training_args, args = cast(
        tuple[ModelArguments, TrainingArguments, Args],
        parser.parse_args_into_dataclasses(),
    )
    dataset = load_dataset("json", data_files=args.datafile_paths, split="train")
    # ... tokenization, shuffling, get_model_context(...), then
    # trainer = Trainer(model=state.model, args=training_args, train_dataset=train_dataset, ...)
    # trainer.train(); trainer.save_model(training_args.output_dir)
