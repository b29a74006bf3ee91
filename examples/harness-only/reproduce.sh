#!/usr/bin/env bash
# Reproduces everything in this release that does not need the (withheld) weights: re-scores the
# released predictions with the harness, checks the scores equal results/eval_results.json, and
# recomputes the training summary from the logs (see REPRODUCIBILITY.md).
#
# Usage (from the pack root):
#   python -m pip install -r eval/requirements.txt
#   bash reproduce.sh
set -euo pipefail
cd "$(dirname "$0")"

OUT=runs/reproduce
mkdir -p "$OUT"

echo "== 1/3 re-score the released predictions"
python eval/run_eval.py --predictions eval/predictions/pebble-2-chem-1.4b.jsonl --out "$OUT/eval_results.json" >/dev/null

echo "== 2/3 compare with results/eval_results.json"
python - "$OUT/eval_results.json" <<'PY'
import json, sys
released = json.load(open("results/eval_results.json"))["results"]
reproduced = json.load(open(sys.argv[1]))["results"]
if released != reproduced:
    sys.exit(f"results differ:\n released   {released}\n reproduced {reproduced}")
print(f"all {len(released)} results identical")
PY

echo "== 3/3 summarise the training logs"
python tools/summarise_logs.py logs/train_metrics.jsonl | tee "$OUT/training_summary.json"
python - "$OUT/training_summary.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
assert summary["final_step"] == 60000, summary
assert summary["tokens_seen"] == 251658240000, summary
assert abs(summary["final_loss"] - 1.924) < 0.001, summary
print("training summary matches REPRODUCIBILITY.md")
PY
