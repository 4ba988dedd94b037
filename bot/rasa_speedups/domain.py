"""Rasa's "is the domain empty" check compares with one empty domain made once."""

from __future__ import annotations

import copy
from typing import Any, Dict, Optional


def cache_empty_domain_check() -> None:
    """``Domain.is_empty`` without building a new empty Domain on every call.

    Rasa's ``is_empty`` is ``self.as_dict() == Domain.empty().as_dict()``, and
    ``Domain.empty()`` builds a whole Domain from ``{}`` (slots, forms,
    intents, the default actions): the processor asks it for every parse
    (``_check_for_unseen_features``), about 2 % of the Rasa server's samples
    under load. The empty domain's dict is the same every time, so it is made
    once (on first use, a private deep copy) and each call compares with it:
    the same verdict, as ``as_dict`` of any domain is compared with the same value.
    """
    from rasa.shared.core.domain import Domain

    if getattr(Domain.is_empty, "_cached_empty", False):
        return
    empty: Dict[str, Optional[Dict[str, Any]]] = {"dict": None}

    def is_empty(self: Domain) -> bool:
        if empty["dict"] is None:
            empty["dict"] = copy.deepcopy(Domain.empty().as_dict())
        return self.as_dict() == empty["dict"]

    is_empty._cached_empty = True  # type: ignore[attr-defined]
    Domain.is_empty = is_empty
