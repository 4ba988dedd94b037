"""One search result: an offer, its score and the reasons, for display."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Tuple

from bot.kaart.record import Aanbod, euro_text
from bot.kaart.vocabulary import vocabulary


@dataclass(frozen=True)
class Match:
    id: str
    naam: str
    themas: Tuple[str, ...]
    wijk: str
    gemeente: str
    waarom: str  # one or more short B1 Dutch sentences
    score: float
    verouderd: bool  # laatst gecontroleerd longer ago than the limit in matching.yml
    nabijheid: str  # wijk | gemeente | elders | onbekend
    redenen: Tuple[str, ...] = ()  # machine-readable: "thema:eenzaamheid", "signaal:contra_schaamte=inloop" ...
    record: Aanbod = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def details(self) -> Dict[str, Any]:
        """What a screen shows, with Dutch keys."""
        r, vocab = self.record, vocabulary()
        return {
            "omschrijving": r.omschrijving,
            "organisatie": r.organisatie,
            "vorm": vocab.word("vormen", r.vorm),
            "wanneer": r.wanneer,
            "kosten": kosten_text(r),
            "hoe_aansluiten": r.hoe_aansluiten,
            "toegang": vocab.word("toegang", r.toegang),
            "contact": {"email": r.email, "website": r.website, "telefoon": r.telefoon},
            "locatie": r.locatie_naam,
            "adres": address_text(r),
            "formeel": r.formeel,
            "doelgroep": [vocab.word("doelgroepen", d) for d in r.doelgroepen],
            "leeftijd": age_text(r),
            "talen": [vocab.word("talen", t) for t in r.talen],
            "toegankelijkheid": [vocab.word("toegankelijkheid", t) for t in r.toegankelijkheid],
            "laatst_gecontroleerd": r.laatst_gecontroleerd.isoformat(),
            "bron": r.bron,
            "voorbeeld": r.voorbeeld,
        }

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object of ``kaart zoek --json``."""
        return {
            "id": self.id, "naam": self.naam, "themas": list(self.themas), "wijk": self.wijk,
            "gemeente": self.gemeente, "waarom": self.waarom, "score": round(self.score, 3),
            "verouderd": self.verouderd, "nabijheid": self.nabijheid, "redenen": list(self.redenen),
            **self.details(),
        }


def kosten_text(r: Aanbod) -> str:
    if r.kosten:
        return r.kosten
    if r.kosten_centen == 0:
        return "gratis"
    if r.kosten_centen is not None:
        return f"€ {euro_text(r.kosten_centen).replace('.', ',')}"
    return ""


def address_text(r: Aanbod) -> str:
    postcode = f"{r.postcode[:4]} {r.postcode[4:]}".strip() if r.postcode else ""
    place = " ".join(x for x in (postcode, r.plaats) if x)
    return ", ".join(x for x in (r.adres, place) if x)


def age_text(r: Aanbod) -> str:
    if r.leeftijd_min is not None and r.leeftijd_max is not None:
        return f"{r.leeftijd_min} tot {r.leeftijd_max} jaar"
    if r.leeftijd_min is not None:
        return f"vanaf {r.leeftijd_min} jaar"
    if r.leeftijd_max is not None:
        return f"tot {r.leeftijd_max} jaar"
    return ""
