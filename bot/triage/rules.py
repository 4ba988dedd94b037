"""Load, check and compile the signal rules in data/signalen/*.yml.

Each rule file holds ``regels`` (and optionally ``soort`` and ``standaard``,
defaults for the flags). A rule::

    - id: suicide_niet_meer_leven          # unique over all files
      code: crisis_suicide                 # a signal code of the taxonomy
      zinnen: ["beter af zonder mij"]      # literal phrases
      patronen: ["wil|wilde niet meer * leven"]   # pattern language, below
      tokens: [[{"LOWER": "psychose"}]]    # raw spaCy Matcher token patterns
      samen: {minimaal: 3, groepen: {geld: [schulden], school: [school]}}
      negeerbaar: true          # a negation cue before it cancels it
      verleden_heft_op: true    # a resolved past cancels it
      voorbij_heft_op: true     # only an explicitly finished past cancels it
                                # ("vroeger ... maar dat is al jaren voorbij")
      alleen_inwoner: false     # skip when the clause is about a naaste
      kind_is_inwoner: false    # with alleen_inwoner: the inwoner's own child
                                # ("mijn zoon") counts as the inwoner
      ontkenning_achteraf: false  # also 'niet' right after it cancels it
      twijfel_bij: ["niet|geen suicid*"]  # crisis rules only: a match inside one of
                                # these (a denial, a topic, prevention) becomes
                                # crisis_twijfel: the check question, not the crisis stop
      beeldspraak: ["baas * vermoordt me als"]  # a match inside one of these
                                # figures of speech raises nothing at all

Pattern language (one pattern = words separated by spaces; all words are
compared in NORM form: lower case, no accents, spelling variants mapped):

    woord        this word                  a|b|c    one of these words
    ~lemma|x     one of these lemmas         woord*   word starting with
    *woord       word ending with            *woord*  word containing
    a_b|c        alternatives of several words: the pattern is expanded into
                 one variant per alternative ("sociale_angst|faalangst")
    [a|b]        optional word               *  *2    a gap of at most max_gat (or 2)
                                                      tokens, never across a clause
                                                      boundary or a negation
    $            (last) the clause ends here: "ik kan niet meer $"

Every problem is reported as ``RuleError`` naming the file, the rule id and,
where relevant, the pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Set, Tuple

import yaml
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

from bot.taxonomy import Taxonomy
from bot.triage.language import LANGUAGE_FILE_NAME, Language, RuleError, load_language
from bot.triage.normalize import norm_form
from bot.triage.prefilter import Need, needs_of, vocabulary

ADVICE_FILE_NAME = "advies.yml"
NOT_RULE_FILES = (LANGUAGE_FILE_NAME, ADVICE_FILE_NAME)

FLAGS = ("negeerbaar", "verleden_heft_op", "voorbij_heft_op", "alleen_inwoner", "kind_is_inwoner",
         "ontkenning_achteraf")
DEFAULT_FLAGS = {"negeerbaar": True, "verleden_heft_op": False, "voorbij_heft_op": False,
                 "alleen_inwoner": False, "kind_is_inwoner": False, "ontkenning_achteraf": False}
RULE_KEYS = {"id", "code", "zinnen", "patronen", "tokens", "samen", "max_gat", "toelichting", "twijfel_bij",
             "beeldspraak", *FLAGS}
DOUBT_CODE = "crisis_twijfel"  # what a crisis match inside a 'twijfel_bij' pattern becomes
FILE_KEYS = {"soort", "standaard", "regels", "toelichting"}
_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    soort: str
    source: str  # file name, for messages
    negeerbaar: bool
    verleden_heft_op: bool
    alleen_inwoner: bool
    ontkenning_achteraf: bool
    voorbij_heft_op: bool = False
    kind_is_inwoner: bool = False
    min_groups: int = 0  # > 0 for a 'samen' rule: this many groups must match


@dataclass(frozen=True)
class Pattern:
    rule: Rule
    source: str  # the pattern as written
    matcher: Matcher  # a Matcher holding just this pattern
    needs: Tuple[Need, ...]  # words a text must contain for it to be worth running
    clause_end: bool = False
    group: Optional[str] = None  # the group of a 'samen' rule
    doubt: bool = False  # a 'twijfel_bij' pattern: it marks spans, it raises nothing itself
    figure: bool = False  # a 'beeldspraak' pattern: a match of its rule inside it is dropped


@dataclass
class RuleSet:
    language: Language
    rules: Dict[str, Rule]
    patterns: List[Pattern] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Index each pattern under the words of its most selective required
        # token; patterns without such a token (regex only) are always tried.
        self._index: Dict[Tuple[str, str], List[int]] = {}
        self._always: List[int] = []
        # Each distinct word need gets a number, found from each of its words:
        # a pattern's word needs are then all met exactly when their numbers are
        # a subset of those the text's words reach (one set test per pattern).
        need_ids: Dict[Need, int] = {}
        self._needs_with: Dict[Tuple[str, str], List[int]] = {}
        self._word_needs: List[FrozenSet[int]] = []
        self._other_needs: List[Tuple[Need, ...]] = []  # the regex needs, checked one by one
        for i, pattern in enumerate(self.patterns):
            word_needs = [n for n in pattern.needs if n.words is not None]
            for need in word_needs:
                if need not in need_ids:
                    need_ids[need] = len(need_ids)
                    for word in need.words or ():
                        self._needs_with.setdefault((need.attr, word), []).append(need_ids[need])
            self._word_needs.append(frozenset(need_ids[n] for n in word_needs))
            self._other_needs.append(tuple(n for n in pattern.needs if n.words is None))
            if not word_needs:
                self._always.append(i)
                continue
            key_need = min(word_needs, key=lambda n: len(n.words or ()))  # every one has words
            for word in key_need.words or ():
                self._index.setdefault((key_need.attr, word), []).append(i)

    def rules_per_code(self) -> Dict[str, int]:
        counts: Dict[str, int] = {}
        for rule in self.rules.values():
            counts[rule.code] = counts.get(rule.code, 0) + 1
        return counts

    def candidates(self, norms: List[str], lemmas: List[str]) -> Iterator[Pattern]:
        """The patterns whose required words all occur in the text, in file order."""
        norm_set, lemma_set, joined = vocabulary(norms, lemmas)
        indexes = set(self._always)
        met: Set[int] = set()  # the word needs some word of the text meets
        for attr, words in (("NORM", norm_set), ("LEMMA", lemma_set)):
            for word in words:
                indexes.update(self._index.get((attr, word), ()))
                met.update(self._needs_with.get((attr, word), ()))
        for i in sorted(indexes):
            if self._word_needs[i] <= met and all(n.met_by(norm_set, lemma_set, joined) for n in self._other_needs[i]):
                yield self.patterns[i]


class _Compiler:
    """Turns pattern strings and raw token patterns into spaCy Matcher patterns."""

    def __init__(self, nlp, language: Language):
        self.nlp = nlp
        self.language = language
        self.gap_stop = sorted(language.gap_stop_words)
        self.max_gap = language.max_gap  # set per rule by the loader

    def _norm(self, word: str) -> str:
        return norm_form(word.lower(), self.language.spelling)

    def _literal(self, word: str, where: str) -> List[Dict[str, Any]]:
        tokens = [t.lower_ for t in self.nlp.make_doc(word)]
        if not tokens:
            raise RuleError(f"{where}: empty word")
        return [{"NORM": self._norm(t)} for t in tokens]

    def _single(self, word: str, where: str) -> str:
        tokens = [t.lower_ for t in self.nlp.make_doc(word)]
        if len(tokens) != 1:
            raise RuleError(f"{where}: '{word}' is more than one token; "
                            "alternatives (a|b) and affixes (x*) must be single words")
        return self._norm(tokens[0])

    def _affix(self, element: str, where: str) -> Dict[str, Any]:
        core = element.strip("*")
        if not core or "|" in core:
            raise RuleError(f"{where}: '{element}': an affix needs one word, e.g. 'zelfmoord*'")
        core = re.escape(self._single(core, where))
        start = "" if element.startswith("*") else "^"
        end = "" if element.endswith("*") else "$"
        return {"NORM": {"REGEX": f"{start}{core}{end}"}}

    def _gap(self, element: str, where: str) -> Dict[str, Any]:
        size = element[1:]  # '*' or '*N'
        n = int(size) if size else self.max_gap
        return {"NORM": {"NOT_IN": self.gap_stop}, "IS_PUNCT": False, "IS_SPACE": False,
                "OP": f"{{0,{n}}}"}

    def pattern(self, text: str, where: str) -> Tuple[List[Dict[str, Any]], bool]:
        if not isinstance(text, str) or not text.strip():
            raise RuleError(f"{where}: a pattern must be a non-empty string")
        elements = text.split()
        clause_end = elements[-1] == "$"
        if clause_end:
            elements = elements[:-1]
        if "$" in elements:
            raise RuleError(f"{where}: '$' may only be the last element")
        specs: List[Dict[str, Any]] = []
        for element in elements:
            spec: Dict[str, Any]
            optional = element.startswith("[") and element.endswith("]")
            if optional:
                element = element[1:-1]
            if re.fullmatch(r"\*\d*", element):
                if optional:
                    raise RuleError(f"{where}: a gap cannot be optional")
                specs.append(self._gap(element, where))
                continue
            if element.startswith("~"):
                lemmas = [w.lower() for w in element[1:].split("|") if w]
                if not lemmas:
                    raise RuleError(f"{where}: '~' needs a lemma")
                spec = {"LEMMA": {"IN": lemmas}}
            elif "|" in element:
                words = [self._single(w, where) for w in element.split("|") if w]
                spec = {"NORM": {"IN": words}}
            elif element.startswith("*") or element.endswith("*"):
                spec = self._affix(element, where)
            elif optional:
                spec = {"NORM": self._single(element, where)}
            else:
                specs.extend(self._literal(element, where))
                continue
            if optional:
                spec["OP"] = "?"
            specs.append(spec)
        if not any(s.get("OP") is None for s in specs):
            raise RuleError(f"{where}: '{text}' needs at least one word that is not optional")
        return specs, clause_end

    def phrase(self, text: str, where: str) -> List[Dict[str, Any]]:
        if not isinstance(text, str) or not text.strip():
            raise RuleError(f"{where}: a phrase must be a non-empty string")
        specs: List[Dict[str, Any]] = []
        for word in text.split():
            specs.extend(self._literal(word, where))
        return specs

    def raw(self, tokens: Any, where: str) -> List[Dict[str, Any]]:
        """A raw spaCy pattern; unbounded '*' and '+' get the rule's max gap."""
        if not isinstance(tokens, list) or not tokens or not all(isinstance(t, dict) for t in tokens):
            raise RuleError(f"{where}: 'tokens' entries must be lists of token mappings")
        specs = []
        for spec in tokens:
            spec = dict(spec)
            if spec.get("OP") == "*":
                spec["OP"] = f"{{0,{self.max_gap}}}"
            elif spec.get("OP") == "+":
                spec["OP"] = f"{{1,{self.max_gap}}}"
            specs.append(spec)
        return specs


