"""``python -m bot kaart ...`` through its own argument parser (DATABASE_URL from use_database)."""

import argparse
import json

import pytest

from bot.kaart import cli

from .helpers import DEMO_CSV, row, write_rows


def run(*argv):
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["kaart", *argv])
    return args.func(args)


@pytest.fixture
def demo(use_database):
    assert run("import", str(DEMO_CSV)) == 0
    return use_database


def test_zoek_json_done_criterion(demo, capsys):
    capsys.readouterr()
    assert run("zoek", "--thema", "eenzaamheid", "--postcode", "8011AB", "--json") == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 3
    for item in results:
        assert {"id", "naam", "themas", "wijk", "gemeente", "waarom"} <= set(item)
        assert "eenzaamheid" in item["themas"] and item["gemeente"] == "Zwolle"
    assert results[0]["wijk"] == "Binnenstad"


def test_zoek_refuses_bad_arguments(demo, capsys):
    assert run("zoek", "--thema", "eenzaamheid", "--postcode", "80111") == 2
    assert "not a Dutch postcode" in capsys.readouterr().err
    assert run("zoek", "--thema", "geluk") == 2
    assert "unknown theme code(s) geluk" in capsys.readouterr().err


def test_export_import_via_cli(demo, capsys, tmp_path):
    capsys.readouterr()
    assert run("export", "--format", "csv") == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].startswith("id,naam,")
    assert len(text.splitlines()) > 60


def test_import_refusal_message(use_database, capsys, tmp_path):
    path = write_rows(tmp_path / "bad.csv", [row(id="a"), row(id="b", postcode="ABCD"), row(id="c")])
    assert run("import", str(path)) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: field 'postcode'" in err
    assert "nothing was written" in err


def test_check_lists_stale_incomplete_and_stopped(demo, capsys):
    capsys.readouterr()
    assert run("check", "--json") == 1
    kinds = {f["soort"] for f in json.loads(capsys.readouterr().out)}
    assert {"verouderd", "geen_contact", "geen_aanmeldinfo", "gestopt", "gepauzeerd"} <= kinds
