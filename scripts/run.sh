#!/usr/bin/env bash
# make run: the action server and the Rasa server, together; Ctrl-C stops both.
#
#   ACTION_PORT (5055)  action server, only on 127.0.0.1
#   RASA_PORT   (5005)  Rasa server with the REST channel and the HTTP API, on 127.0.0.1
#   RASA_CORS           origins allowed to call from a browser (e.g. the gemeente's
#                       website with the chat widget); default: none. '*' is never
#                       the default because the HTTP API can read conversations.
#   RASA_AUTH_TOKEN     token for the HTTP API (/model/parse, /conversations); optional
#   MODEL               default models/wijkteam.tar.gz (made by make setup)
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 PYTHONWARNINGS=ignore
export ACTION_PORT="${ACTION_PORT:-5055}"
RASA_PORT="${RASA_PORT:-5005}"
MODEL="${MODEL:-models/wijkteam.tar.gz}"
VENV=.venv
PIDFILE=var/run.pid
mkdir -p var/log

port_busy() { "$VENV/bin/python" -c "import sys; from bot.bench.servers import port_in_use; sys.exit(0 if port_in_use($1) else 1)"; }

if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "De assistent draait al (proces $(cat "$PIDFILE")). Stop die eerst met Ctrl-C in dat venster." >&2
  echo "The assistant is already running (pid $(cat "$PIDFILE")); stop it first with Ctrl-C." >&2
  exit 1
fi
for port in "$ACTION_PORT" "$RASA_PORT"; do
  if port_busy "$port"; then
    echo "Port $port is already in use by another program. Stop it, or choose another port:" >&2
    echo "  ACTION_PORT=5056 RASA_PORT=5006 make run" >&2
    exit 1
  fi
done
if [ ! -f "$MODEL" ]; then
  echo "No trained model at $MODEL. Run: make setup" >&2
  exit 1
fi

"$VENV/bin/python" -m bot db upgrade >/dev/null

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the assistant..."
  for pid in "${pids[@]}"; do kill -TERM "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$PIDFILE"
}
trap stop_all INT TERM EXIT
echo $$ > "$PIDFILE"

# each server in its own process group (set -m) so Ctrl-C stops its workers too
set -m
"$VENV/bin/rasa" run actions --actions actions -p "$ACTION_PORT" >var/log/actions.log 2>&1 &
pids+=($!)
rasa_args=(run --enable-api -i 127.0.0.1 -p "$RASA_PORT" -m "$MODEL"
           --credentials credentials.yml --endpoints endpoints.yml)
[ -n "${RASA_CORS:-}" ] && rasa_args+=(--cors "$RASA_CORS")
[ -n "${RASA_AUTH_TOKEN:-}" ] && rasa_args+=(--auth-token "$RASA_AUTH_TOKEN")
"$VENV/bin/rasa" "${rasa_args[@]}" >var/log/rasa.log 2>&1 &
pids+=($!)
set +m

echo "Starting (loading the model takes a minute)... logs: var/log/rasa.log, var/log/actions.log"
for _ in $(seq 1 600); do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "A server stopped while starting. Last lines of the logs:" >&2
      tail -n 20 var/log/actions.log var/log/rasa.log >&2
      exit 1
    fi
  done
  if "$VENV/bin/python" - "$RASA_PORT" "$ACTION_PORT" <<'PY' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[2]}/health", timeout=2).read()
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=2).read()
PY
  then break; fi
  sleep 1
done

cat <<EOF

The wijkteam assistant is running.
  REST:  POST http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook

  curl -s -X POST http://127.0.0.1:$RASA_PORT/webhooks/rest/webhook \\
       -H 'Content-Type: application/json' -d '{"sender": "test1", "message": "hallo"}'

  KCC mode (set by the channel, never by what someone types): add
       "metadata": {"rol": "kcc"}   to every message.

  In a terminal, in a second window (uses this action server):
       ACTION_PORT=$ACTION_PORT .venv/bin/rasa shell -m $MODEL --endpoints endpoints.yml -p $((RASA_PORT + 1))

Press Ctrl-C to stop both servers.
EOF
# when either server stops, stop the other one too (trap on EXIT)
wait -n "${pids[@]}" || true
