"""Passwords of staff accounts: argon2id hashes and the rules a new password meets."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 256
COMMON_FILE = Path(__file__).resolve().parent / "common_passwords.txt"

_hasher = PasswordHasher()  # argon2id, RFC 9106 low-memory profile


@lru_cache(maxsize=1)
def common_passwords() -> FrozenSet[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, naam: str = "") -> Optional[str]:
    """A Dutch sentence saying why ``password`` may not be used, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Het wachtwoord is te kort. Gebruik minstens {MIN_LENGTH} tekens."
    if len(password) > MAX_LENGTH:
        return f"Het wachtwoord is te lang. Gebruik hoogstens {MAX_LENGTH} tekens."
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) < 4:
        return "Dit wachtwoord komt te vaak voor. Kies een ander wachtwoord."
    if naam and naam.lower() in lowered:
        return "Het wachtwoord mag uw gebruikersnaam niet bevatten."
    return None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


_DUMMY = _hasher.hash("geen-echt-wachtwoord-alleen-voor-gelijke-tijd")


def spend_equal_time(password: str) -> None:
    """Verify against a dummy hash, so an unknown name takes as long as a wrong password."""
    verify_password(_DUMMY, password)
