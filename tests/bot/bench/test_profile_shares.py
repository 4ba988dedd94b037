"""The profile's summary: inclusive shares from py-spy's collapsed stacks."""

from bot.bench.profile import inclusive_shares


def test_a_frame_counts_once_per_stack_and_line_numbers_merge(tmp_path):
    collapsed = tmp_path / "rasa.txt"
    collapsed.write_text(
        "main (server.py:10);turn (processor.py:5);parse (graph.py:7) 6\n"
        "main (server.py:10);turn (processor.py:9);save (store.py:3);turn (processor.py:5) 3\n"
        "main (server.py:10);idle (loop.py:1) 1\n"
        "a line without a count\n", encoding="utf-8")
    shares = dict((frame, share) for share, frame in inclusive_shares(collapsed))
    assert shares["main (server.py)"] == 1.0
    assert shares["turn (processor.py)"] == 0.9  # twice on one stack, counted once
    assert shares["parse (graph.py)"] == 0.6
    assert shares["save (store.py)"] == 0.3


def test_an_empty_profile_has_no_shares(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert inclusive_shares(empty) == []
