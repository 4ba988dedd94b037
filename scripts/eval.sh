#!/usr/bin/env bash
# make eval: the triage figures on the development set (../shared/eval) and
# Rasa's NLU cross-validation. Results go to results/eval/.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
EVAL=${EVAL_DIR:-../shared/eval}
mkdir -p results/eval

echo "== Triage on $EVAL/dev_triage.jsonl ($(date +%F))"
$PY "$EVAL/score_triage.py" "$EVAL/dev_triage.jsonl" -- $PY -m bot triage --jsonl | tee results/eval/triage.txt
triage_status=${PIPESTATUS[0]}

echo
echo "== Rasa NLU cross-validation (5 folds, data/nlu)"
rm -rf results/eval/nlu-cv
.venv/bin/rasa test nlu --cross-validation --folds "${CV_FOLDS:-5}" --nlu data/nlu --config config.yml \
  --out results/eval/nlu-cv >results/eval/nlu-cv.log 2>&1 || { tail -20 results/eval/nlu-cv.log; exit 1; }
$PY - <<'PY'
import json
report = json.load(open("results/eval/nlu-cv/intent_report.json"))
themes = {k: v for k, v in report.items() if k.startswith("hulpvraag_") and k != "hulpvraag_vaag"}
theme_f1 = sum(v["f1-score"] for v in themes.values()) / len(themes)
print(f"intent macro F1 (all intents): {report['macro avg']['f1-score']:.3f}")
print(f"theme intents macro F1:        {theme_f1:.3f}")
print(f"accuracy:                      {report.get('accuracy', float('nan')):.3f}")
PY
exit $triage_status
