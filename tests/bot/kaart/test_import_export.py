"""Import and export on SQLite and PostgreSQL: round trips, refusals, rollback."""

import io
import json

import pytest
from sqlalchemy import func, select

from bot.kaart import repository
from bot.kaart.exporter import export
from bot.kaart.importer import import_file
from bot.kaart.models import KaartAanbod
from bot.kaart.problems import KaartImportError
from bot.store import db

from .helpers import DEMO_CSV, VANDAAG, row, write_rows


def count(engine):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(KaartAanbod)).scalar_one()


def exported(engine, fmt):
    out = io.StringIO()
    export(out, fmt, engine=engine)
    return out.getvalue()


def test_demo_loads_with_every_theme_three_times(engine):
    report = import_file(DEMO_CSV, engine=engine)
    assert report.nieuw >= 60 and report.bijgewerkt == 0
    with engine.connect() as conn:
        records = repository.load_records(conn)
    from bot.taxonomy import taxonomy

    for theme in taxonomy().theme_codes:
        assert sum(theme in r.themas for r in records) >= 3, theme
    assert all(r.voorbeeld and r.bron for r in records)
    assert all(not r.email or r.email.endswith(".example.nl") for r in records)
    assert all(not r.telefoon for r in records)
    assert {"Zwolle", "Haarlem", "Breda"} <= {r.gemeente for r in records}


def test_reimport_updates_same_ids(engine):
    import_file(DEMO_CSV, engine=engine)
    first = count(engine)
    report = import_file(DEMO_CSV, engine=engine)
    assert report.nieuw == 0 and report.bijgewerkt == first
    assert count(engine) == first


def test_reimport_changes_fields(engine, tmp_path):
    import_file(write_rows(tmp_path / "a.csv", [row(naam="Oud", themas="eenzaamheid;buurt")]), engine=engine, today=VANDAAG)
    import_file(write_rows(tmp_path / "b.csv", [row(naam="Nieuw", themas="geldzaken")]), engine=engine, today=VANDAAG)
    with engine.connect() as conn:
        (record,) = repository.load_records(conn)
    assert (record.naam, record.themas) == ("Nieuw", ("geldzaken",))


@pytest.mark.parametrize("fmt", ["csv", "hsds"])
def test_round_trip_is_exact(engine, tmp_path, db_url, fmt):
    import_file(DEMO_CSV, engine=engine)
    first = exported(engine, fmt)
    dump = tmp_path / ("kaart.csv" if fmt == "csv" else "kaart.json")
    dump.write_text(first, encoding="utf-8")
    # into an empty database (the same server, schema dropped) ...
    if db_url.startswith("sqlite"):
        other = db.make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    else:
        from tests.conftest import _reset_postgres

        engine.dispose()
        _reset_postgres(db_url)
        other = db.make_engine(db_url)
    import_file(dump, engine=other)
    assert exported(other, fmt) == first
    other.dispose()


def test_csv_and_hsds_describe_the_same_records(engine, tmp_path):
    import_file(DEMO_CSV, engine=engine)
    with engine.connect() as conn:
        original = repository.load_records(conn)
    hsds = tmp_path / "kaart.json"
    hsds.write_text(exported(engine, "hsds"), encoding="utf-8")
    other = db.make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    import_file(hsds, engine=other)
    with other.connect() as conn:
        assert repository.load_records(conn) == original
    other.dispose()


def test_schema_is_created_when_missing(db_url, tmp_path):
    engine = db.make_engine(db_url)
    import_file(write_rows(tmp_path / "a.csv", [row()]), engine=engine, today=VANDAAG)
    assert count(engine) == 1
    engine.dispose()


def _refused(engine, path, **kwargs):
    with pytest.raises(KaartImportError) as info:
        import_file(path, engine=engine, today=VANDAAG, **kwargs)
    return str(info.value)


def test_bad_row_mid_file_changes_nothing(engine, tmp_path):
    import_file(DEMO_CSV, engine=engine)
    before = exported(engine, "csv")
    rows = [row(id=f"r-{i}") for i in range(10)]
    rows[5] = row(id="r-5", themas="eenzaamheid;geluk")
    path = write_rows(tmp_path / "bad.csv", rows)
    message = _refused(engine, path)
    assert f"{path}:7: field 'themas': unknown theme code(s) 'geluk'" in message
    assert exported(engine, "csv") == before


