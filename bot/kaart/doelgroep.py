"""Does an offer's target group (age, gender, role) leave this person out?

The ranking (bot/kaart/search.py) only lowers a misfit; the conversation
must not propose it at all ("Bewegen voor ouderen" to a 19-year-old, a
vrouwengroep to a man). An offer without a target group is for everyone.
"""

from __future__ import annotations

from typing import Collection, Mapping, Optional

from bot.kaart.record import Aanbod

GENDERS = ("man", "vrouw")
# An offer only for this role fits when the question is about this theme: a
# Mantelzorgcafé is for someone who cares for a naaste, a koffieochtend for
# parents of toddlers is for parents, neither for a widow who is lonely (the role
# is rarely said in so many words, the theme is).
ROLE_NEEDS_THEME = {"mantelzorger": "mantelzorg", "ouder": "opvoeding"}


def misfit(record: Aanbod, person: Mapping[str, object], voor_wie: Optional[str] = None,
           themas: Collection[str] = ()) -> Optional[str]:
    """Why ``record`` is not for this person (a reason code), or None when it may fit.

    ``themas``: the themes of the hulpvraag; with them, an offer only for one role
    (``ROLE_NEEDS_THEME``) is left out when the question is not about that role's theme.
    """
    age = person.get("leeftijd")
    if isinstance(age, int):
        if record.leeftijd_min is not None and age < record.leeftijd_min:
            return f"leeftijd_niet:{age}<{record.leeftijd_min}"
        if record.leeftijd_max is not None and age > record.leeftijd_max:
            return f"leeftijd_niet:{age}>{record.leeftijd_max}"
        if age < 55 and set(record.doelgroepen) == {"oudere"}:
            return f"doelgroep_niet:oudere({age})"
    genders = [g for g in record.doelgroepen if g in GENDERS]
    gender = person.get("geslacht")
    if genders and gender and gender not in genders:
        return f"geslacht_niet:{gender}"
    roles = {d for d in record.doelgroepen if d not in GENDERS}
    if voor_wie == "kind" and roles and not roles & {"kind", "jongere", "ouder"}:
        return "doelgroep_niet:kind"
    if voor_wie == "zelf" and roles and roles <= {"kind"}:
        return "doelgroep_niet:volwassene"
    if themas and len(roles) == 1:
        (role,) = roles
        needed = ROLE_NEEDS_THEME.get(role)
        if needed and needed not in themas:
            return f"doelgroep_niet:{role}"
    return None
