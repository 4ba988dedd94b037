"""``python -m bot demo gesprekken``: demo conversations through the real assistant.

Each demo conversation is sent over REST like a person would (the scripted
person of ``bot.bench.driver``), so the real pipeline classifies, redacts and
stores it and the tracker store fills the review index. They are clearly
marked: the sender id is ``demo-YYYYMMDD-xxxxxx``, where the day is the
conversation's intended date, spread over the last months; the index reads
that day only for ``demo-`` senders (``bot.review.summary``), and their rows
have ``demo`` set. Postcodes are those of the demo sociale kaart's gemeente,
so the wijken fill up. About one in four is a KCC conversation, sent with the
KCC role's proof (``KCC_CHANNEL_SECRET``). Names are skipped; the phone
number is the example number of the assistant's own question.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import Callable, Dict, List, Optional, Tuple

from bot.bench.driver import DEFAULT_ANSWERS, converse
from bot.bench.servers import http_json
from bot.config import settings
from bot.inbound.role_proof import sign_role
from bot.kaart.postcodes import pc4_table
from bot.kaart.search import months_before
from bot.review.summary import demo_sender


@dataclass(frozen=True)
class Hulpvraag:
    thema: str
    inwoner: str  # what an inwoner types; {postcode} is filled in
    kcc: str  # what a KCC medewerker types
    geprobeerd: str  # the answer to "what did you try already"
    hoopt: str  # the answer to "what do you hope for"


HULPVRAGEN: Tuple[Hulpvraag, ...] = (
    Hulpvraag("geldzaken", "Ik heb schulden en wil graag leren budgetteren. Mijn postcode is {postcode}.",
              "Inwoner belt over schulden, wil leren budgetteren. Postcode {postcode}.",
              "ik heb zelf een kasboek geprobeerd", "dat ik mijn geld beter kan beheren"),
    Hulpvraag("geldzaken", "Ik kom elke maand geld tekort en de rekeningen stapelen zich op. Postcode {postcode}.",
              "Inwoner komt elke maand geld tekort, rekeningen stapelen zich op. Postcode {postcode}.",
              "ik heb met de bank gebeld", "dat ik overzicht krijg over mijn rekeningen"),
    Hulpvraag("eenzaamheid", "Ik voel me erg eenzaam sinds mijn man is overleden en zou graag mensen ontmoeten. "
              "Postcode {postcode}.",
              "Inwoner voelt zich eenzaam sinds haar man overleden is, wil mensen ontmoeten. Postcode {postcode}.",
              "mijn dochter komt soms langs", "dat ik weer mensen om me heen heb"),
    Hulpvraag("opvoeding", "Mijn zoon van 14 luistert niet meer en ik wil graag tips van andere ouders. "
              "Postcode {postcode}.",
              "Moeder belt: zoon van 14 luistert niet meer, wil tips van andere ouders. Postcode {postcode}.",
              "ik heb met zijn mentor gepraat", "dat het thuis weer rustig wordt"),
    Hulpvraag("mantelzorg", "Ik zorg elke dag voor mijn moeder met dementie en het wordt me te veel. "
              "Postcode {postcode}.",
              "Mantelzorger belt, zorgt dagelijks voor moeder met dementie, het wordt te veel. Postcode {postcode}.",
              "mijn broer helpt soms", "dat ik andere mantelzorgers kan spreken"),
    Hulpvraag("taal_inburgering", "Ik wil beter Nederlands leren praten voor mijn werk. Mijn postcode is {postcode}.",
              "Inwoner wil beter Nederlands leren spreken voor het werk. Postcode {postcode}.",
              "ik heb een app geprobeerd", "dat ik beter kan praten met collega's"),
    Hulpvraag("werk_dagbesteding", "Ik zit al een jaar thuis zonder werk en wil graag iets zinnigs doen overdag. "
              "Postcode {postcode}.",
              "Inwoner zit al een jaar thuis zonder werk, zoekt dagbesteding. Postcode {postcode}.",
              "ik heb vacatures bekeken", "dat ik weer ergens bij hoor"),
    Hulpvraag("wonen", "Er zit schimmel in mijn huurhuis en de verhuurder doet niets. Postcode {postcode}.",
              "Inwoner belt over schimmel in huurhuis, verhuurder doet niets. Postcode {postcode}.",
              "ik heb de verhuurder gemaild", "dat de schimmel wordt weggehaald"),
)

LETTERS = ("AB", "CD", "EK", "GH", "JL", "MN", "PR", "TV")


@dataclass
class DemoReport:
    gesprekken: List[str] = field(default_factory=list)
    kcc: int = 0
    aanmeldingen: int = 0
    niet_af: int = 0


def gemeente_pc4s(gemeente: Optional[str] = None) -> List[str]:
    name = (gemeente or settings().gemeente.naam).lower()
    return sorted(pc4 for pc4, area in pc4_table().items() if area.gemeente.lower() == name)


def demo_days(aantal: int, rng: random.Random, vandaag: date, maanden: int = 6) -> List[date]:
    """``aantal`` days spread over the last ``maanden`` months (today included)."""
    first = months_before(vandaag, maanden - 1).replace(day=1)
    span = (vandaag - first).days + 1
    return sorted(date.fromordinal(first.toordinal() + rng.randrange(span)) for _ in range(aantal))


def _answers(vraag: Hulpvraag, postcode: str, groep: bool) -> Tuple[Tuple[Tuple[str, ...], str], ...]:
    """The scripted person's answers, with this hulpvraag's own and no name."""
    out = []
    for keys, answer in DEFAULT_ANSWERS:
        if "postcode" in keys:
            answer = postcode
        elif any("naam" in k for k in keys):
            answer = "overslaan"
        elif any("groep" in k for k in keys):
            answer = "Ja, dat lijkt me fijn" if groep else "Nee liever niet"
        elif "geprobeerd" in keys:
            answer = vraag.geprobeerd
        elif "hoopt" in keys:
            answer = vraag.hoopt
        out.append((keys, answer))
    return tuple(out)


def run_demo(aantal: int, rasa_url: str, kcc_secret: Optional[str], seed: int = 16, vandaag: Optional[date] = None,
             say: Optional[Callable[[str, str, Optional[Dict[str, str]]], List[Dict]]] = None,
             log: Callable[[str], None] = lambda line: None) -> DemoReport:
    """Send ``aantal`` demo conversations to the assistant at ``rasa_url``."""
    rng = random.Random(seed)
    pc4s = gemeente_pc4s()
    report = DemoReport()

    def post(sender: str, message: str, metadata: Optional[Dict[str, str]]) -> List[Dict]:
        payload = {"sender": sender, "message": message, **({"metadata": metadata} if metadata else {})}
        return http_json(f"{rasa_url.rstrip('/')}/webhooks/rest/webhook", payload, timeout=120)

    send = say or post
    for day in demo_days(aantal, rng, vandaag or date.today()):
        sender = demo_sender(datetime.combine(day, time.min, tzinfo=timezone.utc), f"{rng.getrandbits(24):06x}")
        vraag = rng.choice(HULPVRAGEN)
        postcode = f"{rng.choice(pc4s)} {rng.choice(LETTERS)}"
        is_kcc = bool(kcc_secret) and rng.random() < 0.25
        metadata = {"rol": "kcc", "rol_bewijs": sign_role(sender, "kcc", kcc_secret)} if is_kcc else None
        text = (vraag.kcc if is_kcc else vraag.inwoner).format(postcode=postcode)
        full = rng.random() < 0.7  # the others stop after the first questions
        convo = converse(functools.partial(_say_as, send, sender, metadata), sender, [] if is_kcc else ["Hallo"], text,
                         answers=_answers(vraag, postcode, groep=rng.random() < 0.5), max_turns=30 if full else 3)
        report.gesprekken.append(sender)
        report.kcc += int(is_kcc)
        report.aanmeldingen += int(convo.reference is not None)
        report.niet_af += int(not convo.finished)
        log(f"{sender} {'kcc' if is_kcc else 'inwoner'} {vraag.thema}: {len(convo.turns)} beurten"
            f"{', aanmelding' if convo.reference else ''}")
    return report


def _say_as(send: Callable[[str, str, Optional[Dict[str, str]]], List[Dict]], sender: str,
            metadata: Optional[Dict[str, str]], message: str) -> List[Dict]:
    """One message of ``sender`` (with its KCC metadata, if any)."""
    return send(sender, message, metadata)
