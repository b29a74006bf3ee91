import argparse
import json
from datetime import datetime

from . import report
from .basic_eval import BasicEval
from .gpqa_eval import GPQAEval
from .aime_eval import AIME25Eval
from .healthbench_eval import HealthBenchEval
from .chat_completions_sampler import (
    OPENAI_SYSTEM_MESSAGE_API,
    ChatCompletionsSampler,
)
from .responses_sampler import ResponsesSampler


def main():
    parser = argparse.ArgumentParser(
        description="Evaluate the models.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--model", type=str, default="gpt-oss-120b,gpt-oss-20b")
    parser.add_argument("--reasoning-effort", type=str, default="low,medium,high")
    parser.add_argument("--sampler", type=str, choices=["responses", "chat_completions"], default="responses")
    parser.add_argument("--base-url", type=str, default="http://localhost:8000/v1")
    parser.add_argument("--eval", type=str, default="gpqa,healthbench,healthbench_hard,healthbench_consensus,aime25")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--n-threads", type=int, default=1584)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--examples", type=int)
    # ... builds one sampler per (model, reasoning effort), runs each eval, writes HTML reports and JSON metrics
