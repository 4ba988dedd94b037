"""Review fixtures: a migrated database with synthetic, redacted conversations."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Dict, List

import pytest

from bot.review import synthetic


@pytest.fixture
def conversations(engine) -> Dict[str, List[int]]:
    """40 synthetic conversations stored like the tracker store does; event ids per conversation."""
    rng = random.Random(7)
    out = {}
    for n in range(40):
        spec = synthetic.random_spec(rng, n, synthetic.utc(2026, 6, 1), days=150)
        out[spec.gesprek_id] = synthetic.store(engine, spec.gesprek_id, synthetic.events_of(spec))
    return out


def one(engine, gesprek_id="gesprek-1", **changes) -> List[int]:
    spec = synthetic.Spec(gesprek_id=gesprek_id, begin=synthetic.utc(2026, 9, 14), kanaal="inwoner", pc4="8012",
                          themas=("geldzaken",), signalen=("indicatie_vaardigheid",), advies="combinatie")
    spec = replace(spec, **changes)
    return synthetic.store(engine, spec.gesprek_id, synthetic.events_of(spec))
