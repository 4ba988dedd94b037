"""Staff accounts of the web app: KCC medewerkers, wijkteam and beheer.

``models`` (tables ``gebruiker`` and ``login_poging``, migration 0003),
``passwords`` (argon2id and the password rules), ``service`` (add, list,
change role, block, authenticate with throttling, end every session) and
``cli`` (``python -m bot gebruiker ...``). The web app only calls ``service``.
"""

ROLES = ("kcc", "wijkteam", "beheer")
