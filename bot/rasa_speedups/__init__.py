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
- ``domain``: "is the domain empty" (asked on every parse) compares with one
  empty domain made once instead of building a new one each time.

(The RulePolicy shortcut that was here is now a policy of its own, named in
config.yml: ``bot.rasa_adapters.rule_policy.HappyPathFirstRulePolicy``.)

Only ``action_calls`` changes what Rasa sends; the others change how fast
Rasa computes, never what. The Rasa server's composition root
(``bot.rasa_adapters.server``) applies them all; the command line's theme
ranker (``bot.triage.classifier``) only ``graph`` (``apply_to_nlu``). Both
apply them only on the Rasa version they were written against
(``RASA_VERSION``); on any other version, or with ``RASA_SPEEDUPS=0``, Rasa
runs unpatched (and says so in the log). Tools that load Rasa otherwise (``rasa test``, ``rasa shell``) run
unpatched, with the same results.
"""

from __future__ import annotations

import logging
import os

from bot.rasa_speedups.action_calls import (
    cache_action_response_validator,
    keep_http_sessions,
    slim_action_calls,
    turn_events,
)
from bot.rasa_speedups.domain import cache_empty_domain_check
from bot.rasa_speedups.events import cache_event_type_lookup
from bot.rasa_speedups.graph import run_graphs_in_order

__all__ = ["RASA_VERSION", "apply", "apply_to_nlu", "turn_events"]

RASA_VERSION = "3.6.21"
log = logging.getLogger(__name__)


def _allowed() -> bool:
    """True on the Rasa version the fixes were written against, unless RASA_SPEEDUPS=0."""
    import rasa

    if os.environ.get("RASA_SPEEDUPS", "1") == "0":
        log.info("speed fixes for Rasa are off (RASA_SPEEDUPS=0)")
        return False
    if rasa.__version__ != RASA_VERSION:
        log.warning("speed fixes are written for Rasa %s, this is %s: not applied", RASA_VERSION, rasa.__version__)
        return False
    return True


def apply() -> bool:
    """Apply every speed fix once; False (nothing changed) on another Rasa or with RASA_SPEEDUPS=0."""
    if not _allowed():
        return False
    cache_action_response_validator()
    cache_event_type_lookup()
    cache_empty_domain_check()
    slim_action_calls()
    keep_http_sessions()
    run_graphs_in_order()
    return True


def apply_to_nlu() -> bool:
    """Only the graph fix, for a process that just parses (the command line's theme ranker).

    Same conditions as ``apply``; it changes how fast a parse is computed, never its result.
    """
    if not _allowed():
        return False
    run_graphs_in_order()
    return True
