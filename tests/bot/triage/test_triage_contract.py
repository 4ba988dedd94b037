"""The triage entry point and the --jsonl contract of ../shared/eval/README.md,
on the trained model (make setup trains it) and the demo sociale kaart."""

import io
import json
import subprocess
import sys

import pytest

from bot import paths
from bot.taxonomy import taxonomy
from bot.triage.cli import run_jsonl
from bot.triage.engine import triage

ADVICE = {"crisis", "eerst_individueel", "collectief_mogelijk", "combinatie", "verheldering_nodig"}

pytestmark = pytest.mark.skipif(not paths.MODEL_FILE.exists(), reason="no trained model; run make setup")


def check_contract(obj):
    tax = taxonomy()
    assert obj["thema"] in set(tax.themes) | {"onduidelijk"}
    assert isinstance(obj["crisis"], bool)
    assert obj["advies"] in ADVICE
    for t in obj["themas"]:
        assert t["thema"] in tax.themes and 0.0 <= t["zekerheid"] <= 1.0
    for s in obj["signalen"]:
        assert s["code"] in tax.signals and s["soort"] == tax.signals[s["code"]].soort and s["bewijs"]
    for s in obj["suggesties"]:
        assert {"id", "naam", "themas", "wijk", "waarom"} <= set(s) and s["waarom"]


def test_multi_theme_question_ranks_every_theme():
    result = triage("sinds de scheiding heb ik schulden en voel ik me alleen")
    themes = [t.thema for t in result.themas]
    assert {"scheiding_relatie", "geldzaken", "eenzaamheid"} <= set(themes)
    assert all(t.waarom for t in result.themas)


def test_crisis_comes_first_and_proposes_nothing():
    result = triage("Mevrouw geeft aan dat iedereen beter af is zonder haar", postcode="8011AB")
    assert result.crisis and result.advies.code == "crisis"
    assert result.suggesties == ()
    assert any("113" in c for c in result.crisis_contact)


def test_contra_indication_gives_individual_start_without_groups():
    result = triage("Ik schaam me zo voor mijn schulden, niemand mag het weten")
    assert result.advies.code == "eerst_individueel"
    assert result.suggesties == ()
    assert any("niemand mag het weten" in s.bewijs or "schaam" in s.bewijs for s in result.signalen)


def test_collective_question_gets_nearby_suggestions_with_reasons():
    result = triage("Ik zou graag andere jonge moeders ontmoeten om ervaringen te delen", postcode="8011 AB")
    assert result.advies.code in ("collectief_mogelijk", "combinatie")
    assert result.suggesties and all(s.waarom for s in result.suggesties)
    assert result.suggesties[0].gemeente == "Zwolle"


@pytest.mark.parametrize("text", ["", "   \n\t", "😀😀😀", "<b>hallo</b><script>alert(1)</script>",
                                  "Where can I find help with my rent?", "أحتاج مساعدة في المال", "a" * 10_000,
                                  ("Ik heb een vraag. " * 600)])
def test_bad_input_gets_a_valid_answer(text):
    result = triage(text)
    obj = result.to_dict()
    check_contract(obj)
    if not text.strip() or text.startswith("😀"):
        assert obj["thema"] == "onduidelijk" and obj["advies"] == "verheldering_nodig"


def test_jsonl_answers_every_good_line_and_reports_bad_ones():
    stdin = io.StringIO(
        '{"id": "a", "text": "Ik heb schulden"}\n'
        'dit is geen json\n'
        '{"id": "b", "text": "Ik wil niet meer leven"}\n'
        '{"id": "c"}\n'
        '\n'
        '{"id": "d", "text": ""}\n'
    )
    out, err = io.StringIO(), io.StringIO()
    status = run_jsonl(stdin, out, err)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [o["id"] for o in lines] == ["a", "b", "d"]
    for o in lines:
        check_contract(o)
    assert lines[1]["crisis"] is True and lines[1]["suggesties"] == []
    assert status == 1
    assert "line 2" in err.getvalue() and "line 4" in err.getvalue()


def test_command_line_keeps_stdout_clean():
    """The real command: only JSON lines on stdout, logs on stderr, exit 1 on a bad line."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "triage", "--jsonl"],
        input='{"id": "x1", "text": "mijn kind wil niet slapen"}\n{kapot\n',
        capture_output=True, text=True, cwd=paths.ROOT, timeout=300,
    )
    stdout_lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(stdout_lines) == 1 and json.loads(stdout_lines[0])["id"] == "x1"
    assert done.returncode == 1
    assert "line 2" in done.stderr


def test_crisis_signals_agree_with_full_triage():
    """The quick check on every form answer (crisis_signals) says crisis exactly when triage does."""
    from bot.triage.engine import crisis_signals

    lines = (paths.ROOT / "tests" / "data" / "triage_holdout.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    texts += ["", "   ", "<b>ik wil niet meer leven</b>", "geen gedachten aan zelfdoding", "ja"]
    assert any(json.loads(line)["crisis"] for line in lines if line.strip())
    for text in texts:
        quick = crisis_signals(text)
        assert bool(quick) == triage(text).crisis, text
        assert all(s.soort == "crisis" and s.bewijs for s in quick)


def test_suicidal_thoughts_make_psychisch_the_primary_theme():
    """data/themawoorden.yml leidende_signalen: the debts behind it stay listed, second."""
    result = triage("Door de schulden zie ik geen uitweg meer, ik wil er niet meer zijn")
    assert result.crisis
    assert result.thema == "psychisch"
    assert "geldzaken" in [t.thema for t in result.themas]
