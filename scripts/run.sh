#!/usr/bin/env bash
# make run: the action server and the Rasa server under one supervisor
# (python -m bot.serve run): both on 127.0.0.1 only, a server that dies is
# restarted and reported, logs are redacted and rotated in var/log/, and
# Ctrl-C stops everything.
#
#   ACTION_PORT (5055)   action server; calls need ACTION_SERVER_SECRET
#   RASA_PORT   (5005)   Rasa: REST and socket.io channels, HTTP API behind RASA_AUTH_TOKEN
#   RASA_CORS            browser origins allowed (comma-separated); default none
#   RASA_AUTH_TOKEN, ACTION_SERVER_SECRET, KCC_CHANNEL_SECRET
#                        generated once into var/secrets.env when not set
#   MODEL                default models/wijkteam.tar.gz (made by make setup)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export MODEL="${MODEL:-models/wijkteam.tar.gz}"
PIDFILE=var/run.pid
mkdir -p var/log

port_busy() { "$PY" -c "import sys; from bot.bench.servers import port_in_use; sys.exit(0 if port_in_use($1) else 1)"; }

if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "The assistant is already running (pid $(cat "$PIDFILE")); stop it first with Ctrl-C in that window." >&2
  exit 1
fi
for port in "$ACTION_PORT" "$RASA_PORT"; do
  if port_busy "$port"; then
    echo "Port $port is already in use by another program. Stop it, or choose other ports:" >&2
    echo "  ACTION_PORT=5056 RASA_PORT=5006 make run" >&2
    exit 1
  fi
done
if [ ! -f "$MODEL" ]; then
  echo "No trained model at $MODEL. Run: make setup" >&2
  exit 1
fi

"$PY" -m bot db upgrade >/dev/null
echo $$ > "$PIDFILE"
trap 'rm -f "$PIDFILE"' EXIT
"$PY" -m bot.serve run
