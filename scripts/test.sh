#!/usr/bin/env bash
# make test: static checks (import-linter, ruff, mypy), Rasa data validation,
# Rasa test stories, and pytest: unit and storage tests (SQLite and
# PostgreSQL), the end-to-end conversations over REST and socket.io, and the
# browser tests of the widget, the KCC console and the review (Playwright, chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

pg_url=${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
if $PY -c "import sys; from tests.conftest import postgres_available; sys.exit(0 if postgres_available() else 1)"; then
  echo "PostgreSQL reachable: storage and tracker-store tests run on SQLite and PostgreSQL."
  pg_flag=()
else
  echo "NOTE: no PostgreSQL server at ${pg_url%%@*}@...: the PostgreSQL variants of the storage tests are SKIPPED."
  pg_flag=(-m "not postgres")
fi

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium found: the browser tests of the chat widget run (tests/browser)."
else
  echo "NOTE: no chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (make setup installs it as root): the browser tests are SKIPPED."
fi

SETUP_LOG=var/log/test.log
: >"$SETUP_LOG"
echo "Static checks (details in $SETUP_LOG)"
quiet "import-linter: the layers of bot/ (pyproject.toml, docs/architecture.md)" $VENV/bin/lint-imports --no-cache
quiet "ruff: lint of bot, actions, nlu_components, tests, scripts" $VENV/bin/ruff check --no-cache bot actions nlu_components tests scripts $( [ -d web ] && echo web )
quiet "mypy: types of bot/" $VENV/bin/mypy
echo "Rasa checks (details in $SETUP_LOG)"
quiet "Rasa data validation (--fail-on-warnings)" $RASA data validate $(rasa_data_args) --fail-on-warnings
load_secrets
rm -rf results/stories
quiet "Rasa test stories (tests/test_stories.yml)" \
  $RASA test core --stories tests/test_stories.yml --model models/wijkteam.tar.gz --endpoints endpoints.yml \
  --out results/stories --fail-on-prediction-errors --no-plot
$PY scripts/story_summary.py

step "pytest: unit, actions, storage, end-to-end"
$PY -m pytest -q -p no:cacheprovider "${pg_flag[@]}" tests
