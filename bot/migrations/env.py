"""Alembic environment: runs against the engine handed over by bot.store.db.

The migrations sit one level above the packages whose tables they migrate, so
this is the one place that imports every package's models.
"""

from alembic import context

from bot.aanmelding import models as aanmelding_models  # noqa: F401  (aanmelding, opvolging, feedback)
from bot.accounts import models as account_models  # noqa: F401  (the staff accounts)
from bot.kaart import models as kaart_models  # noqa: F401  (the sociale kaart tables)
from bot.privacy import models as privacy_models  # noqa: F401  (audit_log)
from bot.review import models as review_models  # noqa: F401  (the review tables)
from bot.store.db import Base, make_engine

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or make_engine()
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        context.run_migrations()


run_migrations_online()
