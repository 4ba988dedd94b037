"""The rule files: complete against the taxonomy, and clear errors when broken."""

import shutil
import textwrap

import pytest

from bot import paths
from bot.nlp import load_pipeline
from bot.taxonomy import SignalType, Taxonomy, Theme, taxonomy
from bot.triage.advice import load_advice_rules
from bot.triage.language import RuleError
from bot.triage.rules import expand, load_rules, rule_files
from bot.triage.signals import SignalEngine


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def project_rules(nlp):
    return load_rules(paths.SIGNALS_DIR, nlp, taxonomy())


def test_every_taxonomy_signal_has_a_rule_and_every_rule_a_taxonomy_code(project_rules):
    counts = project_rules.rules_per_code()
    assert set(counts) == set(taxonomy().signals)
    assert all(n >= 1 for n in counts.values())


def test_crisis_rules_are_plentiful(project_rules):
    patterns = [p for p in project_rules.patterns if p.rule.soort == "crisis"]
    per_code = {code: sum(1 for p in patterns if p.rule.code == code) for code in ("crisis_suicide", "crisis_geweld", "crisis_acuut")}
    assert all(n >= 15 for n in per_code.values()), per_code


def test_project_advice_file_is_valid():
    rules = load_advice_rules()
    assert set(rules.routes) <= set(taxonomy().themes)
    assert "geldzaken" in rules.routes and rules.routes["geldzaken"].woorden


# --- a small taxonomy and rule folder for error cases -----------------------

SMALL_TAXONOMY = Taxonomy(
    versie=1,
    themes={"buurt": Theme("buurt", "Buurt", "", "")},
    onduidelijk="onduidelijk",
    signals={
        "crisis_x": SignalType("crisis_x", "crisis", "Crisis X", contact="bel 112"),
        "contra_y": SignalType("contra_y", "contra", "Contra Y"),
    },
    adviezen={},
)

GOOD = """
soort: {soort}
regels:
  - id: {id}
    code: {code}
    patronen: ["{pattern}"]
"""


@pytest.fixture
def rules_dir(tmp_path):
    shutil.copy(paths.SIGNALS_DIR / "taal.yml", tmp_path / "taal.yml")
    (tmp_path / "crisis.yml").write_text(GOOD.format(soort="crisis", id="x_een", code="crisis_x", pattern="heel erg"))
    (tmp_path / "contra.yml").write_text(GOOD.format(soort="contra", id="y_een", code="contra_y", pattern="geheim"))
    return tmp_path


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_small_folder_loads(rules_dir, nlp):
    rule_set = load_rules(rules_dir, nlp, SMALL_TAXONOMY)
    assert sorted(rule_set.rules) == ["x_een", "y_een"]
    assert [p.name for p in rule_files(rules_dir)] == ["contra.yml", "crisis.yml"]


