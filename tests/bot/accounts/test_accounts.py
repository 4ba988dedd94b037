"""Staff accounts: argon2 hashes, password rules, roles, blocking, throttling, audit, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot import paths
from bot.accounts import passwords
from bot.accounts.models import Gebruiker
from bot.accounts.service import (
    AccountError,
    add_user,
    authenticate,
    block,
    current_account,
    end_all_sessions,
    list_users,
    set_role,
    unblock,
)
from bot.config import Medewerkers
from bot.privacy.models import AuditEntry
from bot.store.db import session_scope, utcnow

GOOD = "paard-batterij-nietje"


def test_passwords_are_argon2id_and_verify():
    stored = passwords.hash_password(GOOD)
    assert stored.startswith("$argon2id$")
    assert passwords.verify_password(stored, GOOD)
    assert not passwords.verify_password(stored, GOOD + "x")
    assert not passwords.verify_password("not-a-hash", GOOD)


@pytest.mark.parametrize("bad, fragment", [("kort-1", "te kort"), ("Welkom123456", "te vaak"),
                                           ("wachtwoord1234", "te vaak"), ("aaaaaaaaaaaaaa", "te vaak"),
                                           ("anna-is-de-beste", "gebruikersnaam")])
def test_weak_passwords_are_refused_in_dutch(bad, fragment):
    assert fragment in passwords.password_problem(bad, "anna")


def test_add_list_role_and_block(engine):
    account = add_user("Anna", "kcc", GOOD, engine=engine)
    assert account.naam == "anna" and account.rol == "kcc"
    with session_scope(engine) as s:
        stored = s.execute(select(Gebruiker)).scalar_one().wachtwoord_hash
    assert GOOD not in stored and stored.startswith("$argon2id$")
    with pytest.raises(AccountError, match="bestaat al"):
        add_user("anna", "kcc", GOOD, engine=engine)
    with pytest.raises(AccountError, match="Onbekende rol"):
        add_user("bob", "admin", GOOD, engine=engine)
    with pytest.raises(AccountError, match="gebruikersnaam"):
        add_user("b b", "kcc", GOOD, engine=engine)
    assert set_role("anna", "wijkteam", engine=engine).rol == "wijkteam"
    assert block("anna", engine=engine).geblokkeerd
    assert [u.naam for u in list_users(engine=engine)] == ["anna"]
    with pytest.raises(AccountError, match="bestaat niet"):
        block("niemand", engine=engine)


def test_login_sessions_end_on_block_role_change_and_logout_everywhere(engine):
    add_user("anna", "kcc", GOOD, engine=engine)
    account = authenticate("anna", GOOD, "10.0.0.1", engine=engine).account
    assert account and current_account(account.id, account.sessie_versie, engine=engine)
    end_all_sessions(account.id, engine=engine)
    assert current_account(account.id, account.sessie_versie, engine=engine) is None
    account = authenticate("anna", GOOD, "10.0.0.1", engine=engine).account
    set_role("anna", "beheer", engine=engine)
    assert current_account(account.id, account.sessie_versie, engine=engine) is None
    block("anna", engine=engine)
    assert authenticate("anna", GOOD, "10.0.0.1", engine=engine).account is None
    unblock("anna", engine=engine)
    assert authenticate("anna", GOOD, "10.0.0.1", engine=engine).account is not None


def test_failed_logins_are_throttled_per_account_and_per_address(engine):
    add_user("anna", "kcc", GOOD, engine=engine)
    limits = Medewerkers(max_mislukt_per_account=3, max_mislukt_per_adres=5, blokkeer_minuten=15)
    for _ in range(3):
        assert not authenticate("anna", "fout", "10.0.0.1", engine=engine, limits=limits).throttled
    result = authenticate("anna", GOOD, "10.0.0.2", engine=engine, limits=limits)
    assert result.throttled and result.account is None and result.wacht_minuten == 15
    later = utcnow() + timedelta(minutes=16)
    assert authenticate("anna", GOOD, "10.0.0.2", engine=engine, limits=limits, now=later).account is not None
    for name in ("a1", "a2", "a3", "a4", "a5"):
        authenticate(name, "fout", "10.0.0.9", engine=engine, limits=limits)
    assert authenticate("anna", GOOD, "10.0.0.9", engine=engine, limits=limits).throttled


def test_audit_has_who_and_what_but_no_password_or_address(engine):
    add_user("anna", "kcc", GOOD, engine=engine)
    authenticate("anna", "verkeerd-wachtwoord", "10.1.2.3", engine=engine)
    authenticate("anna", GOOD, "10.1.2.3", engine=engine)
    authenticate("onbekend", GOOD, "10.1.2.3", engine=engine)
    with session_scope(engine) as s:
        entries = [(e.actie, e.details, e.tijdstip) for e in s.execute(select(AuditEntry)).scalars()]
    acties = [a for a, _, _ in entries]
    assert acties == ["gebruiker_toegevoegd", "login_mislukt", "login", "login_mislukt"]
    assert all(t is not None for _, _, t in entries)
    assert entries[2][1] == {"gebruiker_id": 1, "rol": "kcc"}
    text = repr(entries)
    assert "anna" not in text and "onbekend" not in text and "10.1.2.3" not in text and GOOD not in text


def test_cli_adds_from_stdin_lists_changes_and_blocks(tmp_path):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}", PYTHONPATH=str(paths.ROOT))

    def run(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                              env=env, cwd=paths.ROOT)

    assert run("db", "upgrade").returncode == 0
    added = run("gebruiker", "toevoegen", "anna", "--rol", "kcc", stdin=GOOD + "\n")
    assert added.returncode == 0 and "toegevoegd" in added.stdout and GOOD not in added.stdout
    weak = run("gebruiker", "toevoegen", "bob", "--rol", "kcc", stdin="welkom\n")
    assert weak.returncode == 1 and "te kort" in weak.stderr
    assert run("gebruiker", "rol", "anna", "wijkteam").returncode == 0
    assert run("gebruiker", "blokkeer", "anna").returncode == 0
    listed = run("gebruiker", "lijst").stdout
    assert "anna" in listed and "wijkteam" in listed and "GEBLOKKEERD" in listed and "bob" not in listed
