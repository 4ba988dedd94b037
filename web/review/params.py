"""The review pages' query parameters, read into the core's filters.

A value the page cannot mean (a bad date, an unknown theme, a page that is
no number) is a ``ParamError`` with a Dutch message, answered with 400;
parameter names the page does not know are ignored. Empty fields of the GET
form mean "no filter".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, Mapping, Optional, Tuple

from bot.kaart.postcodes import pc4_table
from bot.review.bureaudienst import STATUSSEN, AanmeldingFilter
from bot.review.listing import GesprekFilter
from bot.review.marks import ReviewError, check_tag
from bot.taxonomy import taxonomy

MAX_PAGINA = 100_000  # beyond this every page is empty anyway; keeps the SQL offset small
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
LIST_KEYS = ("vanaf", "tot", "kanaal", "wijk", "thema", "signaal", "advies", "crisis", "fallback", "feedback",
             "review_status", "tag", "demo")
AANMELDING_KEYS = ("status", "thema", "wijk", "te_laat")
RODE_DRADEN_KEYS = ("vanaf", "tot", "zonder_demo", "bundel_vanaf", "bundel_min")
KANALEN = {"inwoner": "Inwoner", "kcc": "KCC"}
REVIEW_STATUS = {"open": "Nog niet bekeken", "bekeken": "Bekeken"}
JA_NEE = {"ja": True, "nee": False}


class ParamError(ValueError):
    """A query parameter the page cannot use; the message is Dutch and for the user."""


def wijken() -> Tuple[str, ...]:
    return tuple(sorted({area.wijk for area in pc4_table().values() if area.wijk}))


def _text(args: Mapping[str, str], key: str) -> Optional[str]:
    value = (args.get(key) or "").strip()
    return value or None


def _choice(args: Mapping[str, str], key: str, allowed, label: str) -> Optional[str]:
    value = _text(args, key)
    if value is not None and value not in allowed:
        raise ParamError(f"'{value[:40]}' is geen bekende keuze voor {label}.")
    return value


def _flag(args: Mapping[str, str], key: str, label: str) -> Optional[bool]:
    value = _choice(args, key, JA_NEE, label)
    return None if value is None else JA_NEE[value]


def _date(args: Mapping[str, str], key: str, label: str) -> Optional[date]:
    value = _text(args, key)
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ParamError(f"'{value[:40]}' bij {label} is geen datum. Gebruik de vorm jjjj-mm-dd, "
                         "bijvoorbeeld 2026-03-01.") from None
    if not EARLIEST <= day <= LATEST:
        raise ParamError(f"De datum bij {label} moet tussen {EARLIEST:%Y} en {LATEST:%Y} liggen.")
    return day


def _range(args: Mapping[str, str], start: str = "vanaf", end: str = "tot") -> Tuple[Optional[date], Optional[date]]:
    vanaf, tot = _date(args, start, "Vanaf"), _date(args, end, "Tot en met")
    if vanaf and tot and vanaf > tot:
        raise ParamError("De datum 'Vanaf' ligt na de datum 'Tot en met'. Draai ze om.")
    return vanaf, tot


def pagina(args: Mapping[str, str]) -> int:
    value = _text(args, "pagina") or "1"
    if not value.isdigit() or int(value) < 1:
        raise ParamError(f"'{value[:40]}' is geen paginanummer. Gebruik een heel getal vanaf 1.")
    return min(int(value), MAX_PAGINA + 1)


def gesprek_filter(args: Mapping[str, str]) -> GesprekFilter:
    tax = taxonomy()
    vanaf, tot = _range(args)
    tag = _text(args, "tag")
    if tag is not None:
        try:
            tag = check_tag(tag)
        except ReviewError:
            raise ParamError("Een tag bestaat uit 2 tot 40 kleine letters, cijfers of _ en begint met een letter.") \
                from None
    return GesprekFilter(
        vanaf=vanaf, tot=tot, kanaal=_choice(args, "kanaal", KANALEN, "Kanaal"),
        wijk=_choice(args, "wijk", wijken(), "Wijk"), thema=_choice(args, "thema", tax.themes, "Thema"),
        signaal=_choice(args, "signaal", tax.signals, "Signaal"),
        advies=_choice(args, "advies", tax.adviezen, "Advies"), crisis=_flag(args, "crisis", "Crisis"),
        fallback=_flag(args, "fallback", "Niet begrepen"), feedback=_flag(args, "feedback", "Feedback"),
        review_status=_choice(args, "review_status", REVIEW_STATUS, "Review"), tag=tag,
        demo=_flag(args, "demo", "Demo"))


def aanmelding_filter(args: Mapping[str, str]) -> AanmeldingFilter:
    tax = taxonomy()
    return AanmeldingFilter(status=_choice(args, "status", STATUSSEN, "Status"),
                            thema=_choice(args, "thema", tax.themes, "Thema"),
                            wijk=_choice(args, "wijk", wijken(), "Wijk"), te_laat=_flag(args, "te_laat", "Te laat"))


@dataclass(frozen=True)
class RodeDradenParams:
    filter: GesprekFilter
    bundel_vanaf: Optional[date]
    bundel_min: int


def rode_draden(args: Mapping[str, str]) -> RodeDradenParams:
    vanaf, tot = _range(args)
    zonder_demo = _flag(args, "zonder_demo", "Zonder demo-gesprekken")
    minimum = _text(args, "bundel_min") or "3"
    if not minimum.isdigit() or not 2 <= int(minimum) <= 100:
        raise ParamError("Het kleinste aantal voor een groep is een heel getal van 2 tot en met 100.")
    return RodeDradenParams(GesprekFilter(vanaf=vanaf, tot=tot, demo=False if zonder_demo else None),
                            _date(args, "bundel_vanaf", "Bundelen vanaf"), int(minimum))


def kept(args: Mapping[str, str], keys) -> Dict[str, str]:
    """The known, non-empty parameters, for links that keep the filters."""
    return {k: args[k].strip() for k in keys if (args.get(k) or "").strip()}


def since(args: Mapping[str, str]) -> Optional[date]:
    """``?sinds=`` of the exports."""
    return _date(args, "sinds", "Sinds")
