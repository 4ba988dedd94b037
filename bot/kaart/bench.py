"""Benchmark of the sociale kaart: ``python -m bot.kaart.bench [--offers N] [--searches M]``.

Generates N synthetic offers (clearly fake: ids ``bench-…``, example.nl
contacts) into a temporary CSV, imports it into a temporary SQLite database
(or ``--database-url``), then runs M searches with random themes, postcodes,
signals and roles. Prints the import time and the median and p95 search time.
Targets (issue 4): import of 10,000 rows within 20 s, search p95 within 10 ms.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import List

from bot.kaart.postcodes import pc4_table
from bot.kaart.record import FIELDS
from bot.kaart.vocabulary import matching_rules, vocabulary
from bot.taxonomy import taxonomy


def generate_csv(path: Path, count: int, rng: random.Random) -> None:
    vocab = vocabulary()
    themes = list(taxonomy().theme_codes)
    areas = list(pc4_table().values())
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for i in range(count):
            area = rng.choice(areas)
            low = rng.choice(["", "", "", "8", "18", "55"])
            writer.writerow({
                "id": f"bench-{i:05d}", "naam": f"Benchmark-aanbod {i}", "organisatie": f"Bench-organisatie {i % 400}",
                "omschrijving": "Gegenereerd voor de benchmark.", "themas": ";".join(rng.sample(themes, rng.randint(1, 3))),
                "vorm": rng.choice(vocab.codes("vormen")), "formeel": rng.choice(["ja", "nee"]),
                "toegang": rng.choice(vocab.codes("toegang")),
                "doelgroepen": ";".join(rng.sample(vocab.codes("doelgroepen"), rng.randint(0, 2))),
                "kenmerken": ";".join(rng.sample(vocab.codes("kenmerken"), rng.randint(0, 2))),
                "leeftijd_min": low, "leeftijd_max": "" if not low else str(int(low) + rng.choice([4, 10, 40])),
                "gemeente": area.gemeente, "wijk": rng.choice([area.wijk, area.wijk, ""]),
                "postcodes": area.pc4 if rng.random() < 0.5 else "",
                "locatie_naam": f"Locatie {i % 700}" if rng.random() < 0.7 else "", "locatie_id": "",
                "adres": "", "postcode": "", "plaats": "",
                "toegankelijkheid": rng.choice(["", "rolstoel", "rolstoel;vervoer"]), "talen": "nl",
                "wanneer": "wekelijks", "kosten": "", "kosten_euro": rng.choice(["0", "0", "2.50"]),
                "hoe_aansluiten": "Gewoon langskomen.", "email": f"bench{i}@bench.example.nl", "telefoon": "",
                "website": "", "status": rng.choice(["actief"] * 18 + ["gepauzeerd", "gestopt"]),
                "laatst_gecontroleerd": f"20{rng.choice(['24', '25', '26'])}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
                "bron": "benchmark (gegenereerd)", "voorbeeld": "ja",
            })


def percentile(values: List[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(offers: int, searches: int, database_url: str | None, seed: int) -> None:
    from bot.kaart.importer import import_file
    from bot.kaart.search import zoek
    from bot.store import db

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "bench.csv"
        generate_csv(csv_path, offers, rng)
        url = database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = db.make_engine(url)
        db.upgrade(engine)
        started = time.perf_counter()
        report = import_file(csv_path, engine=engine)
        import_seconds = time.perf_counter() - started
        print(f"import: {report.total} offers in {import_seconds:.2f} s (target 20 s)")

        themes = list(taxonomy().theme_codes)
        pcs = [a.pc4 + "AB" for a in pc4_table().values()] + ["9999", "1234XY"]
        signals = list(matching_rules().voorkeur)
        roles = list(vocabulary().codes("doelgroepen"))
        started = time.perf_counter()
        zoek([themes[0]], postcode=pcs[0], engine=engine)
        print(f"first search (builds the index): {1000 * (time.perf_counter() - started):.1f} ms")
        timings = []
        for _ in range(searches):
            themas, postcode = rng.sample(themes, rng.randint(1, 2)), rng.choice(pcs)
            signalen = rng.sample(signals, rng.randint(0, 2))
            doelgroep, leeftijd = rng.choice([None, None, *roles]), rng.choice([None, 9, 35, 70])
            started = time.perf_counter()
            zoek(themas, postcode=postcode, signalen=signalen, doelgroep=doelgroep, leeftijd=leeftijd, engine=engine)
            timings.append(1000 * (time.perf_counter() - started))
        print(f"search: {searches} searches, median {statistics.median(timings):.2f} ms, "
              f"p95 {percentile(timings, 0.95):.2f} ms, max {max(timings):.2f} ms (target p95 10 ms)")
        engine.dispose()


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.kaart.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--searches", type=int, default=1_000)
    parser.add_argument("--database-url", help="benchmark another database (its kaart tables get bench rows)")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    run(args.offers, args.searches, args.database_url, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
