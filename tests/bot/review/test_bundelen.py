"""Bundelen: open aanmeldingen with the same theme and a collective fit in one wijk."""

from __future__ import annotations

from datetime import date

from bot import paths
from bot.kaart.importer import import_file
from bot.review.bundelen import bundelen, quarter_start
from bot.review.bureaudienst import wijzig_status

from .test_bureaudienst import TRIAGE, make


def test_candidate_groups_with_offers_or_a_gap(engine):
    import_file(paths.ROOT / "data" / "sociale_kaart" / "demo.csv", engine=engine)
    for n in range(3):
        make(engine, f"geld-{n}", "8012 AB")
    for n in range(3):
        make(engine, f"veilig-{n}", "8012 AB",
             triage={**TRIAGE, "themas": [{"thema": "veiligheid_thuis"}], "advies": "collectief_mogelijk"})
    make(engine, "ander-wijk", "8031 AB")  # one in Holtenbroek: no group
    make(engine, "individueel", "8012 AB", triage={**TRIAGE, "advies": "eerst_individueel"})
    closed = make(engine, "gesloten", "8012 AB")
    wijzig_status(closed, "in_behandeling", "bureau.piet", engine=engine)
    wijzig_status(closed, "afgesloten", "bureau.piet", engine=engine)

    groups = {g.thema: g for g in bundelen(engine=engine)}
    assert set(groups) == {"geldzaken", "veiligheid_thuis"}
    geld = groups["geldzaken"]
    assert (geld.wijk, geld.aantal) == ("Assendorp", 3)
    assert geld.tekst == "3 inwoners in Assendorp vroegen dit kwartaal naar geld en schulden"
    assert geld.aanbod and not geld.gat
    assert all(a.vorm in ("groep", "cursus", "inloop", "activiteit") for a in geld.aanbod)
    assert groups["veiligheid_thuis"].gat is (not groups["veiligheid_thuis"].aanbod)
    assert bundelen(min_aantal=4, engine=engine) == ()


def test_quarter_start():
    assert quarter_start(date(2026, 12, 2)) == date(2026, 10, 1)
    assert quarter_start(date(2026, 1, 31)) == date(2026, 1, 1)
