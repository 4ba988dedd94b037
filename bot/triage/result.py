"""The result of one triage: shared by the CLI, the actions and the web app.

``to_dict()`` is exactly the contract of ``../shared/eval/README.md``
(``id`` is added by the caller), plus a few extra fields a console can show.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union


class Advies(str, Enum):
    """The advice codes of the taxonomy (``adviezen`` in data/taxonomie.yml)."""

    CRISIS = "crisis"
    EERST_INDIVIDUEEL = "eerst_individueel"
    COLLECTIEF_MOGELIJK = "collectief_mogelijk"
    COMBINATIE = "combinatie"
    VERHELDERING_NODIG = "verheldering_nodig"

    def __str__(self) -> str:
        return self.value

    @property
    def collective(self) -> bool:
        """A group or buurtinitiatief may be proposed (next to the individual route)."""
        return self in COLLECTIVE_ADVICE


COLLECTIVE_ADVICE = frozenset({Advies.COLLECTIEF_MOGELIJK, Advies.COMBINATIE})


@dataclass(frozen=True)
class ThemeScore:
    thema: str
    zekerheid: float
    waarom: str = ""  # e.g. "classifier" or "woorden: schulden, incasso"


@dataclass(frozen=True)
class Signal:
    code: str
    soort: str  # crisis | contra | indicatie
    bewijs: str  # the text fragment that triggered it
    regel: str = ""  # id of the rule in data/signalen/ that matched


@dataclass(frozen=True)
class CrisisCheck:
    """The learned layer is unsure whether this is a crisis: the dialogue asks a check question."""

    kans: float  # the classifier's crisis (or distress) probability, below its crisis threshold
    bewijs: str  # the fragment of the text that weighed most
    reden: str  # says that it came from the learned layer, with the probability


@dataclass(frozen=True)
class Advice:
    code: Advies
    redenen: Tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", Advies(self.code))  # a plain code string becomes the enum


@dataclass(frozen=True)
class Suggestion:
    id: str
    naam: str
    themas: Tuple[str, ...]
    wijk: Optional[str]
    gemeente: Optional[str]
    waarom: str
    details: Dict[str, Any] = field(default_factory=dict)  # vorm, wanneer, kosten, hoe aansluiten ...

    def to_dict(self) -> Dict[str, Any]:
        return {"id": self.id, "naam": self.naam, "themas": list(self.themas), "wijk": self.wijk,
                "gemeente": self.gemeente, "waarom": self.waarom, **self.details}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Suggestion":
        """One offer of ``TriageResult.to_dict()``: the fields other than the named ones are its details."""
        return cls(id=str(d.get("id") or ""), naam=str(d.get("naam") or ""),
                   themas=tuple(str(t) for t in d.get("themas") or ()), wijk=d.get("wijk"),
                   gemeente=d.get("gemeente"), waarom=str(d.get("waarom") or ""),
                   details={k: v for k, v in d.items() if k not in _SUGGESTION_FIELDS})


_SUGGESTION_FIELDS = frozenset({"id", "naam", "themas", "wijk", "gemeente", "waarom"})


@dataclass(frozen=True)
class TriageResult:
    thema: str
    themas: Tuple[ThemeScore, ...]
    crisis: bool
    signalen: Tuple[Signal, ...]
    advies: Advice
    suggesties: Tuple[Suggestion, ...] = ()
    crisis_contact: Tuple[str, ...] = ()  # contact lines from the taxonomy, crisis only
    hulp_contact: Tuple[str, ...] = ()  # contact lines of other signals (Veilig Thuis), acute or not
    crisis_check: Optional[CrisisCheck] = None  # middle band of the learned crisis confidence
    aanbod_gevraagd: bool = False  # the person asked for a group or course: offers whatever the advice

    def signal_codes(self) -> List[str]:
        return [s.code for s in self.signalen]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "thema": self.thema,
            "themas": [{"thema": t.thema, "zekerheid": round(t.zekerheid, 3), "waarom": t.waarom} for t in self.themas],
            "crisis": self.crisis,
            "signalen": [asdict(s) for s in self.signalen],
            "advies": self.advies.code.value,
            "advies_redenen": list(self.advies.redenen),
            "crisis_contact": list(self.crisis_contact),
            "hulp_contact": list(self.hulp_contact),
            "crisis_check": asdict(self.crisis_check) if self.crisis_check else None,
            "suggesties": [s.to_dict() for s in self.suggesties],
            **({"aanbod_gevraagd": True} if self.aanbod_gevraagd else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "TriageResult":
        """The result back from ``to_dict()`` (the ``triage`` slot): ``from_dict(r.to_dict()) == r``.

        Missing fields take their defaults (a slot written by hand or by an
        older version); an unknown advice code raises ``ValueError``.
        """
        check = d.get("crisis_check")
        return cls(
            thema=str(d.get("thema") or ""),
            themas=tuple(ThemeScore(thema=str(t.get("thema") or ""), zekerheid=float(t.get("zekerheid") or 0.0),
                                    waarom=str(t.get("waarom") or "")) for t in d.get("themas") or ()),
            crisis=bool(d.get("crisis")),
            signalen=tuple(Signal(code=str(s.get("code") or ""), soort=str(s.get("soort") or ""),
                                  bewijs=str(s.get("bewijs") or ""), regel=str(s.get("regel") or ""))
                           for s in d.get("signalen") or ()),
            advies=Advice(Advies(d.get("advies") or Advies.VERHELDERING_NODIG),
                          tuple(str(r) for r in d.get("advies_redenen") or ())),
            suggesties=tuple(Suggestion.from_dict(s) for s in d.get("suggesties") or ()),
            crisis_contact=tuple(str(c) for c in d.get("crisis_contact") or ()),
            hulp_contact=tuple(str(c) for c in d.get("hulp_contact") or ()),
            crisis_check=CrisisCheck(kans=float(check.get("kans") or 0.0), bewijs=str(check.get("bewijs") or ""),
                                     reden=str(check.get("reden") or "")) if check else None,
            aanbod_gevraagd=bool(d.get("aanbod_gevraagd")),
        )


TriageLike = Union[TriageResult, Mapping[str, Any], None]


def as_result(triage: TriageLike) -> Optional[TriageResult]:
    """The typed result of a ``triage`` slot (its dict), or the result itself; None before any triage."""
    if isinstance(triage, TriageResult):
        return triage
    return TriageResult.from_dict(triage) if triage else None
