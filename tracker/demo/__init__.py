"""The Kon Tum demo: fills an empty database with the bloc's agencies through the 2025
reorganisation (Kon Tum joined Quảng Ngãi on 1 July 2025), three terms of agreements with
their signed scans, ten years of reports, a few hundred public-opinion issues and the Office's
guidance for the bloc, all relative to ``today``.

Only the command line (``flask seed-demo``) uses this package; no service, view or model
imports it. The content (``content/``) is pure data; the modules here choose from it:
``reference`` (settings, agencies and their reorganisation, terms, holidays through the
administration services, and the accounts), ``agreements``, ``issues``, ``reports`` and
``documents`` (bloc documents and signed scans, as generated PDF files). Texts name the bodies
as they were on their record's date (``naming``). Everything is drawn from one
``random.Random(rng_seed)``, so two runs with the same ``today`` and seed give the same data.

To extend the demo, add content rows (with their dates) and, for a new kind of record, a
step to ``STEPS``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from tracker.demo import (
    agreements,
    documents,
    issues,
    large,
    lifecycle,
    naming,
    reference,
    reports,
)
from tracker.demo.content.people import DEMO_PASSWORD, DEMO_USERS
from tracker.demo.context import Context, DemoSummary
from tracker.extensions import db
from tracker.services import calendar

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "STEPS", "DemoSummary", "seed"]

#: The steps in order; each flushes what it made before the next reads it.
STEPS: tuple[Callable[[Context], None], ...] = (
    reference.seed_reference,
    reference.seed_people,
    agreements.seed_agreements,
    documents.seed_scans,
    issues.seed_issues,
    reports.seed_periodic_reports,
    reports.seed_ad_hoc_reports,
    agreements.seed_reporting_progress,
    lifecycle.seed_life_cycle,
    documents.seed_documents,
    issues.seed_timelines,
)


def seed(
    today: date | None = None,
    rng_seed: int = 2017,
    *,
    national: bool = False,
    scale: float = 1.0,
) -> DemoSummary:
    """Fill an empty database with the Kon Tum demo as of ``today`` (default: today in
    Vietnam). Flushes, never commits: the caller commits once.

    The caller checks that the database is empty (``tracker.services.database.is_empty``);
    on a database that is not, the services raise ``admin.ValidationError`` (a used agency
    code) or the database an integrity error.

    ``national``: then add the national-scale data set (``large``, issue 12), its counts
    times ``scale``.
    """
    ctx = Context(today or calendar.today_local(), random.Random(rng_seed))
    with naming.named_as_of_their_day():
        for step in STEPS:
            step(ctx)
            db.session.flush()
    if national:
        large.seed_national(ctx, scale)
    return ctx.summary
