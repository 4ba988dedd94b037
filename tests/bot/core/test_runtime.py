"""bot.runtime.freeze_loaded_objects: one collection and freeze, then nothing."""

import gc
import weakref

from bot import runtime


def test_the_heap_is_frozen_once(monkeypatch):
    calls = []
    monkeypatch.setattr(runtime, "_frozen", False)
    monkeypatch.setattr(runtime.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(runtime.gc, "collect", lambda: calls.append("collect"))
    assert runtime.freeze_loaded_objects() is True
    assert runtime.freeze_loaded_objects() is False
    assert calls == ["collect", "freeze"]


def test_objects_made_after_the_freeze_are_still_collected():
    runtime.freeze_loaded_objects()

    class Cycle:
        pass

    a, b = Cycle(), Cycle()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
