"""The training corpus of the learned layer: templates, fillers and hand-written sentences.

``data/corpus/`` (see its README) holds

* ``vullers.yml``: shared slot fillers (openers, endings, who is calling ...);
* ``sjablonen/*.yml``: groups of templates with their own fillers and labels;
* ``zinnen/*.yml``: hand-written sentences with labels;
* and the project's NLU sentences (``data/nlu``), labelled by the signal rules.

``build_corpus()`` expands them deterministically (a fixed seed): each group
draws ``aantal`` sentences, some get informal spelling or a typo, and signal
sentences are also joined with a neutral hulpvraag so that context around a
signal does not matter. Labels: the signal codes (``crisis`` follows from any
crisis code), ``twijfel`` (distress that needs a check question) and the theme.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import yaml

from bot import paths

CORPUS_DIR = paths.DATA / "corpus"
SEED = 12
NOISE_SHARE = 0.35
COMBINE_SHARE = 0.35
TWIJFEL = "crisis_twijfel"
_SLOT = re.compile(r"\{(\w+)\}")
MAX_DEPTH = 4


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Example:
    text: str
    signalen: Tuple[str, ...]
    thema: Optional[str] = None
    twijfel: bool = False
    bron: str = ""  # group or file it came from

    @property
    def crisis(self) -> bool:
        return any(code.startswith("crisis_") for code in self.signalen)


@dataclass(frozen=True)
class Group:
    naam: str
    sjablonen: Tuple[str, ...]
    vullers: Mapping[str, Tuple[str, ...]]
    signalen: Tuple[str, ...]
    thema: Optional[str]
    twijfel: bool
    aantal: int


def _read(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot read: {exc}") from exc


def _labels(raw, where: str, codes: Iterable[str], themes: Iterable[str]) -> Tuple[Tuple[str, ...], Optional[str], bool]:
    raw = raw or {}
    signalen = tuple(raw.get("signalen") or ())
    unknown = [c for c in signalen if c not in set(codes)]
    if unknown:
        raise CorpusError(f"{where}: unknown signal code(s) {unknown}")
    thema = raw.get("thema")
    if thema is not None and thema not in set(themes):
        raise CorpusError(f"{where}: unknown theme {thema!r}")
    return signalen, thema, bool(raw.get("twijfel", False))


def load_groups(corpus_dir: Path, codes: Sequence[str], themes: Sequence[str]) -> List[Group]:
    shared = _read(corpus_dir / "vullers.yml") or {}
    groups = []
    for path in sorted((corpus_dir / "sjablonen").glob("*.yml")):
        for entry in (_read(path) or {}).get("groepen") or []:
            where = f"{path.name}: {entry.get('naam')}"
            signalen, thema, twijfel = _labels(entry.get("labels"), where, codes, themes)
            fillers = {k: tuple(str(v) for v in vs) for k, vs in {**shared, **(entry.get("vullers") or {})}.items()}
            templates = tuple(str(t) for t in entry.get("sjablonen") or ())
            if not templates:
                raise CorpusError(f"{where}: no sjablonen")
            for template in templates:
                for slot in _SLOT.findall(template):
                    if slot not in fillers:
                        raise CorpusError(f"{where}: slot {{{slot}}} has no vullers")
            groups.append(Group(str(entry.get("naam")), templates, fillers, signalen, thema, twijfel,
                                int(entry.get("aantal", 50))))
    return groups


def load_sentences(corpus_dir: Path, codes: Sequence[str], themes: Sequence[str]) -> List[Example]:
    examples = []
    for path in sorted((corpus_dir / "zinnen").glob("*.yml")):
        for number, entry in enumerate(_read(path) or []):
            where = f"{path.name}: entry {number + 1}"
            signalen, thema, twijfel = _labels(entry.get("labels"), where, codes, themes)
            for sentence in entry.get("zinnen") or []:
                examples.append(Example(str(sentence).strip(), signalen, thema, twijfel, path.stem))
    return examples


_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def nlu_examples(nlu_dir: Path = paths.DATA / "nlu", detect=None) -> List[Example]:
    """The project's own NLU sentences, labelled with what the signal rules find in them.

    Mostly ordinary hulpvragen and conversation turns ("ja", "wat doen jullie
    met mijn gegevens?"): the realistic background the classifier must leave
    alone. Their theme comes from the intent (hulpvraag_<thema>).
    """
    if detect is None:
        from bot.triage.signals import detect
    examples = []
    for path in sorted(nlu_dir.glob("*.yml")):
        for block in (_read(path) or {}).get("nlu") or []:
            intent = str(block.get("intent") or "")
            thema = intent[len("hulpvraag_"):] if intent.startswith("hulpvraag_") else None
            for line in str(block.get("examples") or "").splitlines():
                text = _ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", line.strip()[2:]).strip()
                if line.strip().startswith("- ") and text:
                    codes = tuple(dict.fromkeys(s.code for s in detect(text)))
                    examples.append(Example(text, codes, thema if thema != "vaag" else None, False,
                                            "nlu:" + intent))
    return examples


def _fill(template: str, fillers: Mapping[str, Tuple[str, ...]], rng: random.Random, depth: int = 0) -> str:
    def pick(match: re.Match) -> str:
        value = rng.choice(fillers[match.group(1)])
        return _fill(value, fillers, rng, depth + 1) if depth < MAX_DEPTH else value

    return _SLOT.sub(pick, template)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.?!])", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


_INFORMAL = (("ik ", "k "), ("mijn ", "mn "), ("een ", "n "), ("niet ", "nie "), ("even ", "ff "),
             ("wat ", "wa "), ("het ", "t "), ("heb ", "heb "), ("weet ", "weet "), ("jullie ", "jullie "))


def _noisy(text: str, rng: random.Random) -> str:
    """Informal spelling, no capitals or punctuation, or one typo."""
    kind = rng.randrange(4)
    if kind == 0:
        return text.lower().rstrip(".!?")
    if kind == 1:
        lowered = " " + text.lower() + " "
        for formal, informal in rng.sample(_INFORMAL, 3):
            lowered = lowered.replace(" " + formal, " " + informal)
        return lowered.strip()
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not long_words:
        return text.lower()
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if kind == 2 else w[:j] + w[j + 1:]
    return " ".join(words)


def expand(groups: Sequence[Group], seed: int = SEED) -> List[Example]:
    rng = random.Random(seed)
    examples: List[Example] = []
    for group in groups:
        seen: Set[str] = set()
        tries = 0
        while len(seen) < group.aantal and tries < group.aantal * 6:
            tries += 1
            text = _tidy(_fill(rng.choice(group.sjablonen), group.vullers, rng))
            if rng.random() < NOISE_SHARE:
                text = _noisy(text, rng)
            if text and text not in seen:
                seen.add(text)
                examples.append(Example(text, group.signalen, group.thema, group.twijfel, group.naam))
    return examples


def combine(examples: Sequence[Example], seed: int = SEED) -> List[Example]:
    """Signal sentences joined with a neutral hulpvraag, in either order."""
    rng = random.Random(seed + 1)
    neutral = [e for e in examples if not e.signalen and not e.twijfel and e.thema]
    marked = [e for e in examples if e.signalen or e.twijfel]
    if not neutral:
        return []
    joined = []
    for example in rng.sample(marked, int(len(marked) * COMBINE_SHARE)):
        other = rng.choice(neutral)
        parts = [example.text, other.text] if rng.random() < 0.5 else [other.text, example.text]
        glue = rng.choice([" ", ". ", ", en ", ". Ook "])
        text = _tidy(parts[0].rstrip(".!?") + glue + parts[1][:1].lower() + parts[1][1:])
        joined.append(Example(text, example.signalen, example.thema or other.thema, example.twijfel,
                              example.bron + "+" + other.bron))
    return joined


def build_corpus(corpus_dir: Path = CORPUS_DIR, seed: int = SEED) -> List[Example]:
    from bot.taxonomy import taxonomy

    tax = taxonomy()
    codes, themes = list(tax.signals), list(tax.themes)
    generated = expand(load_groups(corpus_dir, codes, themes), seed)
    written = load_sentences(corpus_dir, codes, themes)
    every = generated + written + nlu_examples()
    return every + combine(every, seed)


@lru_cache(maxsize=1)
def default_corpus() -> Tuple[Example, ...]:
    return tuple(build_corpus())


def is_validation(example: Example, share: int = 5) -> bool:
    """A stable fifth of the corpus, by a hash of the text, for choosing thresholds."""
    import zlib

    return zlib.crc32(example.text.encode("utf-8")) % share == 0


def label_counts(examples: Iterable[Example]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for example in examples:
        for code in example.signalen + ((TWIJFEL,) if example.twijfel else ()):
            counts[code] = counts.get(code, 0) + 1
    return counts
