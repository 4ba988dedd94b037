"""Alembic migrations of every table the project owns (``python -m bot db upgrade``).

A package only so that the import graph (grimp, import-linter) sees env.py;
Alembic loads env.py and versions/ by path. Revision ids are the history of
the database: never rename them.
"""