MAX_VARIANTS = 64


def expand(text: str, where: str) -> List[str]:
    """Variants of a pattern whose alternatives hold several words (``a_b|c``)."""
    variants: List[List[str]] = [[]]
    for element in text.split():
        if "_" in element and not element.startswith(("~", "[")):
            options = [alt.replace("_", " ") for alt in element.split("|") if alt]
            variants = [v + [o] for v in variants for o in options]
            if len(variants) > MAX_VARIANTS:
                raise RuleError(f"{where}: '{text}' expands to more than {MAX_VARIANTS} variants")
        else:
            variants = [v + [element] for v in variants]
    return [" ".join(v) for v in variants]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise RuleError(f"{path}{at}: not valid YAML: {exc}") from exc


def _flags(raw: Dict[str, Any], defaults: Dict[str, bool], where: str) -> Dict[str, bool]:
    flags = dict(defaults)
    for name in FLAGS:
        if name in raw:
            if not isinstance(raw[name], bool):
                raise RuleError(f"{where}: '{name}' must be true or false")
            flags[name] = raw[name]
    return flags


def rule_files(rules_dir: Path) -> List[Path]:
    return sorted(p for p in rules_dir.glob("*.yml") if p.name not in NOT_RULE_FILES)


class _Loader:
    def __init__(self, nlp, taxonomy: Taxonomy, language: Language):
        self.taxonomy = taxonomy
        self.compiler = _Compiler(nlp, language)
        self.language = language
        self.vocab = nlp.vocab
        self.rules: Dict[str, Rule] = {}
        self.patterns: List[Pattern] = []

    def _add(self, rule: Rule, specs: List[Dict[str, Any]], source: str, where: str,
             clause_end: bool = False, group: Optional[str] = None, doubt: bool = False,
             figure: bool = False) -> None:
        matcher = Matcher(self.vocab, validate=True)
        try:
            matcher.add(rule.id, [specs])
        except (MatchPatternError, ValueError, KeyError) as exc:
            raise RuleError(f"{where}: spaCy rejects the pattern {source!r}: {exc}") from exc
        self.patterns.append(Pattern(rule, source, matcher, needs_of(specs), clause_end, group, doubt, figure))

    def _strings(self, raw: Dict[str, Any], key: str, where: str) -> List[Any]:
        value = raw.get(key) or []
        if not isinstance(value, list):
            raise RuleError(f"{where}: '{key}' must be a list")
        return value

    def load_file(self, path: Path) -> None:
        raw = _read_yaml(path)
        where_file = str(path)
        if not isinstance(raw, dict) or not isinstance(raw.get("regels"), list):
            raise RuleError(f"{where_file}: expected a mapping with a list 'regels'")
        unknown = set(raw) - FILE_KEYS
        if unknown:
            raise RuleError(f"{where_file}: unknown keys {sorted(unknown)}; allowed: {sorted(FILE_KEYS)}")
        soort = raw.get("soort")
        defaults = _flags(raw.get("standaard") or {}, DEFAULT_FLAGS, f"{where_file}: standaard")
        for index, entry in enumerate(raw["regels"]):
            self.load_rule(entry, path, index, soort, defaults)

    def load_rule(self, entry: Any, path: Path, index: int, soort: Optional[str],
                  defaults: Dict[str, bool]) -> None:
        where = f"{path}: regels[{index}]"
        if not isinstance(entry, dict):
            raise RuleError(f"{where}: a rule must be a mapping")
        rule_id = entry.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            raise RuleError(f"{where}: 'id' must be lower-case letters, digits and '_'")
        where = f"{path}: rule '{rule_id}'"
        if rule_id in self.rules:
            raise RuleError(f"{where}: id already used in {self.rules[rule_id].source}")
        unknown = set(entry) - RULE_KEYS
        if unknown:
            raise RuleError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(RULE_KEYS)}")
        code: Any = entry.get("code")  # YAML: valid only when the taxonomy knows it
        signal = self.taxonomy.signals.get(code)
        if signal is None:
            raise RuleError(f"{where}: code {code!r} is not a signal of the taxonomy")
        if soort and signal.soort != soort:
            raise RuleError(f"{where}: code {code!r} is {signal.soort}, but this file holds {soort} rules")
        if signal.soort == "crisis" and not signal.contact:
            raise RuleError(f"{where}: crisis code {code!r} has no 'contact' in the taxonomy")
        max_gap = entry.get("max_gat", self.language.max_gap)
        if not isinstance(max_gap, int) or not 0 <= max_gap <= 8:
            raise RuleError(f"{where}: 'max_gat' must be a whole number from 0 to 8")
        self.compiler.max_gap = max_gap
        flags = _flags(entry, defaults, where)
        samen = entry.get("samen")
        min_groups = self._min_groups(samen, where) if samen is not None else 0
        rule = Rule(id=rule_id, code=code, soort=signal.soort, source=path.name,
                    min_groups=min_groups, **flags)
        count = len(self.patterns)
        for i, text in enumerate(self._strings(entry, "zinnen", where)):
            self._add(rule, self.compiler.phrase(text, f"{where}: zinnen[{i}]"), str(text), where)
        for i, text in enumerate(self._strings(entry, "patronen", where)):
            for variant in expand(str(text), f"{where}: patronen[{i}]"):
                specs, clause_end = self.compiler.pattern(variant, f"{where}: patronen[{i}]")
                self._add(rule, specs, text, where, clause_end)
        for i, tokens in enumerate(self._strings(entry, "tokens", where)):
            specs = self.compiler.raw(tokens, f"{where}: tokens[{i}]")
            self._add(rule, specs, str(tokens), where)
        if samen is not None:
            for group, items in samen["groepen"].items():
                for i, text in enumerate(items):
                    at = f"{where}: samen.{group}[{i}]"
                    for variant in expand(str(text), at):
                        specs, clause_end = self.compiler.pattern(variant, at)
                        self._add(rule, specs, text, where, clause_end, group=str(group))
        if len(self.patterns) == count:
            raise RuleError(f"{where}: no zinnen, patronen, tokens or samen: the rule can never match")
        self._doubt_patterns(entry, rule, where)
        self._figure_patterns(entry, rule, where)
        self.rules[rule_id] = rule

    def _doubt_patterns(self, entry: Dict[str, Any], rule: Rule, where: str) -> None:
        items = self._strings(entry, "twijfel_bij", where)
        if items and (rule.soort != "crisis" or DOUBT_CODE not in self.taxonomy.signals or rule.code == DOUBT_CODE):
            raise RuleError(f"{where}: 'twijfel_bij' is for crisis rules (not {DOUBT_CODE}), "
                            f"and the taxonomy needs the code {DOUBT_CODE}")
        for i, text in enumerate(items):
            at = f"{where}: twijfel_bij[{i}]"
            for variant in expand(str(text), at):
                specs, clause_end = self.compiler.pattern(variant, at)
                self._add(rule, specs, text, where, clause_end, doubt=True)

    def _figure_patterns(self, entry: Dict[str, Any], rule: Rule, where: str) -> None:
        for i, text in enumerate(self._strings(entry, "beeldspraak", where)):
            at = f"{where}: beeldspraak[{i}]"
            for variant in expand(str(text), at):
                specs, clause_end = self.compiler.pattern(variant, at)
                self._add(rule, specs, text, where, clause_end, figure=True)

    @staticmethod
    def _min_groups(samen: Any, where: str) -> int:
        if not isinstance(samen, dict) or not isinstance(samen.get("groepen"), dict):
            raise RuleError(f"{where}: 'samen' needs 'minimaal' and a mapping 'groepen'")
        groups = samen["groepen"]
        minimum = samen.get("minimaal")
        if not isinstance(minimum, int) or not 2 <= minimum <= len(groups):
            raise RuleError(f"{where}: samen.minimaal must be a number from 2 to the number of groups")
        for name, items in groups.items():
            if not isinstance(items, list) or not items:
                raise RuleError(f"{where}: samen.groepen.{name} must be a non-empty list of patterns")
        return minimum


def load_rules(rules_dir: Path, nlp, taxonomy: Taxonomy) -> RuleSet:
    """All rule files of ``rules_dir``, checked against the taxonomy and compiled."""
    if not rules_dir.is_dir():
        raise RuleError(f"{rules_dir}: rules folder not found")
    language = load_language(rules_dir / LANGUAGE_FILE_NAME)
    loader = _Loader(nlp, taxonomy, language)
    files = rule_files(rules_dir)
    if not files:
        raise RuleError(f"{rules_dir}: no rule files (*.yml besides {', '.join(NOT_RULE_FILES)})")
    for path in files:
        loader.load_file(path)
    missing = [code for code in taxonomy.signals if code not in {r.code for r in loader.rules.values()}]
    if missing:
        raise RuleError(f"{rules_dir}: no rule for taxonomy signal(s) {', '.join(missing)}")
    return RuleSet(language=language, rules=loader.rules, patterns=loader.patterns)

