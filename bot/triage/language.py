"""The Dutch word lists the signal engine reasons with (data/signalen/taal.yml).

Spelling variants, clause and sentence boundaries, negation cues with their
reach, cues for a resolved past and for its return, and the words that tell
whether a clause is about the inwoner or about a naaste. All of it is data a
gemeente can extend; this module only reads and checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Tuple

import yaml

from bot.triage.normalize import strip_accents

LANGUAGE_FILE_NAME = "taal.yml"

Words = Tuple[str, ...]


class RuleError(ValueError):
    """A rule or language file is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Cue:
    words: Words  # token sequence, in comparison form
    reach: int  # how many tokens may lie between the cue and the match


@dataclass(frozen=True)
class Language:
    spelling: Dict[str, str]
    sentence_marks: FrozenSet[str]
    clause_marks: FrozenSet[str]
    negation_before: Tuple[Cue, ...]
    negation_after: Tuple[Cue, ...]
    pseudo_negation: Tuple[Words, ...]
    past_in_clause: Tuple[Words, ...]
    resolved_in_sentence: Tuple[Words, ...]
    reactivation: Tuple[Words, ...]
    over: Tuple[Words, ...]  # explicit 'it is over' cues for voorbij_heft_op rules
    back_next_sentence: Tuple[Words, ...]  # 'it is back' cues that reach into the next sentence
    possessives: FrozenSet[str]
    naasten: FrozenSet[str]
    inwoner: FrozenSet[str]
    pronouns: FrozenSet[str]
    max_gap: int
    # "partners van iemand met ...", "ouders van kinderen met ...": a naaste
    # word (or 'iemand') right after one of these is someone else.
    of_someone: FrozenSet[str] = frozenset()
    someone: FrozenSet[str] = frozenset()
    own_children: FrozenSet[str] = frozenset()
    own_possessives: FrozenSet[str] = frozenset()

    @property
    def gap_stop_words(self) -> FrozenSet[str]:
        """Words a gap (``*``) in a pattern may never cross."""
        negations = {w for cue in self.negation_before for w in cue.words}
        return frozenset(self.clause_marks | self.sentence_marks | negations)


def _norm(word: Any) -> str:
    return strip_accents(str(word).strip().lower())


def _words(value: Any, where: str) -> Words:
    words = tuple(_norm(w) for w in str(value).split())
    if not words:
        raise RuleError(f"{where}: empty entry")
    return words


def _list(raw: Dict[str, Any], key: str, where: str) -> List[Any]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise RuleError(f"{where}: '{key}' must be a non-empty list")
    return value


def _cues(raw: Dict[str, Any], key: str, where: str) -> Tuple[Cue, ...]:
    cues = []
    for i, entry in enumerate(_list(raw, key, where)):
        at = f"{where}: {key}[{i}]"
        if not isinstance(entry, dict) or "woorden" not in entry:
            raise RuleError(f"{at}: expected a mapping with 'woorden' and 'bereik'")
        reach = entry.get("bereik", 0)
        if not isinstance(reach, int) or reach < 0 or reach > 10:
            raise RuleError(f"{at}: 'bereik' must be a whole number from 0 to 10")
        cues.append(Cue(_words(entry["woorden"], at), reach))
    # Longest cue first, so the reported cue is the most specific one.
    return tuple(sorted(cues, key=lambda cue: -len(cue.words)))


def _word_set(raw: Dict[str, Any], key: str, where: str) -> FrozenSet[str]:
    return frozenset(_norm(w) for w in _list(raw, key, where))


def _sequences(raw: Dict[str, Any], key: str, where: str) -> Tuple[Words, ...]:
    return tuple(_words(w, f"{where}: {key}[{i}]") for i, w in enumerate(_list(raw, key, where)))


def load_language(path: Path) -> Language:
    where = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{where}: cannot read: {exc}") from exc
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: expected a mapping at the top level")
    spelling_raw = raw.get("spelling") or {}
    if not isinstance(spelling_raw, dict):
        raise RuleError(f"{where}: 'spelling' must map a variant to its standard form")
    spelling = {_norm(k): _norm(v) for k, v in spelling_raw.items()}
    bad = [k for k, v in spelling.items() if not k or not v or " " in k or " " in v]
    if bad:
        raise RuleError(f"{where}: spelling: entries must be single words: {bad}")
    grenzen = raw.get("grenzen") or {}
    ontkenning = raw.get("ontkenning") or {}
    verleden = raw.get("verleden") or {}
    persoon = raw.get("persoon") or {}
    for name, section in (("grenzen", grenzen), ("ontkenning", ontkenning),
                          ("verleden", verleden), ("persoon", persoon)):
        if not isinstance(section, dict) or not section:
            raise RuleError(f"{where}: section '{name}' is missing or not a mapping")
    max_gap = raw.get("max_gat", 3)
    if not isinstance(max_gap, int) or not 0 <= max_gap <= 8:
        raise RuleError(f"{where}: 'max_gat' must be a whole number from 0 to 8")
    return Language(
        spelling=spelling,
        sentence_marks=_word_set(grenzen, "zin", f"{where}: grenzen"),
        clause_marks=_word_set(grenzen, "deelzin", f"{where}: grenzen"),
        negation_before=_cues(ontkenning, "voor", f"{where}: ontkenning"),
        negation_after=_cues(ontkenning, "na", f"{where}: ontkenning"),
        pseudo_negation=_sequences(ontkenning, "geen_ontkenning", f"{where}: ontkenning"),
        past_in_clause=_sequences(verleden, "in_deelzin", f"{where}: verleden"),
        resolved_in_sentence=_sequences(verleden, "opgelost_in_zin", f"{where}: verleden"),
        reactivation=_sequences(verleden, "weer_actief", f"{where}: verleden"),
        over=_sequences(verleden, "voorbij", f"{where}: verleden"),
        back_next_sentence=_sequences(verleden, "terug_volgende_zin", f"{where}: verleden"),
        possessives=_word_set(persoon, "bezittelijk", f"{where}: persoon"),
        naasten=_word_set(persoon, "naasten", f"{where}: persoon"),
        inwoner=_word_set(persoon, "inwoner", f"{where}: persoon"),
        pronouns=_word_set(persoon, "voornaamwoorden", f"{where}: persoon"),
        max_gap=max_gap,
        of_someone=_word_set(persoon, "van_iemand", f"{where}: persoon"),
        someone=_word_set(persoon, "iemand", f"{where}: persoon"),
        own_children=_word_set(persoon, "eigen_kind", f"{where}: persoon"),
        own_possessives=_word_set(persoon, "eigen_bezittelijk", f"{where}: persoon"),
    )
