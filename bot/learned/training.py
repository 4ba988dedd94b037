"""Train the learned layer when its corpus or code changed.

``python -m bot.learned.training train`` builds the corpus, chooses each
label's threshold on a validation fifth of it (a model trained on the other
four fifths), trains the final model on everything with those thresholds and
writes ``models/learned_signals.pkl`` with a fingerprint of its inputs;
``check`` exits 0 when the artefact is current. ``make setup`` runs both.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np

from bot import paths
from bot.learned.corpus import CORPUS_DIR, TWIJFEL, Example, build_corpus, is_validation
from bot.learned.model import LearnedModel, fit, predict_many

ARTEFACT = paths.MODELS / "learned_signals.pkl"
FINGERPRINT = paths.MODELS / "learned_signals.fingerprint"
CODE = Path(__file__).resolve().parent
INPUTS = (CORPUS_DIR, paths.DATA / "nlu", paths.SIGNALS_DIR, paths.TAXONOMY_FILE, CODE / "corpus.py", CODE / "features.py", CODE / "model.py",
          CODE / "training.py")
CRISIS = "crisis"
CHECK = "crisis_check"  # lower edge of the middle band of the crisis probability
GRID = [round(x, 2) for x in np.arange(0.2, 0.91, 0.05)]
CHECK_GRID = [round(x, 2) for x in np.arange(0.1, 0.91, 0.05)]
# Recall weighs more where a miss costs more: crisis most, then contra-indicaties.
BETA = {"crisis": 3.0, "contra": 1.5, "indicatie": 0.7, "twijfel": 1.0}
# At most this share of the realistic background of the validation fifth (the
# project's NLU sentences, neutral and hard-negative sentences) may be flagged:
# a learned crisis on its own must be rare on ordinary questions; the middle
# band below it (a check question, not the crisis stop) may be a little wider.
MAX_BACKGROUND_FP = {"crisis": 0.005, "contra": 0.01, "indicatie": 0.01, "twijfel": 0.01}
MAX_CHECK_FP = 0.02
BACKGROUND = ("nlu:", "neutraal", "negatief")  # crisis_check band: from half the crisis threshold up to it


def fingerprint() -> str:
    digest = hashlib.sha256()
    for item in INPUTS:
        files = sorted(p for p in item.rglob("*") if p.is_file()) if item.is_dir() else [item]
        for path in files:
            digest.update(str(path.relative_to(paths.ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def status() -> str:
    if not ARTEFACT.exists():
        return "missing"
    recorded = FINGERPRINT.read_text(encoding="utf-8").strip() if FINGERPRINT.exists() else ""
    return "current" if recorded == fingerprint() else "stale"


def labels_of(codes: Sequence[str]) -> List[str]:
    return [CRISIS, *codes, TWIJFEL]


def targets(examples: Sequence[Example], labels: Sequence[str]) -> Dict[str, List[int]]:
    result = {}
    for label in labels:
        if label == CRISIS:
            result[label] = [int(e.crisis) for e in examples]
        elif label == TWIJFEL:
            result[label] = [int(e.twijfel) for e in examples]
        else:
            result[label] = [int(label in e.signalen) for e in examples]
    return result


def _kind(label: str) -> str:
    if label == TWIJFEL:
        return "twijfel"
    return "crisis" if label.startswith("crisis") else label.split("_")[0]


def _f_beta(y: np.ndarray, p: np.ndarray, threshold: float, beta: float) -> float:
    predicted = p >= threshold
    tp = float(np.sum(predicted & (y == 1)))
    if tp == 0:
        return 0.0
    precision, recall = tp / float(np.sum(predicted)), tp / float(np.sum(y == 1))
    return (1 + beta ** 2) * precision * recall / (beta ** 2 * precision + recall)


def choose_thresholds(model: LearnedModel, validation: Sequence[Example]) -> Dict[str, Dict[str, float]]:
    """Per label: the grid threshold with the best F-beta on the validation examples."""
    probabilities = predict_many(model, [e.text for e in validation])
    truth = targets(validation, model.labels)
    background = np.asarray([e.bron.startswith(BACKGROUND) for e in validation])
    chosen = {}
    for label in model.labels:
        y = np.asarray(truth[label])
        p = np.asarray([row[label] for row in probabilities])
        beta = BETA[_kind(label)]
        calm = background & (y == 0)
        allowed = [t for t in GRID if np.mean(p[calm] >= t) <= MAX_BACKGROUND_FP[_kind(label)]] or GRID[-1:]
        scores = [(_f_beta(y, p, t, beta), t) for t in allowed]
        best_score = max(s for s, _ in scores)
        threshold = min(t for s, t in scores if s >= best_score - 1e-9)  # ties: the lower (recall)
        predicted = p >= threshold
        chosen[label] = {
            "drempel": threshold,
            "recall": float(np.sum(predicted & (y == 1)) / max(1, np.sum(y == 1))),
            "precisie": float(np.sum(predicted & (y == 1)) / max(1, np.sum(predicted))),
            "voorbeelden": int(np.sum(y == 1)),
            "achtergrond_fp": float(np.mean(p[calm] >= threshold)) if calm.any() else 0.0,
        }
        if label == CRISIS:
            band = [t for t in CHECK_GRID if t <= threshold and np.mean(p[calm] >= t) <= MAX_CHECK_FP]
            chosen[CHECK] = {**chosen[label], "drempel": min(band) if band else threshold}
    return chosen


def train(seed_corpus: Sequence[Example] = ()) -> LearnedModel:
    from bot.taxonomy import taxonomy

    start = time.monotonic()
    examples = list(seed_corpus) or build_corpus()
    labels = labels_of(list(taxonomy().signals))
    train_part = [e for e in examples if not is_validation(e)]
    validation = [e for e in examples if is_validation(e)]
    trial = fit([e.text for e in train_part], targets(train_part, labels), labels)
    report = choose_thresholds(trial, validation)
    model = fit([e.text for e in examples], targets(examples, labels), labels)
    model.thresholds = {label: entry["drempel"] for label, entry in report.items()}
    model.meta = {"corpus": len(examples), "validatie": len(validation), "labels": report,
                  "features": len(model.vectorizer.vocabulary_), "seconden": round(time.monotonic() - start, 1)}
    return model


def save(model: LearnedModel) -> None:
    ARTEFACT.parent.mkdir(parents=True, exist_ok=True)
    tmp = ARTEFACT.with_suffix(".tmp")
    with tmp.open("wb") as handle:
        pickle.dump(model, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(ARTEFACT)
    FINGERPRINT.write_text(fingerprint() + "\n", encoding="utf-8")


def load(path: Path = ARTEFACT) -> LearnedModel:
    with path.open("rb") as handle:
        return pickle.load(handle)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["check"]:
        current = status()
        print(f"learned layer {ARTEFACT.name}: {current}")
        return 0 if current == "current" else 1
    if argv == ["train"]:
        model = train()
        save(model)
        meta = model.meta
        print(f"learned layer: {meta['corpus']} sentences, {meta['features']} features, {meta['seconden']} s")
        for label, entry in meta["labels"].items():
            print(f"  {label:32s} drempel {entry['drempel']:.2f}  recall {entry['recall']:.3f}  "
                  f"precisie {entry['precisie']:.3f}  fp {entry['achtergrond_fp']:.3f}  ({entry['voorbeelden']} validatie)")
        return 0
    print("usage: python -m bot.learned.training check|train", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
