"""Reference data through the administration's own services (settings and their dated
changes, agencies and their reorganisation, terms, public holidays), so the demo obeys every
rule they enforce; then the demo accounts.

The services audit what they create with no actor, as the command line does. Accounts are
inserted directly with one shared password hash, because hashing is deliberately slow.
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.demo.content.agencies import (
    AGENCIES,
    AGENCY_BY_CODE,
    DATED_SETTINGS,
    REORGANISATION,
    SETTINGS,
    TERMS,
    office_on,
)
from tracker.demo.content.people import DEMO_PASSWORD, DEMO_USERS, EMAIL_DOMAIN, OFFICE_STAFF
from tracker.demo.context import Context, utc
from tracker.enums import OFFICE_ROLES, Role
from tracker.extensions import db
from tracker.models import User
from tracker.services import admin, agencies, compliance, settings
from tracker.services.passwords import hash_password

#: Holidays are imported from the first term's year to the year after today.
FIRST_YEAR = TERMS[0].start.year


def seed_reference(ctx: Context) -> None:
    """Settings and the names that changed by today, the agencies that exist by today and
    the reorganisations that happened by today, terms and the official public holidays."""
    settings.update(None, dict(SETTINGS))
    for key, effective_on, value in DATED_SETTINGS:
        if effective_on <= ctx.today:
            settings.change_from(None, key, effective_on, value)
    for spec in AGENCIES:
        if spec.since is not None and spec.since > ctx.today:
            continue
        agency = admin.create_agency(
            None,
            code=spec.code,
            name_vi=spec.name_vi,
            name_en=spec.name_en,
            level=spec.level,
            is_office=spec.is_office,
            in_bloc=spec.in_bloc,
            primary_field=spec.field,
            active=True,
        )
        created = utc(spec.since or date(FIRST_YEAR, 1, 3), 8)
        agency.created_at = agency.updated_at = created
        ctx.agencies[spec.code] = agency
    for change in REORGANISATION:
        if change.effective_on > ctx.today:
            continue
        agencies.reorganise(
            None,
            ctx.agencies[change.code],
            effective_on=change.effective_on,
            successor_ids=[ctx.agencies[code].id for code in change.successors],
            note=change.note,
        )
    for spec in TERMS:
        ctx.terms.append(
            admin.create_term(None, name=spec.name, start_date=spec.start, end_date=spec.end)
        )
    for year in range(FIRST_YEAR, ctx.today.year + 2):
        admin.import_holidays(None, year)
    ctx.holidays, ctx.workdays = (set(days) for days in compliance.calendar_days())
    ctx.summary.agencies = len(ctx.agencies)
    ctx.summary.terms = len(ctx.terms)
    ctx.summary.holidays = len(ctx.holidays) + len(ctx.workdays)


def seed_people(ctx: Context) -> None:
    """The demo accounts, all with DEMO_PASSWORD (one hash for all: hashing is slow). The
    Office's people belong to the Office of today; a liaison of a department that does not
    exist yet has no account yet."""
    password_hash = hash_password(DEMO_PASSWORD)
    changed = utc(ctx.today - timedelta(days=1), 8)
    for username, full_name, role, agency_code in DEMO_USERS:
        if role in OFFICE_ROLES:
            agency_code = office_on(ctx.today)
        if agency_code is not None and agency_code not in ctx.agencies:
            continue
        since = AGENCY_BY_CODE[agency_code].since if role is Role.LIAISON else None
        created = utc(since or date(FIRST_YEAR, 1, 3), 9)
        user = User(
            username=username,
            full_name=full_name,
            email=f"{username}@{EMAIL_DOMAIN}",
            password_hash=password_hash,
            role=role,
            agency=ctx.agencies[agency_code] if agency_code else None,
            active=True,
            locale="vi",
            password_changed_at=changed,
            created_at=created,
            updated_at=created,
        )
        ctx.users[username] = user
        if role is Role.LIAISON and agency_code:
            ctx.liaison[agency_code] = user
        ctx.summary.accounts.append((username, full_name, role.value, agency_code or ""))
    ctx.office_staff = [ctx.users[name] for name in OFFICE_STAFF]
    db.session.add_all(ctx.users.values())
    ctx.summary.users = len(ctx.users)
