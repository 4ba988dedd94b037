"""A found stretch of text, why it was found, and how overlaps are settled."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, List, Optional


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is an identifier of kind ``label`` found by ``rule``.

    ``label`` None marks text that must be kept as it is (a public number, an
    amount, a time, an existing placeholder); it blocks every later rule.
    """

    start: int
    end: int
    label: Optional[str]
    rule: str

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def _clashes(starts: List[int], accepted: List[Span], span: Span) -> List[Span]:
    """Accepted spans (sorted, non-overlapping) that overlap ``span``."""
    i = bisect_right(starts, span.start)
    found = []
    if i > 0 and accepted[i - 1].end > span.start:
        found.append(accepted[i - 1])
    while i < len(accepted) and accepted[i].start < span.end:
        found.append(accepted[i])
        i += 1
    return found


def resolve(groups: Iterable[Iterable[Span]]) -> List[Span]:
    """Accept spans group by group (highest priority first), skipping overlaps.

    A name that runs into an accepted span is cut short before it instead of
    dropped, so "mevrouw Jansen Kerkstraat 12" loses both the name and the address.
    """
    starts: List[int] = []
    accepted: List[Span] = []

    def accept(span: Span) -> None:
        i = bisect_right(starts, span.start)
        starts.insert(i, span.start)
        accepted.insert(i, span)

    for group in groups:
        for span in group:
            clash = _clashes(starts, accepted, span)
            if not clash:
                accept(span)
            elif span.label == "NAAM":
                first = clash[0].start
                if first - span.start >= 2:
                    accept(Span(span.start, first, span.label, span.rule))
    return accepted
