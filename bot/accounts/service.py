"""What can be done with staff accounts: the only door the CLI and the web app use.

Every login, failed login and blocked attempt writes an audit entry with the
account's id (or the hash of an unknown name), never a password or address.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from bot.accounts import ROLES
from bot.accounts.models import Gebruiker, LoginPoging
from bot.accounts.passwords import hash_password, needs_rehash, password_problem, spend_equal_time, verify_password
from bot.config import Medewerkers, settings
from bot.privacy.audit import record
from bot.store.db import session_scope, utcnow

NAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


class AccountError(ValueError):
    """A request about an account cannot be done; the message is Dutch and for the user."""


@dataclass(frozen=True)
class Account:
    id: int
    naam: str
    rol: str
    geblokkeerd: bool
    sessie_versie: int
    laatst_ingelogd: Optional[datetime]


@dataclass(frozen=True)
class LoginResult:
    account: Optional[Account]  # set only when the login succeeded
    throttled: bool = False
    wacht_minuten: int = 0


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _account(user: Gebruiker) -> Account:
    return Account(user.id, user.naam, user.rol, bool(user.geblokkeerd), user.sessie_versie, user.laatst_ingelogd)


def check_name(naam: str) -> str:
    naam = naam.strip().lower()
    if not NAME.match(naam):
        raise AccountError("Een gebruikersnaam heeft 2 tot 32 tekens: kleine letters, cijfers, punt, streep of "
                           "liggend streepje, en begint met een letter.")
    return naam


def check_role(rol: str) -> str:
    if rol not in ROLES:
        raise AccountError(f"Onbekende rol '{rol}'. Kies uit: {', '.join(ROLES)}.")
    return rol


def add_user(naam: str, rol: str, wachtwoord: str, engine: Optional[Engine] = None) -> Account:
    naam, rol = check_name(naam), check_role(rol)
    problem = password_problem(wachtwoord, naam)
    if problem:
        raise AccountError(problem)
    with session_scope(engine) as s:
        if s.execute(select(Gebruiker).where(Gebruiker.naam == naam)).scalar_one_or_none():
            raise AccountError(f"De gebruiker '{naam}' bestaat al.")
        user = Gebruiker(naam=naam, rol=rol, wachtwoord_hash=hash_password(wachtwoord), geblokkeerd=False,
                         sessie_versie=1)
        s.add(user)
        s.flush()
        record(s, "gebruiker_toegevoegd", {"gebruiker_id": user.id, "rol": rol})
        return _account(user)


def list_users(engine: Optional[Engine] = None) -> List[Account]:
    with session_scope(engine) as s:
        return [_account(u) for u in s.execute(select(Gebruiker).order_by(Gebruiker.naam)).scalars()]


def _change(naam: str, engine: Optional[Engine], actie: str, **values) -> Account:
    with session_scope(engine) as s:
        user = s.execute(select(Gebruiker).where(Gebruiker.naam == naam.strip().lower())).scalar_one_or_none()
        if user is None:
            raise AccountError(f"De gebruiker '{naam}' bestaat niet.")
        for key, value in values.items():
            setattr(user, key, value)
        user.sessie_versie = user.sessie_versie + 1  # a changed account starts its sessions anew
        record(s, actie, {"gebruiker_id": user.id, **({"rol": values["rol"]} if "rol" in values else {})})
        s.flush()
        return _account(user)


def set_role(naam: str, rol: str, engine: Optional[Engine] = None) -> Account:
    return _change(naam, engine, "gebruiker_rol", rol=check_role(rol))


def block(naam: str, engine: Optional[Engine] = None) -> Account:
    return _change(naam, engine, "gebruiker_geblokkeerd", geblokkeerd=True)


def unblock(naam: str, engine: Optional[Engine] = None) -> Account:
    return _change(naam, engine, "gebruiker_gedeblokkeerd", geblokkeerd=False)


def end_all_sessions(user_id: int, engine: Optional[Engine] = None) -> None:
    """Log out everywhere: every session cookie of this account stops working."""
    with session_scope(engine) as s:
        user = s.get(Gebruiker, user_id)
        if user is not None:
            user.sessie_versie = user.sessie_versie + 1
            record(s, "uitgelogd_overal", {"gebruiker_id": user.id})


def current_account(user_id: int, sessie_versie: int, engine: Optional[Engine] = None) -> Optional[Account]:
    """The account behind a session, when that session is still valid (not blocked, not ended)."""
    with session_scope(engine) as s:
        user = s.get(Gebruiker, user_id)
        if user is None or user.geblokkeerd or user.sessie_versie != sessie_versie:
            return None
        return _account(user)


def authenticate(naam: str, wachtwoord: str, adres: str, engine: Optional[Engine] = None,
                 limits: Optional[Medewerkers] = None, now: Optional[datetime] = None) -> LoginResult:
    """Check a login; throttled per account and per address after too many failures."""
    limits = limits or settings().medewerkers
    now = now or utcnow()
    naam_hash, adres_hash = _hash(naam.strip().lower()), _hash(adres)
    since = now - timedelta(minutes=limits.blokkeer_minuten)
    with session_scope(engine) as s:
        s.execute(delete(LoginPoging).where(LoginPoging.tijdstip < now - timedelta(days=1)))

        def failures(column, value) -> int:
            query = select(func.count()).select_from(LoginPoging).where(
                column == value, LoginPoging.gelukt.is_(False), LoginPoging.tijdstip >= since)
            return int(s.execute(query).scalar_one())

        if (failures(LoginPoging.naam_hash, naam_hash) >= limits.max_mislukt_per_account
                or failures(LoginPoging.adres_hash, adres_hash) >= limits.max_mislukt_per_adres):
            record(s, "login_geweigerd_te_vaak", {"naam_hash": naam_hash})
            return LoginResult(None, throttled=True, wacht_minuten=limits.blokkeer_minuten)
        user = s.execute(select(Gebruiker).where(Gebruiker.naam == naam.strip().lower())).scalar_one_or_none()
        if user is None:
            spend_equal_time(wachtwoord)
            ok = False
        else:
            ok = verify_password(user.wachtwoord_hash, wachtwoord) and not user.geblokkeerd
        s.add(LoginPoging(tijdstip=now, naam_hash=naam_hash, adres_hash=adres_hash, gelukt=ok))
        if not ok:
            details = {"gebruiker_id": user.id} if user is not None else {"naam_hash": naam_hash}
            if user is not None and user.geblokkeerd:
                details["geblokkeerd"] = True
            record(s, "login_mislukt", details)
            return LoginResult(None)
        if needs_rehash(user.wachtwoord_hash):
            user.wachtwoord_hash = hash_password(wachtwoord)
        user.laatst_ingelogd = now
        record(s, "login", {"gebruiker_id": user.id, "rol": user.rol})
        s.flush()
        return LoginResult(_account(user))


def audit(actie: str, user_id: int, engine: Optional[Engine] = None, wie: Optional[str] = None, **details) -> None:
    """An audit entry for something a staff member did (e.g. a page that shows a conversation).

    ``wie`` is the account name (the review's own entries name their reviewer the same way).
    """
    with session_scope(engine) as s:
        record(s, actie, {"gebruiker_id": user_id, **details}, wie=wie)
