#!/usr/bin/env bash
# make setup: idempotent. Each step runs only when its inputs changed.
#  1. .venv on Python 3.10 from requirements.lock (every version pinned)
#  2. the Dutch spaCy pipeline (nl_core_news_sm if installable, else built offline)
#  3. database schema (Alembic) and the demo sociale kaart
#  4. nginx (Debian) when missing, for the reverse-proxy tests
#  5. rasa train, only when data/nlu, data/stories, data/rules, domain.yml or config.yml changed
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

# 3b. the cluster's PostgreSQL database (make cluster), when PostgreSQL runs here
if "$PY" -c "import sys; from tests.conftest import postgres_available; sys.exit(0 if postgres_available() else 1)" 2>/dev/null; then
  "$PY" -c "
import sys
from bot.serve.cluster import ClusterSettings, prepare
problems = [p for p in prepare(ClusterSettings.from_env({})) if p.startswith('PostgreSQL')]
print('\n'.join(problems) or 'cluster database ready (wijkteam on 127.0.0.1:5432)')"
fi

# 4. nginx for the reverse-proxy tests (Debian's package; installed, never started)
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "nginx (Debian package nginx-light, for the reverse-proxy tests; not started)"
    mkdir -p var/log
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } >var/log/setup-apt.log 2>&1 \
      || echo "nginx could not be installed (see var/log/setup-apt.log): the reverse-proxy tests will be skipped"
    service nginx stop >/dev/null 2>&1 || true
  else
    echo "NOTE: nginx is missing and this is not root: the reverse-proxy tests will be skipped"
  fi
fi

# 5. Rasa model ------------------------------------------------------------------
if ! "$PY" -m bot.training check >/dev/null; then
  step "Training the Rasa model (data or configuration changed)"
  $RASA train $(rasa_data_args) --out models --fixed-model-name wijkteam
  "$PY" -m bot.training stamp
fi
"$PY" -m bot.training check
