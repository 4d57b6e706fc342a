"""Facts about the database as a whole."""

import sqlalchemy as sa

from tracker.extensions import db


def is_empty() -> bool:
    """True when no table of the schema holds a row: nothing has been created yet, not even
    an administrator (``flask create-admin``) or a setting. ``make run`` seeds the demo only
    then, and ``flask seed-demo`` refuses anything else."""
    for table in db.metadata.sorted_tables:
        if db.session.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            return False
    return True
