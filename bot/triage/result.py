"""The result of one triage: shared by the CLI, the actions and the web app.

``to_dict()`` is exactly the contract of ``../shared/eval/README.md``
(``id`` is added by the caller), plus a few extra fields a console can show.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional, Tuple


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
    code: str  # crisis | eerst_individueel | collectief_mogelijk | combinatie | verheldering_nodig
    redenen: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    id: str
    naam: str
    themas: Tuple[str, ...]
    wijk: Optional[str]
    gemeente: Optional[str]
    waarom: str
    details: Dict[str, Any] = field(default_factory=dict)  # vorm, wanneer, kosten, hoe aansluiten ...


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

    def signal_codes(self) -> List[str]:
        return [s.code for s in self.signalen]

    def to_dict(self) -> Dict[str, Any]:
        return {
            "thema": self.thema,
            "themas": [{"thema": t.thema, "zekerheid": round(t.zekerheid, 3), "waarom": t.waarom} for t in self.themas],
            "crisis": self.crisis,
            "signalen": [asdict(s) for s in self.signalen],
            "advies": self.advies.code,
            "advies_redenen": list(self.advies.redenen),
            "crisis_contact": list(self.crisis_contact),
            "hulp_contact": list(self.hulp_contact),
            "crisis_check": asdict(self.crisis_check) if self.crisis_check else None,
            "suggesties": [
                {"id": s.id, "naam": s.naam, "themas": list(s.themas), "wijk": s.wijk,
                 "gemeente": s.gemeente, "waarom": s.waarom, **s.details}
                for s in self.suggesties
            ],
        }
