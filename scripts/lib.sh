# Shared by the scripts: environment and the Rasa training-data arguments.
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 PYTHONWARNINGS=ignore SQLALCHEMY_SILENCE_UBER_WARNING=1
export ACTION_PORT=${ACTION_PORT:-5055} RASA_PORT=${RASA_PORT:-5005}
# this checkout's code first, whatever the editable install of .venv points at
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
VENV=.venv
PY=$VENV/bin/python
RASA=$VENV/bin/rasa
MODEL=models/wijkteam.tar.gz

# data/ also holds taxonomie.yml, gemeente.yml and other non-Rasa files, so
# Rasa gets the training folders explicitly (only those that exist).
rasa_data_args() {
  local dirs=()
  for d in data/nlu data/stories data/rules; do
    [ -d "$d" ] && [ -n "$(ls -A "$d" 2>/dev/null)" ] && dirs+=("$d")
  done
  echo --data "${dirs[@]}" --domain domain.yml --config config.yml
}

step() { printf '\n== %s\n' "$*"; }

# The installation's secrets (var/secrets.env, made on first use) as
# environment variables: endpoints.yml names the action server's secret.
load_secrets() { eval "$("$PY" -m bot.serve env)"; }

# quiet "what" command...: one line on the terminal ("what ... ok (12 s)"),
# every detail in $SETUP_LOG; on failure the log's last lines.
SETUP_LOG=${SETUP_LOG:-var/log/setup.log}
quiet() {
  local what=$1 start=$SECONDS rc=0
  shift
  mkdir -p var/log
  printf '%s ... ' "$what"
  echo "== $(date '+%F %T') $what" >>"$SETUP_LOG"
  "$@" >>"$SETUP_LOG" 2>&1 || rc=$?
  if [ "$rc" = 0 ]; then
    echo "ok ($((SECONDS - start)) s)"
  else
    echo "FAILED (exit $rc). Last lines of $SETUP_LOG:"
    grep -v "^WARNING: Location" "$SETUP_LOG" | tail -n 30
  fi
  return "$rc"
}
