"""Stap 2 of the aanmeldproces: the aanmelding for the Bureaudienst.

Plain Python on SQLAlchemy: create a concept after consent, fill contact
details straight into the row (never into the transcript), confirm it with a
readable reference, record feedback and follow-up (service.py). The package
owns its tables (models.py) and their retention and erasure (retention.py,
erasure.py, ``python -m bot privacy ...`` in cli.py).
"""
