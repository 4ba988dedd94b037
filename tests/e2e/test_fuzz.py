"""Fuzzing the public REST channel of the real Rasa server with hypothesis.

Random JSON shapes, odd Unicode (lone surrogates, control characters,
right-to-left marks), garbage bytes and messages with identifiers planted in
them. For every request: no 5xx, an answer (a non-empty list) or a clear
refusal (400 / 429 with a Dutch ``error``), both servers alive. At the end
no planted identifier is in the events table or the logs. The counts are
written to results/fuzz.json. ``FUZZ_EXAMPLES`` sets the number of cases.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from bot import paths

pytestmark = pytest.mark.e2e

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
PLANTED = ("06 98765432", "fuzz.persoon@example.nl", "NL91ABNA0417164300")
COUNTS: Counter = Counter()

odd_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=300)
surrogates = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=4)
controls = st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=6)
messages = st.one_of(
    odd_text,
    st.builds(lambda a, b, c: a + b + c, odd_text, surrogates | controls, odd_text),
    st.builds(lambda a, p: f"{a} {p}", odd_text, st.sampled_from(PLANTED)),
    st.sampled_from(["hallo", "Ik voel me alleen", "/restart", "/bevestigen", "ja", "nee", "stop"]),
)
senders = st.one_of(st.sampled_from([f"fuzz-{i}" for i in range(8)]), st.text(max_size=140), st.integers(),
                    st.none())
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)
objects = st.fixed_dictionaries(
    {},
    optional={"sender": senders, "message": messages | json_values, "metadata": json_values,
              "input_channel": st.text(max_size=10)},
)
well_formed = st.fixed_dictionaries(
    {"sender": st.sampled_from([f"fuzz-{i}" for i in range(8)]), "message": messages},
    optional={"metadata": st.none() | st.dictionaries(st.sampled_from(["rol", "rol_bewijs", "x"]), json_values,
                                                     max_size=3)},
)
bodies = st.one_of(
    well_formed.map(lambda o: json.dumps(o).encode("utf-8")),
    well_formed.map(lambda o: json.dumps(o).encode("utf-8")),
    objects.map(lambda o: json.dumps(o).encode("utf-8")),
    json_values.map(lambda v: json.dumps(v).encode("utf-8")),
    st.binary(max_size=200),
)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(body=bodies)
def test_the_channel_answers_or_refuses_every_request(servers, body):
    status, answer = servers.post(body, timeout=120)
    COUNTS["cases"] += 1
    COUNTS[f"status_{status}"] += 1
    assert status in (200, 400, 429), (body[:200], status, str(answer)[:300])
    if status == 200:
        assert isinstance(answer, list) and any(r.get("text") for r in answer), (body[:200], answer)
    else:
        assert isinstance(answer, dict) and answer.get("error"), answer
    assert servers.alive()


def test_nothing_planted_was_stored_or_logged(servers, e2e_engine):
    if not COUNTS["cases"]:
        pytest.skip("the fuzz test did not run")
    with e2e_engine.connect() as conn:
        stored = "\n".join(r[0] for r in conn.execute(text("select data from events")).all())
    logged = "\n".join(p.read_text(encoding="utf-8") for p in servers.log_dir.glob("*.log"))
    for raw in PLANTED:
        assert raw not in stored, f"{raw!r} stored"
        assert raw not in logged, f"{raw!r} logged"
    assert not any(servers.restarts().values())
    out = paths.ROOT / "results"
    out.mkdir(exist_ok=True)
    (out / "fuzz.json").write_text(json.dumps({**COUNTS, "failures": 0}, indent=2))
