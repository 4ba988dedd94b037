"""Persistence: engine and sessions from DATABASE_URL, core models, migrations."""