@pytest.mark.parametrize("content, message", [
    ("regels:\n  - id: y_een\n    code: contra_onbekend\n    zinnen: [geheim]\n",
     "rule 'y_een': code 'contra_onbekend' is not a signal of the taxonomy"),
    ("regels:\n  - id: y_een\n    code: contra_y\n", "rule 'y_een': no zinnen, patronen, tokens or samen"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    zinen: [geheim]\n", "rule 'y_een': unknown keys ['zinen']"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    zinnen: [geheim]\n    negeerbaar: ja\n",
     "rule 'y_een': 'negeerbaar' must be true or false"),
    ("regels:\n  - id: Y-een\n    code: contra_y\n    zinnen: [geheim]\n", "regels[0]: 'id' must be lower-case"),
    ("soort: indicatie\nregels:\n  - id: y_een\n    code: contra_y\n    zinnen: [geheim]\n",
     "code 'contra_y' is contra, but this file holds indicatie rules"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    patronen: ['wil|geheim!']\n",
     "'geheim!' is more than one token"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    patronen: ['[geheim]']\n",
     "needs at least one word that is not optional"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    patronen: ['geheim $ nu']\n", "'$' may only be the last element"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    patronen: ['[*] geheim']\n", "a gap cannot be optional"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    tokens: [[{\"LOWER\": {\"BOGUS\": 1}}]]\n",
     "spaCy rejects the pattern"),
    ("regels:\n  - id: y_een\n    code: contra_y\n    samen: {minimaal: 5, groepen: {a: [x], b: [y]}}\n",
     "samen.minimaal must be a number from 2"),
    ("regels: [\n", "not valid YAML"),
    ("- just a list\n", "expected a mapping with a list 'regels'"),
])
def test_broken_rule_file_names_file_and_rule(rules_dir, nlp, content, message):
    (rules_dir / "contra.yml").write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rules(rules_dir, nlp, SMALL_TAXONOMY)
    assert "contra.yml" in str(error.value)
    assert message in str(error.value)


def test_missing_rule_for_a_taxonomy_code_is_an_error(rules_dir, nlp):
    (rules_dir / "contra.yml").unlink()
    with pytest.raises(RuleError, match="no rule for taxonomy signal\\(s\\) contra_y"):
        load_rules(rules_dir, nlp, SMALL_TAXONOMY)


def test_duplicate_rule_id_is_an_error(rules_dir, nlp):
    write(rules_dir / "extra.yml", "regels:\n  - id: y_een\n    code: contra_y\n    zinnen: [anders]\n")
    with pytest.raises(RuleError, match="rule 'y_een': id already used in"):
        load_rules(rules_dir, nlp, SMALL_TAXONOMY)


def test_crisis_code_without_contact_is_an_error(rules_dir, nlp):
    tax = Taxonomy(1, SMALL_TAXONOMY.themes, "onduidelijk",
                   {**SMALL_TAXONOMY.signals, "crisis_x": SignalType("crisis_x", "crisis", "X")}, {})
    with pytest.raises(RuleError, match="crisis code 'crisis_x' has no 'contact'"):
        load_rules(rules_dir, nlp, tax)


def test_broken_language_file_is_an_error(rules_dir, nlp):
    write(rules_dir / "taal.yml", "spelling: {nie: niet}\n")
    with pytest.raises(RuleError, match="taal.yml: section 'grenzen' is missing"):
        load_rules(rules_dir, nlp, SMALL_TAXONOMY)


def test_missing_folder_is_an_error(tmp_path, nlp):
    with pytest.raises(RuleError, match="rules folder not found"):
        load_rules(tmp_path / "nergens", nlp, SMALL_TAXONOMY)


# --- the pattern language ----------------------------------------------------

def engine_with(rules_dir, nlp, pattern, **flags):
    extra = "".join(f"    {k}: {str(v).lower()}\n" for k, v in flags.items())
    write(rules_dir / "contra.yml",
          f"regels:\n  - id: y_een\n    code: contra_y\n    patronen: [\"{pattern}\"]\n{extra}")
    return SignalEngine(rules_dir, nlp=nlp, taxonomy=SMALL_TAXONOMY)


@pytest.mark.parametrize("pattern, text, found", [
    ("wil * weg", "ik wil echt heel graag weg", True),  # gap of 3
    ("wil * weg", "ik wil echt heel erg graag weg", False),  # gap of 4 > max_gat
    ("wil *1 weg", "ik wil echt graag weg", False),
    ("wil * weg", "ik wil thuis zijn, weg", False),  # a gap never crosses a clause boundary
    ("wil * weg", "ik wil niet weg", False),  # ... nor a negation
    ("wil [echt] weg", "ik wil weg", True),
    ("wil [echt] weg", "ik wil echt weg", True),
    ("geheim*", "het geheimpje", True),
    ("*geheim", "het bedrijfsgeheim", True),
    ("*geheim*", "de geheimhouding", True),
    ("geheim*", "een ongeheim", False),
    ("~slaan", "hij sloeg", True),
    ("heel_erg|vreselijk geheim", "het is heel erg geheim", True),
    ("heel_erg|vreselijk geheim", "het is vreselijk geheim", True),
    ("heel_erg|vreselijk geheim", "het is erg geheim", False),
    ("kan niet meer $", "ik kan niet meer.", True),
    ("kan niet meer $", "ik kan niet meer slapen", False),
    ("suicide", "ik denk aan suïcide", True),  # accents do not matter
    ("niet", "ik ga nie", True),  # spelling variants from taal.yml
])
def test_pattern_language(rules_dir, nlp, pattern, text, found):
    engine = engine_with(rules_dir, nlp, pattern, negeerbaar=False)
    assert bool([s for s in engine.detect(text) if s.code == "contra_y"]) is found


def test_raw_token_patterns_get_a_bounded_gap(rules_dir, nlp):
    write(rules_dir / "contra.yml", """\
        regels:
          - id: y_een
            code: contra_y
            tokens: [[{"NORM": "wil"}, {"OP": "*"}, {"NORM": "weg"}]]
        """)
    engine = SignalEngine(rules_dir, nlp=nlp, taxonomy=SMALL_TAXONOMY)
    assert [s.code for s in engine.detect("ik wil echt graag weg")] == ["contra_y"]
    assert [s.code for s in engine.detect("ik wil echt zo vreselijk graag nu weg")] == []


def test_flags_change_the_outcome(rules_dir, nlp):
    assert not engine_with(rules_dir, nlp, "geheim", negeerbaar=True).detect("geen geheim")
    assert engine_with(rules_dir, nlp, "geheim", negeerbaar=False).detect("geen geheim")
    assert not engine_with(rules_dir, nlp, "geheim", verleden_heft_op=True).detect("vroeger een geheim")
    assert engine_with(rules_dir, nlp, "geheim", verleden_heft_op=False).detect("vroeger een geheim")
    assert not engine_with(rules_dir, nlp, "geheim", alleen_inwoner=True).detect("mijn broer heeft een geheim")
    assert engine_with(rules_dir, nlp, "geheim", alleen_inwoner=False).detect("mijn broer heeft een geheim")


def test_expand_limits_variants():
    assert expand("a_b|c d", "x") == ["a b d", "c d"]
    with pytest.raises(RuleError, match="more than 64 variants"):
        expand(" ".join(["a_b|c|d|e"] * 4), "here")
