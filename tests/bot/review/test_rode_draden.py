"""Rode draden tables against counts straight from the stored events; their SVG charts and CSV."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timezone

from sqlalchemy import select

from bot.kaart.postcodes import pc4_table
from bot.review import charts
from bot.review import rode_draden as rd
from bot.review.index import EVENTS
from bot.review.tables import to_csv


def _from_events(engine):
    """Per conversation (month, wijk, themes, advice, signals), read from the raw events, not the index."""
    convo = {}
    with engine.connect() as conn:
        for sender, ts, data in conn.execute(select(EVENTS.c.sender_id, EVENTS.c.timestamp, EVENTS.c.data)
                                             .order_by(EVENTS.c.id)):
            c = convo.setdefault(sender, {"ts": ts, "wijk": rd.ONBEKEND, "themas": [], "advies": None, "signalen": []})
            event = json.loads(data)
            if event.get("event") == "slot" and event["name"] == "vraag_postcode":
                c["wijk"] = pc4_table()[event["value"]].wijk
            if event.get("event") == "slot" and event["name"] == "triage":
                c["themas"] = [t["thema"] for t in event["value"]["themas"]]
                c["advies"] = event["value"]["advies"]
                c["signalen"] = [s["code"] for s in event["value"]["signalen"]]
    for c in convo.values():
        c["maand"] = datetime.fromtimestamp(c["ts"], timezone.utc).strftime("%Y-%m")
    return list(convo.values())


def test_themes_per_wijk_per_month(engine, conversations):
    expected = Counter((c["wijk"], c["maand"], t) for c in _from_events(engine) for t in c["themas"])
    rows = rd.themas_per_wijk_per_maand(engine=engine)
    assert {(r.wijk, r.maand, r.thema): r.aantal for r in rows} == dict(expected)


def test_collective_share_per_theme_and_wijk(engine, conversations):
    total, fits = Counter(), Counter()
    for c in _from_events(engine):
        for t in c["themas"]:
            total[(t, c["wijk"])] += 1
            fits[(t, c["wijk"])] += c["advies"] in ("collectief_mogelijk", "combinatie")
    rows = rd.collectief_aandeel(engine=engine)
    assert {(r.thema, r.wijk): (r.hulpvragen, r.collectief) for r in rows} == {k: (total[k], fits[k]) for k in total}
    assert all(abs(r.aandeel - r.collectief / r.hulpvragen) < 1e-3 for r in rows)


def test_trends_cover_the_last_months_with_zeros(engine, conversations):
    rows = rd.trends(maanden=4, vandaag=date(2026, 10, 15), engine=engine)
    months = ["2026-07", "2026-08", "2026-09", "2026-10"]
    expected = Counter((c["maand"], t) for c in _from_events(engine) for t in c["themas"] if c["maand"] in months)
    assert {r.maand for r in rows} == set(months)
    assert {(r.maand, r.thema): r.aantal for r in rows if r.aantal} == dict(expected)


def test_most_frequent_signals_per_wijk(engine, conversations):
    per_wijk = {}
    for c in _from_events(engine):
        per_wijk.setdefault(c["wijk"], Counter()).update(c["signalen"])
    rows = rd.signalen_per_wijk(top=3, engine=engine)
    for wijk, counts in per_wijk.items():
        mine = [(r.signaal, r.aantal) for r in rows if r.wijk == wijk]
        assert mine == sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3]
        assert [r.rang for r in rows if r.wijk == wijk] == list(range(1, len(mine) + 1))


def _svg_texts(svg: str):
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    title = root.find(f"{ns}title")
    return title.text if title is not None else None, [t.text for t in root.iter(f"{ns}text") if t.text]


def test_charts_are_svg_with_title_and_the_table_numbers(engine, conversations):
    rows = rd.themas_per_wijk_per_maand(engine=engine)
    title, texts = _svg_texts(charts.themas_chart(rows))
    assert title == "Hulpvragen per wijk per maand, naar thema"
    assert Counter(str(r.aantal) for r in rows) <= Counter(texts)
    share = rd.collectief_aandeel(engine=engine)
    title, texts = _svg_texts(charts.collectief_chart(share))
    assert title and {f"{r.collectief}/{r.hulpvragen}" for r in share} <= set(texts)
    signals = rd.signalen_per_wijk(engine=engine)
    assert Counter(str(r.aantal) for r in signals) <= Counter(_svg_texts(charts.signalen_chart(signals))[1])
    trend = rd.trends(3, date(2026, 10, 15), engine=engine)
    assert Counter(str(r.aantal) for r in trend) <= Counter(_svg_texts(charts.trend_chart(trend))[1])


def test_csv_has_the_same_rows(engine, conversations):
    rows = rd.collectief_aandeel(engine=engine)
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows, rd.CollectiefAandeel))))
    assert [(p["thema"], p["wijk"], int(p["hulpvragen"]), int(p["collectief"])) for p in parsed] == [
        (r.thema, r.wijk, r.hulpvragen, r.collectief) for r in rows]
