#!/usr/bin/env bash
# Reproduces Pebble-1 Tiny end to end on one CPU: rebuild the corpus from the raw submissions, check it
# matches the released shards byte for byte, train from scratch, evaluate the final weights and the
# intermediate checkpoints, and compare with the released results (see REPRODUCIBILITY.md).
#
# Usage (from the pack root, in a fresh Python 3.11 virtual environment):
#   python -m pip install -r requirements.txt
#   bash reproduce.sh            # under ten minutes on a laptop CPU
set -euo pipefail
cd "$(dirname "$0")"

OUT=runs/reproduce
mkdir -p "$OUT"

echo "== 1/4 rebuild the corpus"
python preprocessing/build_corpus.py --raw data/raw/submissions.jsonl --out "$OUT/data"
for shard in train-00000-of-00002 train-00001-of-00002 validation-00000-of-00001; do
  cmp "data/$shard.jsonl" "$OUT/data/$shard.jsonl"
done
echo "corpus shards identical to the released ones"

echo "== 2/4 train (3,000 steps)"
python training/train.py --config training/config.json --out "$OUT"

echo "== 3/4 evaluate the final weights and the checkpoints"
python eval/run_eval.py --out "$OUT/eval_results.json" --weights \
  "$OUT/weights/pebble-1-tiny.safetensors" "$OUT/checkpoints/step-002000.safetensors" "$OUT/checkpoints/step-001000.safetensors"

echo "== 4/4 compare with results/eval_results.json"
python tools/compare_results.py results/eval_results.json "$OUT/eval_results.json"
echo "reproduction within tolerance"