@pytest.mark.parametrize("content,expected", [
    (b"", "the file is empty"),
    (b"   \n\n", "the file is empty"),
    ("id,naam\n".encode(), ":1: required column(s) missing"),
    ("id,naam,thema\n".encode(), "unknown column(s) 'thema'"),
])
def test_broken_files_are_refused(engine, tmp_path, content, expected):
    path = tmp_path / "kaart.csv"
    path.write_bytes(content)
    assert expected in _refused(engine, path)
    assert count(engine) == 0


def test_header_only_is_refused(engine, tmp_path):
    path = write_rows(tmp_path / "leeg.csv", [])
    assert "header but no offers" in _refused(engine, path)


def test_wrong_encoding_names_line(engine, tmp_path):
    good = write_rows(tmp_path / "x.csv", [row(id="a"), row(id="b", naam="Cafe")]).read_text(encoding="utf-8")
    path = tmp_path / "latin1.csv"
    path.write_bytes(good.replace("Cafe", "Café").encode("latin-1"))
    message = _refused(engine, path)
    assert f"{path}:3: is not UTF-8 (byte 0xe9" in message
    assert count(engine) == 0


def test_duplicate_ids_in_one_file(engine, tmp_path):
    path = write_rows(tmp_path / "dup.csv", [row(id="x"), row(id="y"), row(id="x")])
    assert f"{path}:4: field 'id': 'x' appears twice in this file (first on line 2)" in _refused(engine, path)
    assert count(engine) == 0


def test_every_problem_is_listed(engine, tmp_path):
    path = write_rows(tmp_path / "many.csv", [row(id="a", postcode="1"), row(id="b", laatst_gecontroleerd="2026-13-01")])
    message = _refused(engine, path)
    assert ":2: field 'postcode'" in message and ":3: field 'laatst_gecontroleerd'" in message


def test_wrong_number_of_values(engine, tmp_path):
    path = write_rows(tmp_path / "a.csv", [row()])
    path.write_text(path.read_text(encoding="utf-8") + "extra,values\n", encoding="utf-8")
    assert ":3: row has 2 values" in _refused(engine, path)


def test_hsds_invalid_json_names_line(engine, tmp_path):
    path = tmp_path / "kaart.json"
    path.write_text('{\n "services": [\n  {"id": "a",}\n ]\n}\n', encoding="utf-8")
    assert f"{path}:3: is not valid JSON" in _refused(engine, path)


def test_hsds_bad_service_names_its_line(engine, tmp_path):
    import_file(write_rows(tmp_path / "a.csv", [row(id="a"), row(id="b")]), engine=engine, today=VANDAAG)
    document = json.loads(exported(engine, "hsds"))
    document["services"][1]["attributes"][0]["taxonomy_term"]["code"] = "geluk"
    text = json.dumps(document, indent=1)
    path = tmp_path / "kaart.json"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    second_service = [i for i, line in enumerate(lines, 1) if line == '  {' and i > lines.index(' "services": [')][1]
    message = _refused(engine, path)
    assert (f"{path}:{second_service} (services[1]): field 'themas / attributes (wijkteam-thema)': "
            "unknown theme code(s) 'geluk'") in message


def test_failure_while_writing_rolls_back(engine, tmp_path, monkeypatch):
    import_file(write_rows(tmp_path / "a.csv", [row(id="a", naam="Eerst")]), engine=engine, today=VANDAAG)

    def broken(session):
        raise RuntimeError("disk full")

    monkeypatch.setattr(repository, "bump_version", broken)
    with pytest.raises(RuntimeError):
        import_file(write_rows(tmp_path / "b.csv", [row(id="a", naam="Later"), row(id="b")]), engine=engine, today=VANDAAG)
    with engine.connect() as conn:
        records = repository.load_records(conn)
    assert [(r.id, r.naam) for r in records] == [("a", "Eerst")]
