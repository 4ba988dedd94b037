"""``python -m bot redact`` and ``python -m bot privacy ...``."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from bot.cli import main
from bot.privacy.cli import redact_stream

from .cases import IDENTIFIERS, KEPT

ROOT = Path(__file__).resolve().parents[3]


def test_redact_stream_one_line_out_per_line_in():
    lines = [t for t, _ in IDENTIFIERS] + KEPT
    source = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    out, err = io.StringIO(), io.StringIO()
    assert redact_stream(source, out, err) == len(lines)
    assert out.getvalue().split("\n")[:-1] == [e for _, e in IDENTIFIERS] + KEPT
    assert err.getvalue() == ""


def test_broken_utf8_is_reported_with_its_line():
    out, err = io.StringIO(), io.StringIO()
    redact_stream(io.BytesIO(b"goed\nfout \xff 0612345678\r\nlaatste"), out, err)
    assert out.getvalue() == "goed\nfout \ufffd [TELEFOON]\nlaatste\n"
    assert err.getvalue().startswith("regel 2:")


def test_command_line_end_to_end():
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "redact"], input="Ik ben Jan, bel 113 of 0612345678\n\n",
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Ik ben [NAAM], bel 113 of [TELEFOON]\n\n"


def test_privacy_commands(use_database, capsys):
    assert main(["privacy", "opschonen"]) == 0
    assert "zou worden verwijderd" in capsys.readouterr().out
    assert main(["privacy", "opschonen", "--uitvoeren"]) == 0
    assert "=> verwijderd" in capsys.readouterr().out
    assert main(["privacy", "verwijder", "WT-BESTAAT-NIET"]) == 1
    assert "Geen aanmelding" in capsys.readouterr().err


def test_huge_and_odd_lines_keep_one_line_each():
    lines = ["1" * 200_000, "Kerkstraat 12 " * 20_000, "😀" * 1000, "<script>bel 0612345678</script>", "\t", "\x00\x01"]
    source = io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))
    out = io.StringIO()
    assert redact_stream(source, out, io.StringIO()) == len(lines)
    written = out.getvalue().split("\n")[:-1]
    assert len(written) == len(lines)
    assert written[0] == "[NUMMER]"
    assert "Kerkstraat" not in written[1]
    assert written[3] == "<script>bel [TELEFOON]</script>"
