"""Theme words (data/themawoorden.yml): a second, explainable view on themes.

The trained classifier ranks themes; these words add the themes a multi-theme
question touches and give the reason ("woorden: schulden, alleen").
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from bot import paths
from bot.taxonomy import Taxonomy, taxonomy

LEXICON_FILE = paths.DATA / "themawoorden.yml"


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class ThemeLexicon:
    exact: Dict[str, Tuple[str, ...]]  # word -> themes
    globs: Tuple[Tuple[str, str], ...]  # (pattern, theme)
    signal_themes: Dict[str, str]  # signal code -> theme
    leading_signals: Tuple[str, ...] = ()  # signal codes whose theme is always primary

    @cached_property
    def _glob_themes(self) -> Tuple[Tuple[str, "re.Pattern[str]"], ...]:
        """Per theme, its glob patterns as one regular expression (fnmatchcase's, joined by '|')."""
        by_theme: Dict[str, List[str]] = {}
        for pattern, theme in self.globs:
            by_theme.setdefault(theme, []).append(fnmatch.translate(pattern))
        return tuple((theme, re.compile("|".join(parts))) for theme, parts in by_theme.items())

    def themes_of(self, word: str) -> set:
        themes = set(self.exact.get(word, ()))
        themes.update(theme for theme, globs in self._glob_themes if globs.match(word))
        return themes

    def hits(self, tokens: Iterable[Sequence[str]]) -> Dict[str, List[str]]:
        """theme -> the distinct words that point to it (in text order).

        ``tokens`` gives, per token, its forms (lower-case text, lemma); a
        token counts once even when both its forms match.
        """
        found: Dict[str, List[str]] = {}
        for forms in tokens:
            if isinstance(forms, str):
                forms = (forms,)
            for theme in set().union(*(self.themes_of(f) for f in forms)) if forms else ():
                bucket = found.setdefault(theme, [])
                if forms[0] not in bucket:
                    bucket.append(forms[0])
        return found

    def leading_theme(self, signal_codes: Iterable[str]) -> Optional[str]:
        """The theme of the first leading signal among ``signal_codes`` (in the file's order)."""
        codes = set(signal_codes)
        return next((self.signal_themes[c] for c in self.leading_signals if c in codes), None)

    def signal_hits(self, signal_codes: Iterable[str]) -> Dict[str, List[str]]:
        """theme -> the detected signals that point to it."""
        found: Dict[str, List[str]] = {}
        for code in signal_codes:
            theme = self.signal_themes.get(code)
            if theme:
                found.setdefault(theme, []).append(code)
        return found


def load_lexicon(path: Path = LEXICON_FILE, tax: Optional[Taxonomy] = None) -> ThemeLexicon:
    tax = tax or taxonomy()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("woorden"), dict):
        raise LexiconError(f"{path}: expected a mapping 'woorden' of theme code to words")
    exact: Dict[str, List[str]] = {}
    globs: List[Tuple[str, str]] = []
    for theme, words in raw["woorden"].items():
        if not tax.is_theme(theme):
            raise LexiconError(f"{path}: '{theme}' is not a theme code of the taxonomy")
        for word in words or ():
            word = str(word).strip().lower()
            if not word:
                raise LexiconError(f"{path}: {theme}: empty word")
            if "*" in word:
                globs.append((word, theme))
            else:
                exact.setdefault(word, []).append(theme)
    signal_themes = {}
    for code, theme in (raw.get("signalen") or {}).items():
        if code not in tax.signals:
            raise LexiconError(f"{path}: signalen: '{code}' is not a signal code of the taxonomy")
        if not tax.is_theme(theme):
            raise LexiconError(f"{path}: signalen.{code}: '{theme}' is not a theme code of the taxonomy")
        signal_themes[code] = theme
    leading = tuple(raw.get("leidende_signalen") or ())
    for code in leading:
        if code not in signal_themes:
            raise LexiconError(f"{path}: leidende_signalen: '{code}' needs a theme under 'signalen'")
    return ThemeLexicon(exact={w: tuple(t) for w, t in exact.items()}, globs=tuple(globs),
                        signal_themes=signal_themes, leading_signals=leading)


@lru_cache(maxsize=1)
def default_lexicon() -> ThemeLexicon:
    return load_lexicon()


def words_of(tokens: Sequence) -> List[Tuple[str, ...]]:
    """Per spaCy token: its lower-case form and, when different, its lemma."""
    words: List[Tuple[str, ...]] = []
    for token in tokens:
        if token.is_punct or token.is_space:
            continue
        lemma = token.lemma_.lower()
        words.append((token.lower_, lemma) if lemma and lemma != token.lower_ else (token.lower_,))
    return words
