"""When the action server cannot be reached: a clear answer, and the conversation stays usable.

Rasa 3.6 logs a failed custom action and predicts the next action, which
is again a custom action: nine ``action_fallback`` attempts, the circuit
breaker trips, the person gets an empty answer, and the conversation is
left in the middle of a prediction loop. Here a failed call to the action
server (cannot connect, time-out, an error status) instead:

- tells the person, in Dutch, that something went wrong, with the
  gemeente's phone route and the safety line (``bot.inbound.replies``);
- for a form's validation, clears the values the form had just taken from
  this message (they were not checked), so the question comes back;
- ends the turn (``FollowupAction(action_listen)``): the user's message is
  stored, and the next message is handled normally once the action server
  is back.

A rejection (``ActionExecutionRejection``, HTTP 400) is Rasa's normal
signal to try another action and is passed on unchanged.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, List

log = logging.getLogger(__name__)


def _slots_set_this_turn(tracker: Any) -> List[str]:
    from rasa.shared.core.events import SlotSet, UserUttered

    names = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, SlotSet) and event.value is not None:
            names.append(event.key)
    return names


def answer_when_action_server_fails() -> None:
    import aiohttp
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import BotUttered, FollowupAction, SlotSet
    from rasa.shared.exceptions import RasaException

    from bot.inbound import replies

    if getattr(RemoteAction.run, "_answers_faults", False):
        return
    original = RemoteAction.run

    async def run(self, output_channel, nlg, tracker, domain):
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except (RasaException, aiohttp.ClientError, asyncio.TimeoutError) as exc:
            log.error("custom action %s failed (%s): answering with the fault message", self.name(), type(exc).__name__)
            text = replies.action_server_down()
            await output_channel.send_response(tracker.sender_id, {"text": text})
            events: List[Any] = [BotUttered(text, metadata={"storing": True})]
            if self.name().startswith("validate_"):
                events += [SlotSet(name, None) for name in _slots_set_this_turn(tracker)]
            return events + [FollowupAction(ACTION_LISTEN_NAME)]

    run._answers_faults = True  # type: ignore[attr-defined]
    RemoteAction.run = run
