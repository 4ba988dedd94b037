"""Proof that a role in message metadata was set by a trusted process.

The KCC console (in the web app) signs ``sender`` and ``rol`` with
``KCC_CHANNEL_SECRET``; the public channels accept ``{"rol": "kcc"}`` only
with a matching ``rol_bewijs``. Anyone else who adds ``rol`` to their
metadata gets the inwoner experience. Without a configured secret no proof
can be valid, so the role is always dropped.

The proof binds the role to one conversation (``sender``): a proof copied
from one conversation is worthless in another.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any, Mapping, Optional

SECRET_ENV = "KCC_CHANNEL_SECRET"
ROLE_KEY = "rol"
PROOF_KEY = "rol_bewijs"
TRUSTED_ROLES = ("kcc",)


def _secret(secret: Optional[str]) -> str:
    return secret if secret is not None else os.environ.get(SECRET_ENV, "")


def sign_role(sender: str, rol: str, secret: Optional[str] = None) -> str:
    """The proof for ``rol`` in the conversation ``sender`` (hex HMAC-SHA256)."""
    key = _secret(secret)
    if not key:
        raise ValueError(f"{SECRET_ENV} is not set: no role can be signed")
    message = f"{sender}\n{rol}".encode("utf-8", "surrogatepass")
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verified_role(sender: str, metadata: Mapping[str, Any], secret: Optional[str] = None) -> Optional[str]:
    """The role in ``metadata`` when its proof is valid for ``sender``, else None."""
    rol, proof = metadata.get(ROLE_KEY), metadata.get(PROOF_KEY)
    if rol not in TRUSTED_ROLES or not isinstance(proof, str) or not _secret(secret):
        return None
    expected = sign_role(sender, rol, secret)
    return rol if hmac.compare_digest(expected, proof) else None
