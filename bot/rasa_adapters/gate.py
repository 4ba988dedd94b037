"""A bound on the messages that wait for one conversation.

Rasa handles one message per conversation at a time (its lock store); the
others wait. A person types one message at a time, so more than a few
waiting messages on one sender is a script or a stuck client: those get a
quick "een moment" instead of a queue of minutes.
"""

from __future__ import annotations

import os
from collections import Counter
from contextlib import contextmanager
from typing import Iterator

MAX_WAITING = int(os.environ.get("MAX_WACHTENDE_BERICHTEN", "3"))


class SenderGate:
    """Counts in-flight messages per sender; admits at most ``limit`` at once."""

    def __init__(self, limit: int = MAX_WAITING) -> None:
        self.limit = max(1, limit)
        self._busy: Counter = Counter()

    @contextmanager
    def admit(self, sender: str) -> Iterator[bool]:
        """``with gate.admit(sender) as admitted:``; False when the sender has too many waiting."""
        if self._busy[sender] >= self.limit:
            yield False
            return
        self._busy[sender] += 1
        try:
            yield True
        finally:
            self._busy[sender] -= 1
            if self._busy[sender] <= 0:
                del self._busy[sender]
