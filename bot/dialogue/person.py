"""What the story tells about the person an offer would be for: age and gender.

Only what is said in so many words ("ik ben 19", "ik ben een man", "mijn
zoon van 14"); nothing is guessed. Used to keep offers for another target
group out of the advice (bot/kaart/doelgroep.py).
"""

from __future__ import annotations

import re
from typing import Dict, Optional

_SELF_AGE = re.compile(r"\bik ben (?:een \w+ van |nu |pas |al )?(\d{1,3})(?: jaar)?\b|\b(\d{1,3}) jaar oud\b", re.IGNORECASE)
_CHILD_AGE = re.compile(r"\b(?:zoon|dochter|kind|puber|zoontje|dochtertje)(?: is| van)? (\d{1,2})(?: jaar)?\b", re.IGNORECASE)
_SELF_GENDER = re.compile(r"\bik ben (?:een |de |alleenstaande |gescheiden |jonge |oudere )*(man|vrouw|vader|moeder|jongen|meisje|"
                          r"weduwe|weduwnaar|oma|opa|moslima)\b", re.IGNORECASE)
_GENDER = {"man": "man", "vader": "man", "jongen": "man", "weduwnaar": "man", "opa": "man",
           "vrouw": "vrouw", "moeder": "vrouw", "meisje": "vrouw", "weduwe": "vrouw", "oma": "vrouw", "moslima": "vrouw"}


def person_of(story: str, voor_wie: Optional[str] = None) -> Dict[str, object]:
    """{'leeftijd': int, 'geslacht': 'man'|'vrouw'} as far as the story says, for whom the help is."""
    found: Dict[str, object] = {}
    if voor_wie == "kind":
        age = _CHILD_AGE.search(story or "")
        if age:
            found["leeftijd"] = int(age.group(1))
        return found
    if voor_wie not in (None, "zelf"):
        return found
    age = _SELF_AGE.search(story or "")
    if age:
        value = int(age.group(1) or age.group(2))
        if 0 < value < 120:
            found["leeftijd"] = value
    gender = _SELF_GENDER.search(story or "")
    if gender:
        found["geslacht"] = _GENDER[gender.group(1).lower()]
    return found
