#!/usr/bin/env bash
# make setup: idempotent. Each step runs only when its inputs changed.
#  1. .venv on Python 3.10 from requirements.lock (every version pinned)
#  2. the Dutch spaCy pipeline (nl_core_news_sm if installable, else built offline)
#  3. database schema (Alembic) and the demo sociale kaart
#  4. nginx (Debian) when missing, for the reverse-proxy tests
#  5. rasa train, only when data/nlu, data/stories, data/rules, domain.yml or config.yml changed
#  6. the learned crisis and signal layer, only when data/corpus (or what it reads) changed
#  7. front-end packages (npm ci from package-lock.json) and Debian's chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
mkdir -p var/log && : >"$SETUP_LOG"
echo "Setting up (details in $SETUP_LOG)"

# 1. virtual environment -------------------------------------------------
lock_hash=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -x "$PY" ] || [ "$(cat $VENV/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  python310=$(scripts/find_python.sh)
  if [ ! -x "$PY" ] || ! "$PY" -c 'import sys; sys.exit(sys.version_info[:2] >= (3, 11))'; then
    rm -rf "$VENV"
    quiet "Python environment: new .venv on $("$python310" --version 2>&1)" "$python310" -m venv "$VENV"
  fi
  quiet "Python environment: pip" "$PY" -m pip install --quiet --disable-pip-version-check --upgrade 'pip==24.0'
  quiet "Python environment: $(grep -c '==' requirements.lock) pinned packages from requirements.lock (a few minutes the first time)" \
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
  quiet "Python environment: this project" \
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  quiet "Python environment: consistency (pip check)" "$PY" -m pip check
  echo "$lock_hash" > $VENV/.lock-hash
fi

# 2. Dutch spaCy pipeline --------------------------------------------------
if [ ! -f var/spacy/nl_actief/config.cfg ]; then
  quiet "Dutch spaCy pipeline" "$PY" -m bot.nlp
fi

# 3. database and demo sociale kaart ----------------------------------------
quiet "Database schema" "$PY" -m bot db upgrade
if [ -f data/sociale_kaart/demo.csv ]; then
  # idempotent: the same ids are updated, all in one transaction (about 2 s)
  quiet "Demo sociale kaart" "$PY" -m bot kaart import data/sociale_kaart/demo.csv
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
    quiet "nginx (Debian package nginx-light, for the reverse-proxy tests; not started)" \
      bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light' \
      || echo "nginx could not be installed: the reverse-proxy tests will be skipped"
    service nginx stop >/dev/null 2>&1 || true
  else
    echo "NOTE: nginx is missing and this is not root: the reverse-proxy tests will be skipped"
  fi
fi

# 5. Rasa model ------------------------------------------------------------------
if ! "$PY" -m bot.training check >/dev/null; then
  quiet "Rasa model: training, as data or configuration changed (about 2 minutes)" \
    $RASA train $(rasa_data_args) --out models --fixed-model-name wijkteam
  "$PY" -m bot.training stamp
fi
echo "$("$PY" -m bot.training check)"

# 6. learned crisis and signal layer (bot/learned, data/corpus) ---------------------
if ! "$PY" -m bot.learned.training check >/dev/null; then
  quiet "Learned signal layer: training, as data/corpus changed" "$PY" -m bot.learned.training train
fi
echo "$("$PY" -m bot.learned.training check)"

# 7. front-end packages and the browser of the browser tests ----------------
apt_install() {  # Debian packages, as root only; the index is refreshed when a package is unknown
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; }
}
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    quiet "Node.js and npm are missing: installing Debian's nodejs and npm" apt_install nodejs npm
  else
    echo "npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm), then run make setup again." >&2
    exit 1
  fi
fi
npm_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$npm_hash" ]; then
  quiet "Front-end packages (npm ci from package-lock.json)" npm ci --no-audit --no-fund --loglevel=error
  echo "$npm_hash" > node_modules/.lock-hash
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    quiet "Chromium is missing: installing Debian's chromium for the browser tests" apt_install chromium \
      || echo "chromium could not be installed: the browser tests will be skipped"
  else
    echo "NOTE: /usr/bin/chromium is missing and this is not root: the browser tests will be skipped" \
         "(as root: apt-get install chromium)"
  fi
fi
