"""What reviewers do to a conversation: correct a message, tag, mark as reviewed.

Each call is one transaction with one audit entry holding who (the staff
account), the conversation's SHA-256 and code words only, never its content.
Free tags are short code words (``TAG``), so no sentence or name can become a
tag; the audit names only the fixed tags and says ``vrij`` for the others.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence, Tuple

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from bot.privacy import audit
from bot.review.models import GesprekOverzicht, ReviewCorrectie, ReviewTag
from bot.review.transcript import Correctie, user_turn
from bot.store.db import session_scope, utcnow
from bot.taxonomy import taxonomy

FIXED_TAGS = ("fout_begrepen", "gemiste_crisis", "goed_voorbeeld")
TAG = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
SOORTEN = ("thema", "signalen", "advies")


class ReviewError(ValueError):
    """An unknown conversation, message, code or tag; the message says which."""


def _known(session, gesprek_id: str) -> None:
    o = GesprekOverzicht.__table__
    if session.execute(select(o.c.id).where(o.c.gesprek_id == gesprek_id)).first() is None:
        raise ReviewError("unknown conversation")


def _check_codes(thema: Optional[str], signalen: Optional[Sequence[str]], advies: Optional[str]) -> None:
    tax = taxonomy()
    if thema is not None and thema not in tax.themes:
        raise ReviewError(f"unknown theme {thema!r}")
    for code in signalen or ():
        if code not in tax.signals:
            raise ReviewError(f"unknown signal {code!r}")
    if advies is not None and advies not in tax.adviezen:
        raise ReviewError(f"unknown advice {advies!r}")


def corrigeer(gesprek_id: str, event_id: int, door: str, *, thema: Optional[str] = None,
              signalen: Optional[Sequence[str]] = None, advies: Optional[str] = None,
              engine: Optional[Engine] = None) -> Tuple[Correctie, ...]:
    """Mark the theme, signals and/or advice of one user message as wrong, with the right ones."""
    audit.check_actor(door)
    if thema is None and signalen is None and advies is None:
        raise ReviewError("nothing to correct")
    _check_codes(thema, signalen, advies)
    out = []
    with session_scope(engine) as session:
        turn = user_turn(session.connection(), gesprek_id, int(event_id))
        if turn is None:
            raise ReviewError("no such message in this conversation")
        card = turn.kaart
        was = {"thema": [card.thema] if card and card.thema else [],
               "signalen": sorted(s.code for s in card.signalen) if card else [],
               "advies": [card.advies] if card and card.advies else []}
        juist = {"thema": [thema] if thema else None,
                 "signalen": sorted(set(signalen)) if signalen is not None else None,
                 "advies": [advies] if advies else None}
        for soort in SOORTEN:
            if juist[soort] is None:
                continue
            row = ReviewCorrectie(gesprek_id=gesprek_id, event_id=turn.event_id, soort=soort, was=was[soort],
                                  juist=juist[soort], door=door)
            session.add(row)
            session.flush()
            out.append(Correctie(row.id, soort, tuple(row.was), tuple(row.juist), door, row.tijdstip))
            audit.record(session, "review_correctie", {"gesprek_sha256": audit.gesprek_hash(gesprek_id),
                                                       "event_id": turn.event_id, "soort": soort}, wie=door)
    return tuple(out)


def check_tag(tag: str) -> str:
    tag = (tag or "").strip().lower()
    if not TAG.match(tag):
        raise ReviewError("a tag is 2 to 40 of a-z, 0-9 and _, starting with a letter")
    return tag


def tag(gesprek_id: str, naam: str, door: str, engine: Optional[Engine] = None) -> bool:
    """Tag the conversation; False when it had the tag already."""
    audit.check_actor(door)
    naam = check_tag(naam)
    t = ReviewTag.__table__
    with session_scope(engine) as session:
        _known(session, gesprek_id)
        if session.execute(select(t.c.id).where(t.c.gesprek_id == gesprek_id, t.c.tag == naam)).first():
            return False
        session.add(ReviewTag(gesprek_id=gesprek_id, tag=naam, door=door))
        audit.record(session, "review_tag", {"gesprek_sha256": audit.gesprek_hash(gesprek_id),
                                             "tag": naam if naam in FIXED_TAGS else "vrij"}, wie=door)
    return True


def untag(gesprek_id: str, naam: str, door: str, engine: Optional[Engine] = None) -> bool:
    audit.check_actor(door)
    naam = check_tag(naam)
    t = ReviewTag.__table__
    with session_scope(engine) as session:
        removed = session.execute(delete(t).where(t.c.gesprek_id == gesprek_id, t.c.tag == naam)).rowcount
        if removed:
            audit.record(session, "review_tag_weg", {"gesprek_sha256": audit.gesprek_hash(gesprek_id),
                                                     "tag": naam if naam in FIXED_TAGS else "vrij"}, wie=door)
    return bool(removed)


def markeer_bekeken(gesprek_id: str, door: str, bekeken: bool = True, engine: Optional[Engine] = None) -> None:
    """Mark the conversation as reviewed (or open again)."""
    audit.check_actor(door)
    o = GesprekOverzicht.__table__
    with session_scope(engine) as session:
        _known(session, gesprek_id)
        values = ({"review_status": "bekeken", "bekeken_door": door, "bekeken_op": utcnow()} if bekeken
                  else {"review_status": "open", "bekeken_door": None, "bekeken_op": None})
        session.execute(update(o).where(o.c.gesprek_id == gesprek_id).values(**values))
        audit.record(session, "review_bekeken" if bekeken else "review_heropend",
                     {"gesprek_sha256": audit.gesprek_hash(gesprek_id)}, wie=door)
