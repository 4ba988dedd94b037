# Wijkteam intake assistant. A new user needs two commands: `make run` and `make test`.
# The shared environment of every script is in scripts/lib.sh.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup run cluster test eval bench doctor lock clean

help:
	@echo "make run    start the assistant on 127.0.0.1 (Rasa :5005, actions :5055); sets itself up first"
	@echo "make cluster  2 Rasa servers on PostgreSQL and Redis behind nginx on 127.0.0.1:5080 (docs/deploy.md)"
	@echo "make test   every test (unit, PostgreSQL, data validation, stories, end-to-end); sets itself up first"
	@echo "make setup  install .venv, the Dutch pipeline, the database and the model (idempotent)"
	@echo "make eval   triage scores on ../shared/eval and Rasa NLU cross-validation"
	@echo "make bench  speed benchmarks (triage, sociale kaart, redaction, conversation, concurrency)"
	@echo "make doctor versions, Dutch pipeline, database and model status"
	@echo "make lock   regenerate requirements.lock from requirements.in"
	@echo "make clean  remove var/, models/ and results/"

setup:
	@scripts/setup.sh

run: setup
	@scripts/run.sh

cluster: setup
	@source scripts/lib.sh && "$$PY" -m bot.serve cluster

test: setup
	@scripts/test.sh

doctor: setup
	@source scripts/lib.sh && $$PY -m bot doctor

eval: setup
	@scripts/eval.sh

bench: setup
	@scripts/bench.sh

lock:
	@scripts/lock.sh

clean:
	rm -rf var/ models/ results/ .pytest_cache
