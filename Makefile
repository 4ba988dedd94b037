# Wijkteam intake assistant. A new user needs two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
RASA_DATA := --data data/nlu data/stories data/rules --domain domain.yml --config config.yml

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore
export ACTION_PORT ?= 5055
export RASA_PORT ?= 5005

.PHONY: help setup run cluster test test-unit eval bench doctor train lock pipeline-ud clean

help:
	@echo "make run    start the assistant (Rasa on :$(RASA_PORT), actions on :$(ACTION_PORT)); sets itself up first"
	@echo "make cluster  2 Rasa servers on PostgreSQL and Redis behind nginx on :5080 (docs/deploy.md)"
	@echo "make test   run every test (unit, PostgreSQL, data validation, stories, end-to-end); sets itself up first"
	@echo "make setup  install .venv, the Dutch pipeline, the database and the model (idempotent)"
	@echo "make eval   triage scores on ../shared/eval and Rasa NLU cross-validation"
	@echo "make bench  speed benchmarks (triage, sociale kaart, redaction, conversation)"
	@echo "make doctor versions, Dutch pipeline, database and model status"

setup:
	@scripts/setup.sh

run: setup
	@scripts/run.sh

cluster: setup
	@$(PY) -m bot.serve cluster

test: setup
	@scripts/test.sh

doctor: setup
	@$(PY) -m bot doctor

eval: setup
	@scripts/eval.sh

bench: setup
	@scripts/bench.sh

# Regenerate requirements.lock from requirements.in in a throw-away venv.
lock:
	@scripts/lock.sh

clean:
	rm -rf var/ models/ results/ .pytest_cache
