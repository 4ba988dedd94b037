"""Werkdagen: Monday to Friday (public holidays are not counted out)."""

from __future__ import annotations

from datetime import date, timedelta


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5


def werkdagen_tussen(start: date, end: date) -> int:
    """Werkdagen after ``start`` up to and including ``end`` (0 when end <= start).

    Confirmed on a Friday, on the next Friday it has been open 5 werkdagen.
    """
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if is_werkdag(start + timedelta(days=weeks * 7 + offset)):
            count += 1
    return count


def werkdagen_terug(end: date, n: int) -> date:
    """The first day ``d`` with ``werkdagen_tussen(d, end) <= n``: an earlier start has more than ``n``."""
    day = end
    while werkdagen_tussen(day - timedelta(days=1), end) <= n:
        day -= timedelta(days=1)
    return day
