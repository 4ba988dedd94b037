#!/usr/bin/env bash
# make bench: the speed figures the issues ask for, measured on this machine.
# Each benchmark prints medians and p95; results/bench.txt keeps the last run.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
mkdir -p results
{
  echo "# make bench, $(date '+%F %H:%M'), $(nproc) cores"
  echo "== triage (one message, after loading)"
  $PY -m bot.triage.bench
  echo "== signals and advice alone"
  $PY -m bot.triage.bench_signals
  echo "== triage: whole dev set through --jsonl, loading included"
  TIMEFORMAT="wall %R s"; time $PY -m bot triage --jsonl < <($PY -c "
import json,sys
for l in open('../shared/eval/dev_triage.jsonl', encoding='utf-8'):
    g=json.loads(l); print(json.dumps({'id': g['id'], 'text': g['text']}, ensure_ascii=False))") >/dev/null
  echo "== sociale kaart (10,000 generated offers)"
  $PY -m bot.kaart.bench
  echo "== review list (10,000 synthetic conversations in the index)"
  $PY -m bot.review.bench
  echo "== redaction"
  $PY -m bot.privacy.bench
  echo "== conversation (20 at once over REST vs /model/parse)"
  $PY -m bot.bench.conversation
  echo "== warm-up: the first 120 turns right after a start against the same turns warm"
  $PY -m bot.bench.conversation --cold
  echo "== concurrency of the public channel (30 conversations at once; 50 messages at once on one sender)"
  $PY -m bot.bench.concurrency
  echo "== cluster: 1 and 2 Rasa servers behind nginx, 20 and 50 conversations at once (load $(cut -d' ' -f1-3 /proc/loadavg))"
  $PY -m bot.bench.cluster
} 2>&1 | tee results/bench.txt
