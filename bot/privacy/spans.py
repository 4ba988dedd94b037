"""A found stretch of text, why it was found, and how overlaps are settled."""

from __future__ import annotations

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


def resolve(groups: Iterable[Iterable[Span]]) -> List[Span]:
    """Accept spans group by group (highest priority first), skipping overlaps.

    A name that runs into an accepted span is cut short before it instead of
    dropped, so "mevrouw Jansen Kerkstraat 12" loses both the name and the address.
    """
    accepted: List[Span] = []
    for group in groups:
        for span in group:
            clash = [a for a in accepted if a.overlaps(span)]
            if not clash:
                accepted.append(span)
                continue
            if span.label == "NAAM":
                first = min(a.start for a in clash)
                if first - span.start >= 2 and not any(a.start < span.start < a.end for a in clash):
                    accepted.append(Span(span.start, first, span.label, span.rule))
    accepted.sort(key=lambda s: s.start)
    return accepted
