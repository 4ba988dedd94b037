"""An intake that follows the person (issue 12, part 2), over REST against the real servers.

Each scenario of tests/e2e/flow_scenarios.py is talked through by the
adaptive harness; then the stored aanmelding and the stored (redacted)
events are checked.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from bot.aanmelding.models import Aanmelding
from tests.e2e.flow_harness import check_all, problems, run_scenario, transcript
from tests.e2e.flow_scenarios import SCENARIOS

pytestmark = pytest.mark.e2e


def test_scenarios_are_many_and_named_once():
    check_all(SCENARIOS)
    assert len(SCENARIOS) >= 20
    assert any(s.kcc for s in SCENARIOS) and any(not s.kcc for s in SCENARIOS)


def _rows(engine, sender: str):
    with engine.connect() as conn:
        return conn.execute(select(Aanmelding.__table__).where(Aanmelding.gesprek_id == sender)).mappings().all()


def _column(row, column: str):
    """A column of the aanmelding row; 'thema' is the first of its themes."""
    if column == "thema":
        first = (row["themas"] or [{}])[0]
        return first.get("thema") if isinstance(first, dict) else first
    return row[column]


def _events(engine, sender: str) -> str:
    with engine.connect() as conn:
        rows = conn.execute(text("select data from events where sender_id = :s"), {"s": sender}).all()
    return "\n".join(r[0] for r in rows)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_flow_scenario(servers, e2e_engine, scenario):
    convo = run_scenario(servers, scenario)
    found = problems(scenario, convo)
    rows = _rows(e2e_engine, convo.sender)
    if scenario.aanmelding is None:
        if any(r["status"] != "concept" for r in rows) or rows:
            found.append(f"an aanmelding was stored: {[r['status'] for r in rows]}")
    elif scenario.aanmelding:
        done = [r for r in rows if r["status"] == "nieuw"]
        if not done:
            found.append("no confirmed aanmelding")
        else:
            for column, value in scenario.aanmelding.items():
                actual = _column(done[0], column)
                if actual != value:
                    found.append(f"aanmelding.{column} is {actual!r}, expected {value!r}")
    stored = _events(e2e_engine, convo.sender)
    for raw in scenario.identifiers:
        if raw in stored:
            found.append(f"raw {raw!r} in the stored events")
    assert not found, "\n".join(found) + "\n\n" + transcript(convo)
