"""``python -m bot gebruiker toevoegen|lijst|rol|blokkeer|deblokkeer``: staff accounts.

``toevoegen`` reads the password from standard input: asked twice without
echo on a terminal, else the first line (for scripts and tests).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from bot.accounts import ROLES


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("gebruiker", help="staff accounts of the web app (KCC console, review, beheer)")
    actions = parser.add_subparsers(dest="gebruiker_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("toevoegen", help="add an account; the password comes from stdin")
    add.add_argument("naam")
    add.add_argument("--rol", required=True, choices=ROLES)
    add.set_defaults(func=_add)
    actions.add_parser("lijst", help="list the accounts").set_defaults(func=_list)
    rol = actions.add_parser("rol", help="give an account another role (ends its sessions)")
    rol.add_argument("naam")
    rol.add_argument("rol", choices=ROLES)
    rol.set_defaults(func=_role)
    for name, helptext, func in (("blokkeer", "block an account (ends its sessions)", _block),
                                 ("deblokkeer", "unblock an account", _unblock)):
        p = actions.add_parser(name, help=helptext)
        p.add_argument("naam")
        p.set_defaults(func=func)


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != first:
            raise ValueError("De twee wachtwoorden zijn niet gelijk.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _run(action) -> int:
    from bot.accounts.service import AccountError

    try:
        message = action()
    except (AccountError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(message)
    return 0


def _add(args) -> int:
    from bot.accounts.service import add_user

    def action() -> str:
        account = add_user(args.naam, args.rol, _read_password())
        return f"Gebruiker '{account.naam}' toegevoegd met rol {account.rol}."
    return _run(action)


def _list(_args) -> int:
    from bot.accounts.service import list_users

    users = list_users()
    if not users:
        print("Nog geen gebruikers. Voeg er een toe: python -m bot gebruiker toevoegen NAAM --rol kcc")
    for u in users:
        last = u.laatst_ingelogd.strftime("%Y-%m-%d %H:%M") if u.laatst_ingelogd else "nooit"
        print(f"{u.naam:<32} {u.rol:<9} {'GEBLOKKEERD' if u.geblokkeerd else 'actief':<11} laatst ingelogd: {last}")
    return 0


def _role(args) -> int:
    from bot.accounts.service import set_role

    return _run(lambda: f"Gebruiker '{set_role(args.naam, args.rol).naam}' heeft nu rol {args.rol}.")


def _block(args) -> int:
    from bot.accounts.service import block

    return _run(lambda: f"Gebruiker '{block(args.naam).naam}' is geblokkeerd; alle sessies zijn beëindigd.")


def _unblock(args) -> int:
    from bot.accounts.service import unblock

    return _run(lambda: f"Gebruiker '{unblock(args.naam).naam}' kan weer inloggen.")
