"""Speed fixes for Rasa 3.6 internals, applied once per process.

Each was found with a profile of ``python -m bot.bench.conversation``
(py-spy on the Rasa server, 20 conversations at once), and each has its own
tests in tests/bot/test_rasa_speedups*.py:

- ``events``: an event class is found by its type name in a dict;
- ``action_calls``: the action server gets the current turn instead of the
  whole conversation (the actions of this project read only that and earlier
  user texts), over one kept-alive HTTP session, and its response is checked
  with compiled validators that give Rasa's verdict;
- ``graph``: the NLU pipeline and the policies run in a fixed order instead
  of through a dask graph rebuilt on every call;
- ``rules``: RulePolicy skips a rule search whose result it would discard.

Only ``action_calls`` changes what Rasa sends; the others change how fast
Rasa computes, never what. The package is imported by the tracker store
(bot/store/tracker_store.py), which the Rasa server loads from
endpoints.yml, so the fixes are active wherever that server runs.
"""

from __future__ import annotations

from bot.rasa_speedups.action_calls import (cache_action_response_validator, keep_http_sessions,
                                                  slim_action_calls, turn_events)
from bot.rasa_speedups.events import cache_event_type_lookup
from bot.rasa_speedups.graph import run_graphs_in_order
from bot.rasa_speedups.rules import decide_loop_happy_path_first

__all__ = ["apply", "turn_events"]


def apply() -> None:
    cache_action_response_validator()
    cache_event_type_lookup()
    slim_action_calls()
    keep_http_sessions()
    run_graphs_in_order()
    decide_loop_happy_path_first()
