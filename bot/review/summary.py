"""What the review list knows of one conversation, folded from its redacted events.

Pure functions on serialised Rasa events (plain dicts, as the tracker store
writes them), so the same fold serves the tracker store's update after every
turn and the full rebuild (``python -m bot review index``).

- themes, signals and advice: those of the latest ``triage`` slot (the
  triage of the whole story so far); crisis: any crisis slot or triage;
- a fallback: the assistant answered with one of the not-understood texts;
- feedback: the ``feedback_antwoord`` slot; aanmelding: ``aanmelding_bevestigd``;
- the PC4 (and so the wijk): the ``vraag_postcode`` slot, which holds only a PC4.
- the date: the first event's time. Demo conversations (``bot.bench.demo``)
  carry their intended day in the sender id, ``demo-YYYYMMDD-...``; only for
  such senders that day replaces the date (the time of day is kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Iterable, List, Mapping, Optional

FALLBACK_UTTERANCES = frozenset({"utter_fallback", "utter_leeg", "utter_geen_woorden", "utter_anderstalig",
                                 "utter_herhaald"})
DEMO_PREFIX = "demo-"
_DEMO_DAY = re.compile(r"^demo-(\d{4})(\d{2})(\d{2})-")
_PC4 = re.compile(r"^\s*([1-9][0-9]{3})")


@dataclass(frozen=True)
class Summary:
    gesprek_id: str
    eerste: Optional[float] = None  # epoch seconds of the first and the newest event
    laatste: Optional[float] = None
    rol: str = "inwoner"
    pc4: Optional[str] = None
    thema: Optional[str] = None
    themas: List[str] = field(default_factory=list)
    signalen: List[str] = field(default_factory=list)
    advies: Optional[str] = None
    crisis: bool = False
    fallback: bool = False
    feedback: Optional[str] = None
    aanmelding: bool = False
    berichten: int = 0
    events: int = 0

    @property
    def demo(self) -> bool:
        return self.gesprek_id.startswith(DEMO_PREFIX)

    def dates(self) -> "tuple[datetime, datetime]":
        """(begonnen, laatste) as UTC datetimes, with a demo sender's intended day."""
        first = datetime.fromtimestamp(self.eerste or 0.0, timezone.utc)
        last = datetime.fromtimestamp(self.laatste or self.eerste or 0.0, timezone.utc)
        day = demo_day(self.gesprek_id)
        if day is not None:
            shift = day - first.replace(hour=0, minute=0, second=0, microsecond=0)
            first, last = first + shift, last + shift
        return first, last


def demo_day(gesprek_id: str) -> Optional[datetime]:
    """The intended day of a demo conversation (``demo-YYYYMMDD-...``), else None."""
    match = _DEMO_DAY.match(gesprek_id or "")
    if not match:
        return None
    try:
        return datetime(int(match.group(1)), int(match.group(2)), int(match.group(3)), tzinfo=timezone.utc)
    except ValueError:
        return None


def demo_sender(day: datetime, suffix: str) -> str:
    return f"{DEMO_PREFIX}{day:%Y%m%d}-{suffix}"


def pc4_of(value: Any) -> Optional[str]:
    match = _PC4.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def _codes(items: Any, key: str) -> List[str]:
    return [str(i[key]) for i in items or [] if isinstance(i, Mapping) and i.get(key)]


def _slot(s: Summary, name: Any, value: Any) -> Summary:
    if name == "rol" and value in ("inwoner", "kcc"):
        return replace(s, rol=value)
    if name == "vraag_postcode" and pc4_of(value):
        return replace(s, pc4=pc4_of(value))
    if name == "crisis" and value is True:
        return replace(s, crisis=True)
    if name == "feedback_antwoord" and isinstance(value, str) and value:
        return replace(s, feedback=value[:20])
    if name == "aanmelding_bevestigd" and value is True:
        return replace(s, aanmelding=True)
    if name == "triage" and isinstance(value, Mapping):
        themas = _codes(value.get("themas"), "thema")
        thema = value.get("thema") if isinstance(value.get("thema"), str) else (themas[0] if themas else None)
        if thema and thema in themas:
            themas = [thema] + [t for t in themas if t != thema]
        return replace(s, thema=thema, themas=themas, signalen=sorted(set(_codes(value.get("signalen"), "code"))),
                       advies=value.get("advies") if isinstance(value.get("advies"), str) else None,
                       crisis=s.crisis or value.get("crisis") is True)
    return s


def fold(summary: Summary, events: Iterable[Mapping[str, Any]]) -> Summary:
    """``summary`` with ``events`` (serialised, in stored order) folded in."""
    s = summary
    for event in events:
        ts = event.get("timestamp")
        if isinstance(ts, (int, float)):
            s = replace(s, eerste=ts if s.eerste is None else min(s.eerste, ts), laatste=max(s.laatste or ts, ts))
        s = replace(s, events=s.events + 1)
        kind = event.get("event")
        if kind == "user":
            s = replace(s, berichten=s.berichten + 1)
        elif kind == "slot":
            s = _slot(s, event.get("name"), event.get("value"))
        elif kind == "bot":
            raw_meta = event.get("metadata")
            meta: Mapping[str, Any] = raw_meta if isinstance(raw_meta, Mapping) else {}
            if meta.get("utter_action") in FALLBACK_UTTERANCES:
                s = replace(s, fallback=True)
    return s


def summarise(gesprek_id: str, events: Iterable[Mapping[str, Any]]) -> Summary:
    return fold(Summary(gesprek_id), events)


def month_of(moment: datetime) -> str:
    return f"{moment:%Y-%m}"
