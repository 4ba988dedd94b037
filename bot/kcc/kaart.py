"""The sociale kaart search beside the conversation: theme, postcode and free text."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from sqlalchemy.engine import Engine

from bot.kaart.postcodes import parse_postcode
from bot.kaart.search import zoek
from bot.taxonomy import taxonomy

MAX_RESULTS = 8


class SearchError(ValueError):
    """The search cannot be done; the message is Dutch, for the medewerker."""


def themes() -> List[Dict[str, str]]:
    """(code, label) of every theme, for the search form."""
    return [{"code": code, "label": t.label} for code, t in taxonomy().themes.items() if code != "onduidelijk"]


def search(thema: str = "", postcode: str = "", tekst: str = "", engine: Optional[Engine] = None,
           limit: int = MAX_RESULTS) -> List[Dict[str, Any]]:
    """The best active offers: for one theme, or for every theme when only free text is given."""
    thema, postcode, tekst = thema.strip(), postcode.strip(), " ".join(tekst.split()).lower()
    known = [t["code"] for t in themes()]
    if thema and thema not in known:
        raise SearchError("Dit thema kennen we niet. Kies een thema uit de lijst.")
    if not thema and not tekst:
        raise SearchError("Kies een thema of typ een zoekwoord.")
    if postcode:
        try:
            parse_postcode(postcode)
        except ValueError as exc:
            raise SearchError("Deze postcode klopt niet. Typ bijvoorbeeld 8011 AB of 8011.") from exc
    found = []
    for code in [thema] if thema else known:
        found += zoek([code], postcode=postcode or None, limit=50 if tekst else limit, engine=engine)
    seen, results = set(), []
    for match in sorted(found, key=lambda m: -m.score):
        data = match.to_dict()
        haystack = " ".join(str(data.get(k) or "") for k in ("naam", "omschrijving", "organisatie")).lower()
        if match.id in seen or (tekst and not all(word in haystack for word in tekst.split())):
            continue
        seen.add(match.id)
        results.append({k: data.get(k) for k in ("id", "naam", "organisatie", "omschrijving", "wijk", "gemeente",
                                                  "wanneer", "kosten", "hoe_aansluiten", "waarom", "verouderd")})
        if len(results) >= limit:
            break
    return results
