"""The signal engine: crisis, contra-indicatie and indicatie signals in a text.

Rules are data (``data/signalen/*.yml``, see ``bot.triage.rules``); this module
runs them with spaCy's Matcher over the Dutch pipeline and drops matches that
are negated, in a resolved past, or about a naaste, as each rule's flags say
(``bot.triage.negation``). Every signal carries its ``bewijs`` (the words that
triggered it) and its ``regel`` (the rule id), so a professional can check it.

Crisis detection is pure rules: it never depends on the classifier, and
crisis rules are written for recall (see data/signalen/crisis.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

from bot import paths
from bot.taxonomy import SIGNAL_KINDS, Taxonomy
from bot.triage.negation import Context
from bot.triage.normalize import clean_text, norm_form
from bot.triage.result import Signal
from bot.triage.rules import DOUBT_CODE, Pattern, Rule, RuleSet, load_rules

CHUNK_CHARS = 5_000  # the Matcher sees at most this much text at once
_KEEP_COMPONENTS = {"tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer"}
_BEWIJS_JOIN = " … "


@dataclass(frozen=True)
class _Found:
    position: int  # character offset in the cleaned text
    length: int
    signal: Signal


def split_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[Tuple[int, str]]:
    """(offset, piece) of at most ``size`` characters, cut after a sentence if possible."""
    offset = 0
    while offset < len(text):
        piece = text[offset:offset + size]
        if offset + size < len(text):
            cut = max(piece.rfind(mark) + len(mark) for mark in (". ", "! ", "? ", "\n"))
            if cut < size // 2:  # no sentence end in the second half: cut after a word
                cut = piece.rfind(" ") + 1
            if cut > 0:
                piece = piece[:cut]
        yield offset, piece
        offset += len(piece)


class SignalEngine:
    """Loads and checks all rule files once; ``detect`` is then cheap."""

    def __init__(self, rules_dir: Path = paths.SIGNALS_DIR, nlp=None, taxonomy: Optional[Taxonomy] = None):
        if nlp is None:
            from bot.nlp import load_pipeline

            nlp = load_pipeline()
        if taxonomy is None:
            from bot.taxonomy import taxonomy as current_taxonomy

            taxonomy = current_taxonomy()
        self.nlp = nlp
        self.taxonomy = taxonomy
        self.rule_set: RuleSet = load_rules(Path(rules_dir), nlp, taxonomy)
        self._disable = [name for name in nlp.pipe_names if name not in _KEEP_COMPONENTS]
        order = {code: i for i, code in enumerate(taxonomy.signals)}
        kinds = {kind: i for i, kind in enumerate(SIGNAL_KINDS)}
        self._order = lambda s: (kinds[s.soort], order[s.code])

    def rule_counts(self) -> Dict[str, int]:
        """Number of rules per signal code."""
        return self.rule_set.rules_per_code()

    def detect(self, text: str) -> List[Signal]:
        """The signals in ``text``: one per code, ordered crisis, contra, indicatie."""
        return self.detect_with_vetoes(text)[0]

    def detect_with_vetoes(self, text: str) -> Tuple[List[Signal], FrozenSet[str]]:
        """The signals, and the codes a rule matched only inside one of its figures of speech.

        A vetoed code is one the rules looked at and explicitly set aside ("ik zit in
        een rolstoel" is no request for one): the learned layer leaves it alone too.
        """
        cleaned = clean_text(text)
        if not cleaned:
            return [], frozenset()
        found: Dict[str, _Found] = {}
        together: Dict[str, Dict[str, Tuple[int, str]]] = {}
        vetoed: Set[str] = set()
        for offset, chunk in split_chunks(cleaned):
            self._detect_chunk(chunk, offset, found, together, vetoed)
        for rule_id, groups in together.items():
            rule = self.rule_set.rules[rule_id]
            if len(groups) >= rule.min_groups:
                parts = sorted(groups.values())
                bewijs = _BEWIJS_JOIN.join(text for _, text in parts)
                self._keep(found, _Found(parts[0][0], len(bewijs), Signal(rule.code, rule.soort, bewijs, rule.id)))
        signals = sorted((f.signal for f in found.values()), key=self._order)
        return signals, frozenset(vetoed - set(found))

    def _detect_chunk(self, chunk: str, offset: int, found: Dict[str, _Found],
                      together: Dict[str, Dict[str, Tuple[int, str]]], vetoed: Set[str]) -> None:
        doc = self.nlp(chunk, disable=self._disable)
        spelling = self.rule_set.language.spelling
        norms, lemmas = [], []
        for token in doc:
            norm = norm_form(token.lower_, spelling)
            token.norm_ = norm
            norms.append(norm)
            lemmas.append(token.lemma_)
        context: Optional[Context] = None
        matches = [(pattern, start, end) for pattern in self.rule_set.candidates(norms, lemmas)
                   for _, start, end in pattern.matcher(doc)]
        doubts: Dict[str, List[Tuple[int, int]]] = {}
        figures: Dict[str, List[Tuple[int, int]]] = {}
        for pattern, start, end in matches:
            if pattern.doubt:
                doubts.setdefault(pattern.rule.id, []).append((start, end))
            elif pattern.figure:
                figures.setdefault(pattern.rule.id, []).append((start, end))
        for pattern, start, end in matches:
            if pattern.doubt or pattern.figure:
                continue
            if any(f[0] <= start and end <= f[1] for f in figures.get(pattern.rule.id, ())):
                vetoed.add(pattern.rule.code)
                continue  # a figure of speech ("mijn baas vermoordt me als ik te laat kom")
            if context is None:
                context = Context(norms, self.rule_set.language, [t.is_space for t in doc])
            if self._holds(pattern, context, start, end):
                doubt = next((d for d in doubts.get(pattern.rule.id, ()) if d[0] < end and start < d[1]), None)
                if doubt is not None:  # a denial or a topic ("niet suïcidaal", "training zelfmoordpreventie")
                    span = doc[min(start, doubt[0]):max(end, doubt[1])]
                    signal = Signal(DOUBT_CODE, "crisis", span.text, pattern.rule.id)
                    self._keep(found, _Found(offset + span.start_char, len(span.text), signal))
                    continue
                self._record(pattern, doc[start:end], offset, found, together)

    def _record(self, pattern: Pattern, span, offset: int, found: Dict[str, _Found],
                together: Dict[str, Dict[str, Tuple[int, str]]]) -> None:
        position = offset + span.start_char
        rule = pattern.rule
        if pattern.group is not None:
            groups = together.setdefault(rule.id, {})
            if pattern.group not in groups or position < groups[pattern.group][0]:
                groups[pattern.group] = (position, span.text)
            return
        self._keep(found, _Found(position, len(span.text), Signal(rule.code, rule.soort, span.text, rule.id)))

    @staticmethod
    def _holds(pattern: Pattern, context: Context, start: int, end: int) -> bool:
        """Does this match stand after negation, past and person are considered?"""
        rule: Rule = pattern.rule
        if pattern.clause_end and not context.ends_clause(end):
            return False
        if rule.alleen_inwoner and context.about_naaste(start, end, rule.kind_is_inwoner):
            return False
        if rule.negeerbaar:
            if context.negation_before(start):
                return False
            if rule.ontkenning_achteraf and context.negation_after(end):
                return False
        if rule.verleden_heft_op and context.resolved_past(start, end):
            return False
        if rule.voorbij_heft_op and context.explicitly_over(start, end):
            return False
        return True

    @staticmethod
    def _keep(found: Dict[str, _Found], candidate: _Found) -> None:
        """Keep the first evidence per code; at the same place the longer one."""
        current = found.get(candidate.signal.code)
        if current is None or (candidate.position, -candidate.length) < (current.position, -current.length):
            found[candidate.signal.code] = candidate


@lru_cache(maxsize=1)
def default_engine() -> SignalEngine:
    """The process-wide engine (rules read and compiled once)."""
    return SignalEngine()


def detect(text: str) -> List[Signal]:
    """Signals in ``text`` using the process-wide engine."""
    return default_engine().detect(text)


def detect_with_vetoes(text: str) -> Tuple[List[Signal], FrozenSet[str]]:
    """Signals in ``text`` and the codes the rules set aside as a figure of speech."""
    return default_engine().detect_with_vetoes(text)


def crisis_contacts(signals: Sequence[Signal], taxonomy: Optional[Taxonomy] = None) -> Tuple[str, ...]:
    """The taxonomy's contact line for each crisis signal, without repeats."""
    return _contacts([s for s in signals if s.soort == "crisis"], taxonomy)


def help_contacts(signals: Sequence[Signal], taxonomy: Optional[Taxonomy] = None) -> Tuple[str, ...]:
    """Contact lines of the other signals that carry one (Veilig Thuis for violence at home)."""
    return _contacts([s for s in signals if s.soort != "crisis"], taxonomy)


def _contacts(signals: Sequence[Signal], taxonomy: Optional[Taxonomy]) -> Tuple[str, ...]:
    if taxonomy is None:
        from bot.taxonomy import taxonomy as current_taxonomy

        taxonomy = current_taxonomy()
    contacts: List[str] = []
    for signal in signals:
        contact = taxonomy.signals[signal.code].contact if signal.code in taxonomy.signals else None
        if contact and contact not in contacts:
            contacts.append(contact)
    return tuple(contacts)
