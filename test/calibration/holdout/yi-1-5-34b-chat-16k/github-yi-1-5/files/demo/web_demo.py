import gradio as gr
from argparse import ArgumentParser
from threading import Thread
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    TextIteratorStreamer,
)


def respond(
    message,
    history: list[tuple[str, str]],
    system_message,
    max_tokens,
    temperature,
    top_p,
):
    messages = [{"role": "system", "content": system_message}]
    # (builds the chat history, applies the chat template and streams model.generate output)


demo = gr.ChatInterface(
    respond,
    # (system message, max new tokens, temperature and top-p controls)
)


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument(
        "-c",
        "--checkpoint-path",
        type=str,
        default="01-ai/Yi-1.5-34B-Chat",
        help="Checkpoint name or path, default to %(default)r",
    )
    # (--share, --inbrowser, --server-port, --server-name)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.checkpoint_path, use_fast=False)
    model = AutoModelForCausalLM.from_pretrained(
        args.checkpoint_path, device_map="auto", torch_dtype="auto"
    ).eval()

    demo.launch(server_name=args.server_name, server_port=args.server_port)
