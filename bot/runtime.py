"""Process-level tuning for the long-running servers (Rasa and the action server).

Once the model, the Dutch pipeline and the libraries are loaded, they stay
for the life of the process. Python's garbage collector still walks all of
them at every full collection: about 300 ms with TensorFlow, spaCy and the
trained model in the Rasa server, a pause in which no conversation moves
(measured with gc.callbacks under ``python -m bot.bench.conversation``).
``gc.freeze()`` moves everything that exists at that moment out of the
collector's view (Python's documentation recommends it for servers that load
first and then serve); objects made later are collected as before.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_frozen = False


def freeze_loaded_objects() -> bool:
    """Collect once, then freeze what is loaded; only the first call does anything.

    Returns True when this call froze the heap.
    """
    global _frozen
    if _frozen:
        return False
    with _lock:
        if _frozen:
            return False
        gc.collect()
        gc.freeze()
        _frozen = True
        return True
