"""Alembic environment: runs against the engine handed over by bot.store.db."""

from alembic import context

from bot.store.db import Base, make_engine
from bot.store import models  # noqa: F401  (registers the core tables)
from bot.kaart import models as kaart_models  # noqa: F401  (registers the sociale kaart tables)
from bot.accounts import models as account_models  # noqa: F401  (registers the staff account tables)
from bot.review import models as review_models  # noqa: F401  (registers the review tables)

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or make_engine()
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        context.run_migrations()


run_migrations_online()
