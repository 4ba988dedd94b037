"""Theme words (data/themawoorden.yml): a second, explainable view on themes.

The trained classifier ranks themes; these words add the themes a multi-theme
question touches and give the reason ("woorden: schulden, alleen").
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from functools import lru_cache
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

    def hits(self, words: Iterable[str]) -> Dict[str, List[str]]:
        """theme -> the words of ``words`` that point to it (in text order)."""
        found: Dict[str, List[str]] = {}
        for word in words:
            themes = set(self.exact.get(word, ()))
            themes.update(theme for pattern, theme in self.globs if fnmatch.fnmatchcase(word, pattern))
            for theme in themes:
                bucket = found.setdefault(theme, [])
                if word not in bucket:
                    bucket.append(word)
        return found

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
    return ThemeLexicon(exact={w: tuple(t) for w, t in exact.items()}, globs=tuple(globs), signal_themes=signal_themes)


@lru_cache(maxsize=1)
def default_lexicon() -> ThemeLexicon:
    return load_lexicon()


def words_of(tokens: Sequence) -> List[str]:
    """Lower-case forms and lemmas of spaCy tokens (both are looked up)."""
    words: List[str] = []
    for token in tokens:
        if token.is_punct or token.is_space:
            continue
        words.append(token.lower_)
        lemma = token.lemma_.lower()
        if lemma and lemma != token.lower_:
            words.append(lemma)
    return words
