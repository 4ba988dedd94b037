"""Short, unguessable, readable references such as ``WT-7K3M-Q9``.

The alphabet leaves out characters people confuse when reading one aloud on
the phone (0/O, 1/I/L). 4+2 characters of 31 give ~887 million references;
``secrets`` makes them unguessable and the service checks uniqueness.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PREFIX = "WT"
PATTERN = re.compile(rf"^{PREFIX}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}$")


def new_reference() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalise_reference(text: str) -> str:
    """'wt 7k3m q9' -> 'WT-7K3M-Q9' (raises ValueError when it is none)."""
    compact = re.sub(r"[\s\-]", "", (text or "").upper())
    if not compact.startswith(PREFIX) or len(compact) != len(PREFIX) + 6:
        raise ValueError("not a reference: expected WT-XXXX-XX")
    ref = f"{PREFIX}-{compact[2:6]}-{compact[6:]}"
    if not PATTERN.match(ref):
        raise ValueError("not a reference: characters outside the alphabet")
    return ref
