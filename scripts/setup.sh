#!/usr/bin/env bash
# make setup: idempotent. Each step runs only when its inputs changed.
#  1. .venv on Python 3.10 from requirements.lock (every version pinned)
#  2. the Dutch spaCy pipeline (nl_core_news_sm if installable, else built offline)
#  3. database schema (Alembic) and the demo sociale kaart
#  4. rasa train, only when data/nlu, data/stories, data/rules, domain.yml or config.yml changed
#  5. the learned crisis and signal layer, only when data/corpus (or what it reads) changed
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# 1. virtual environment -------------------------------------------------
lock_hash=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x "$PY" ] || [ "$(cat $VENV/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  step "Python environment (.venv) from requirements.lock"
  python310=$(scripts/find_python.sh)
  if [ ! -x "$PY" ] || ! "$PY" -c 'import sys; sys.exit(sys.version_info[:2] >= (3, 11))'; then
    rm -rf "$VENV"
    "$python310" -m venv "$VENV"
  fi
  "$PY" -m pip install --quiet --disable-pip-version-check --upgrade 'pip==24.0'
  "$PY" -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
  "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  "$PY" -m pip check
  echo "$lock_hash" > $VENV/.lock-hash
fi

# 2. Dutch spaCy pipeline --------------------------------------------------
if [ ! -f var/spacy/nl_actief/config.cfg ]; then
  step "Dutch spaCy pipeline"
  "$PY" -m bot.nlp
fi

# 3. database and demo sociale kaart ----------------------------------------
step "Database schema and demo sociale kaart"
"$PY" -m bot db upgrade
if "$PY" -m bot kaart --help >/dev/null 2>&1 && [ -f data/sociale_kaart/demo.csv ]; then
  # idempotent: the same ids are updated, all in one transaction (about 2 s)
  "$PY" -m bot kaart import data/sociale_kaart/demo.csv
fi

# 4. Rasa model ------------------------------------------------------------------
if ! "$PY" -m bot.training check >/dev/null; then
  step "Training the Rasa model (data or configuration changed)"
  $RASA train $(rasa_data_args) --out models --fixed-model-name wijkteam
  "$PY" -m bot.training stamp
fi
"$PY" -m bot.training check

# 5. learned crisis and signal layer (bot/learned, data/corpus) ---------------------
if ! "$PY" -m bot.learned.training check >/dev/null; then
  step "Training the learned signal layer (data/corpus changed)"
  "$PY" -m bot.learned.training train
fi
"$PY" -m bot.learned.training check
