"""The administrator's work: agencies, user accounts, terms and public holidays.

Every function here checks its own rules (unique codes and names, the agency tree, the
roles' agencies, terms that never overlap), changes the objects, flushes, and records exactly
one audit row with before/after snapshots. None of them commits: the caller (a view, the CLI,
a test) commits once. A broken rule raises :class:`ValidationError`, whose message is ready to
show to the user; nothing has been changed when it is raised.

The services trust their caller for the role check (``permission_required`` on the routes);
the ``actor`` is the administrator doing the work, recorded in the audit trail and protected
from locking themselves out.
"""

import re
from datetime import date
from typing import Any

import holidays as holidays_lib
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from tracker.enums import OFFICE_ROLES, AgencyLevel, AuditAction, HolidayKind, Role, Sector
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.models import Agency, Holiday, Term, User
from tracker.services import accounts, calendar
from tracker.services.audit import events_query, record, snapshot
from tracker.services.errors import ValidationError
from tracker.services.passwords import MAX_LENGTH, MIN_LENGTH, hash_password
from tracker.services.validation import clean_enum, clean_text

#: What an audit row shows of each object (never a password or its hash).
AGENCY_FIELDS = (
    "code",
    "name_vi",
    "name_en",
    "level",
    "parent_id",
    "is_office",
    "in_bloc",
    "primary_field",
    "active",
)
USER_FIELDS = ("username", "full_name", "email", "role", "agency_id", "active", "locale")
TERM_FIELDS = ("name", "start_date", "end_date")
HOLIDAY_FIELDS = ("day", "name", "kind")

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9._@-]{1,64}", re.ASCII)
AGENCY_CODE_PATTERN = re.compile(r"[A-Z0-9._-]{1,20}", re.ASCII)


def _only(fields: dict, allowed: tuple[str, ...]) -> dict:
    """Refuse unknown keys: the services take declared fields, never a whole form or request."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    return fields


def _changes(obj: Any, values: dict) -> dict:
    return {k: v for k, v in values.items() if getattr(obj, k) != v}


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _insert(actor: User | None, obj: Any, fields: tuple[str, ...], detail: str = "") -> Any:
    """Add a new row and audit its creation."""
    db.session.add(obj)
    db.session.flush()
    record(actor, AuditAction.CREATE, obj, after=snapshot(obj, fields), detail=detail)
    return obj


def _apply(actor: User | None, obj: Any, values: dict, fields: tuple[str, ...]) -> Any:
    """Set the given values and audit what really changed (no row when nothing did)."""
    before = snapshot(obj, fields)
    for key, value in _changes(obj, values).items():
        setattr(obj, key, value)
    db.session.flush()
    changed_before, changed_after = _diff(before, snapshot(obj, fields))
    if changed_after:
        record(actor, AuditAction.UPDATE, obj, before=changed_before, after=changed_after)
    return obj


def _text(value: Any, field: str, *, required: bool, max_length: int) -> str:
    return clean_text(value, field, required=required, max_length=max_length)


def _enum(enum_cls, value: Any, field: str, *, optional: bool = False):
    return clean_enum(enum_cls, value, field, optional=optional)


def _check_password(password: str, field: str = "password") -> None:
    if not (MIN_LENGTH <= len(password or "") <= MAX_LENGTH):
        raise ValidationError(
            _(
                "The password must have between %(min)d and %(max)d characters.",
                min=MIN_LENGTH,
                max=MAX_LENGTH,
            ),
            field,
        )


# -- queries used by the administration pages ----------------------------------------------------


def agencies_query(*, active_only: bool = False) -> sa.Select:
    """Every agency (or every active one), the Office first, then by level and code."""
    provinces_first = sa.case((Agency.level == AgencyLevel.PROVINCE, 0), else_=1)
    stmt = sa.select(Agency).options(selectinload(Agency.parent))
    if active_only:
        stmt = stmt.where(Agency.active)
    return stmt.order_by(Agency.is_office.desc(), provinces_first, Agency.code)


def users_query(role: Role | None = None, agency_id: int | None = None) -> sa.Select:
    stmt = sa.select(User).order_by(User.role, sa.func.lower(User.username))
    if role is not None:
        stmt = stmt.where(User.role == role)
    if agency_id is not None:
        stmt = stmt.where(User.agency_id == agency_id)
    return stmt


def terms_query() -> sa.Select:
    return sa.select(Term).order_by(Term.start_date.desc())


def holidays_in_year(year: int) -> sa.Select:
    return (
        sa.select(Holiday)
        .where(Holiday.day.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(Holiday.day)
    )


def holiday_years() -> tuple[int, int] | None:
    """The first and last years that have a holiday, or None when there is none."""
    stmt = sa.select(sa.func.min(Holiday.day), sa.func.max(Holiday.day))
    first, last = db.session.execute(stmt).one()
    if first is None:
        return None
    return first.year, last.year


def overview(year: int) -> dict[str, int]:
    """The counts on the administration's front page."""

    def count(stmt) -> int:
        return db.session.scalar(stmt) or 0

    return {
        "agencies": count(sa.select(sa.func.count(Agency.id))),
        "active_agencies": count(sa.select(sa.func.count(Agency.id)).where(Agency.active)),
        "users": count(sa.select(sa.func.count(User.id))),
        "active_users": count(sa.select(sa.func.count(User.id)).where(User.active)),
        # The count of the list it links to: the audit page's own query, unfiltered.
        "audit_events": count(
            sa.select(sa.func.count()).select_from(events_query().order_by(None).subquery())
        ),
        "terms": count(sa.select(sa.func.count(Term.id))),
        "holidays": count(
            sa.select(sa.func.count()).select_from(holidays_in_year(year).subquery())
        ),
    }


# -- agencies --------------------------------------------------------------------------------


def _clean_agency(values: dict, agency: Agency | None) -> dict:
    out = dict(values)
    if "code" in out:
        code = _text(out["code"], "code", required=True, max_length=20).upper()
        if not AGENCY_CODE_PATTERN.fullmatch(code):
            raise ValidationError(
                _("Use letters without accents, digits, dots, hyphens or underscores."), "code"
            )
        clash = db.session.scalar(
            sa.select(Agency).where(
                sa.func.upper(Agency.code) == code,
                Agency.id != (agency.id if agency is not None and agency.id else -1),
            )
        )
        if clash is not None:
            raise ValidationError(
                _(
                    "The code %(code)s is already used by %(name)s.",
                    code=code,
                    name=clash.name_vi,
                ),
                "code",
            )
        out["code"] = code
    if "name_vi" in out:
        out["name_vi"] = _text(out["name_vi"], "name_vi", required=True, max_length=200)
    if "name_en" in out:
        out["name_en"] = _text(out["name_en"], "name_en", required=False, max_length=200)
    if "level" in out:
        out["level"] = _enum(AgencyLevel, out["level"], "level")
    if "primary_field" in out:
        out["primary_field"] = _enum(Sector, out["primary_field"], "primary_field", optional=True)
    for flag in ("is_office", "in_bloc", "active"):
        if flag in out:
            out[flag] = bool(out[flag])
    if "parent_id" in out:
        out["parent_id"] = _check_parent(agency, out["parent_id"])
    if agency is not None and agency.is_office and out.get("is_office") is False:
        staff = db.session.scalar(
            sa.select(sa.func.count(User.id)).where(
                User.agency_id == agency.id, User.role.in_(OFFICE_ROLES)
            )
        )
        if staff:
            raise ValidationError(
                _(
                    "%(code)s has Office staff or leadership accounts: it stays the Office "
                    "until they are moved to another Office agency.",
                    code=agency.code,
                ),
                "is_office",
            )
    return out


def _check_parent(agency: Agency | None, parent_id: Any) -> int | None:
    """The parent must exist, and must not be the agency itself or one of its descendants."""
    if parent_id in (None, "", 0):
        return None
    parent = db.session.get(Agency, int(parent_id))
    if parent is None:
        raise ValidationError(_("Choose a value from the list."), "parent_id")
    if agency is None or agency.id is None:
        return parent.id
    if parent.id == agency.id:
        raise ValidationError(_("An agency cannot be its own parent."), "parent_id")
    seen: set[int] = set()
    ancestor: Agency | None = parent
    while ancestor is not None and ancestor.id not in seen:
        if ancestor.id == agency.id:
            raise ValidationError(
                _(
                    "%(name)s belongs to this agency: it cannot also be its parent.",
                    name=parent.name_vi,
                ),
                "parent_id",
            )
        seen.add(ancestor.id)
        ancestor = ancestor.parent
    return parent.id


def create_agency(actor: User | None, **fields) -> Agency:
    """Add an agency. Raises ValidationError for a used code, a missing name or a bad parent."""
    values = _clean_agency(_only(fields, AGENCY_FIELDS), None)
    values.setdefault("level", AgencyLevel.PROVINCE)
    return _insert(actor, Agency(**values), AGENCY_FIELDS)


def update_agency(actor: User | None, agency: Agency, **fields) -> Agency:
    """Change an agency. Besides the create rules: no cycle in the agency tree, and an agency
    with Office staff or leadership accounts stays the Office. Audited only if changed."""
    values = _clean_agency(_only(fields, AGENCY_FIELDS), agency)
    return _apply(actor, agency, values, AGENCY_FIELDS)


# -- users -------------------------------------------------------------------------------------


def _clean_user(values: dict, user: User | None) -> dict:
    out = dict(values)
    if "username" in out:
        username = str(out["username"] or "").strip()
        if not username:
            raise ValidationError(_("This field is required."), "username")
        if not USERNAME_PATTERN.fullmatch(username):
            raise ValidationError(
                _(
                    "Use at most 64 letters without accents, digits, dots, hyphens, "
                    "underscores or @."
                ),
                "username",
            )
        clash = db.session.scalar(
            sa.select(User).where(
                sa.func.lower(User.username) == username.lower(),
                User.id != (user.id if user is not None and user.id else -1),
            )
        )
        if clash is not None:
            raise ValidationError(
                _("The username %(username)s is already taken.", username=clash.username),
                "username",
            )
        out["username"] = username
    if "full_name" in out:
        out["full_name"] = _text(out["full_name"], "full_name", required=True, max_length=200)
    if "email" in out:
        out["email"] = _text(out["email"], "email", required=False, max_length=254) or None
    if "role" in out:
        out["role"] = _enum(Role, out["role"], "role")
    if "locale" in out and out["locale"] not in current_app.config["LANGUAGES"]:
        raise ValidationError(_("Choose a value from the list."), "locale")
    if "active" in out:
        out["active"] = bool(out["active"])
    if "agency_id" in out:
        out["agency_id"] = int(out["agency_id"]) if out["agency_id"] not in (None, "", 0) else None
    return out


def _check_role_agency(role: Role, agency_id: int | None) -> None:
    agency = db.session.get(Agency, agency_id) if agency_id is not None else None
    if agency_id is not None and agency is None:
        raise ValidationError(_("Choose a value from the list."), "agency_id")
    if role == Role.LIAISON and agency is None:
        raise ValidationError(_("A department liaison must belong to an agency."), "agency_id")
    if role in OFFICE_ROLES and (agency is None or not agency.is_office):
        raise ValidationError(
            _(
                "Office staff and leadership must belong to the Office "
                "(an agency marked as the Office)."
            ),
            "agency_id",
        )


def create_user(actor: User | None, password: str, **fields) -> User:
    """Add an account with an initial password (hashed; never in the audit trail).

    Raises ValidationError for a taken username (case-insensitive), a short password, a
    liaison without an agency, or Office staff or leadership outside the Office.
    """
    values = _clean_user(_only(fields, USER_FIELDS), None)
    for required in ("username", "full_name", "role"):
        if required not in values:
            raise ValidationError(_("This field is required."), required)
    _check_role_agency(values["role"], values.get("agency_id"))
    _check_password(password)
    detail = "" if actor is not None else "flask create-admin"
    return _insert(
        actor, User(password_hash=hash_password(password), **values), USER_FIELDS, detail
    )


def update_user(actor: User | None, user: User, **fields) -> User:
    """Change an account. Disabling it ends all its sessions. Administrators cannot disable
    or demote themselves (ValidationError), so there is always one who can log in."""
    values = _clean_user(_only(fields, USER_FIELDS), user)
    if actor is not None and actor.id == user.id:
        if values.get("active") is False:
            raise ValidationError(_("You cannot disable your own account."), "active")
        if "role" in values and values["role"] != user.role:
            raise ValidationError(_("You cannot change the role of your own account."), "role")
    _check_role_agency(values.get("role", user.role), values.get("agency_id", user.agency_id))
    was_active = user.active
    _apply(actor, user, values, USER_FIELDS)
    if was_active and not user.active:
        user.end_all_sessions()
        db.session.flush()
    return user


def reset_password(actor: User, user: User, new_password: str) -> None:
    """Give a user a new password chosen by the administrator; every session of theirs ends.

    Administrators change their own password on their account page, which asks for the
    current one: resetting one's own here raises ValidationError.
    """
    if actor is not None and actor.id == user.id:
        raise ValidationError(_("Change your own password on your account page."), "password")
    _check_password(new_password)
    accounts.change_password(user, new_password, actor)


def create_first_admin(username: str, full_name: str, password: str) -> User:
    """An administrator account made from the command line (the first one in production);
    its audit row has no actor.

    Raises ValidationError for a taken username or a password shorter than MIN_LENGTH.
    """
    return create_user(
        None,
        password,
        username=username,
        full_name=full_name,
        role=Role.ADMIN,
        agency_id=None,
        active=True,
        locale="vi",
    )


# -- terms -------------------------------------------------------------------------------------


def overlapping_term(start: date, end: date | None, exclude_id: int | None = None) -> Term | None:
    """The earliest term sharing a day with [start, end] (end None: open-ended), if any."""
    stmt = sa.select(Term).where(sa.or_(Term.end_date.is_(None), Term.end_date >= start))
    if end is not None:
        stmt = stmt.where(Term.start_date <= end)
    if exclude_id is not None:
        stmt = stmt.where(Term.id != exclude_id)
    return db.session.scalars(stmt.order_by(Term.start_date).limit(1)).first()


def _clean_term(values: dict, term: Term | None) -> dict:
    out = dict(values)
    if "name" in out:
        name = _text(out["name"], "name", required=True, max_length=50)
        clash = db.session.scalar(
            sa.select(Term).where(
                sa.func.lower(Term.name) == name.lower(),
                Term.id != (term.id if term is not None and term.id else -1),
            )
        )
        if clash is not None:
            raise ValidationError(
                _("There is already a term named %(name)s.", name=clash.name), "name"
            )
        out["name"] = name
    start = out.get("start_date", term.start_date if term is not None else None)
    end = out.get("end_date", term.end_date if term is not None else None)
    if start is None:
        raise ValidationError(_("This field is required."), "start_date")
    if end is not None and end < start:
        raise ValidationError(_("The end date must not be before the start date."), "end_date")
    other = overlapping_term(start, end, exclude_id=term.id if term is not None else None)
    if other is not None:
        raise ValidationError(
            _(
                "These dates overlap the term %(name)s (%(start)s – %(end)s). "
                "Terms cannot overlap.",
                name=other.name,
                start=fmt_date(other.start_date),
                end=fmt_date(other.end_date) if other.end_date else _("open-ended"),
            ),
            "start_date",
        )
    return out


def create_term(actor: User | None, **fields) -> Term:
    """Add a term. Raises ValidationError for a used name, an end before the start, or dates
    that overlap another term (named in the message); a term without an end is open-ended."""
    values = _clean_term(_only(fields, TERM_FIELDS), None)
    return _insert(actor, Term(**values), TERM_FIELDS)


def update_term(actor: User | None, term: Term, **fields) -> Term:
    """Change a term under the same rules as ``create_term``."""
    values = _clean_term(_only(fields, TERM_FIELDS), term)
    return _apply(actor, term, values, TERM_FIELDS)


# -- public holidays ---------------------------------------------------------------------------


def _clean_holiday(values: dict, holiday: Holiday | None) -> dict:
    out = dict(values)
    if "day" in out:
        day = out["day"]
        if day is None:
            raise ValidationError(_("This field is required."), "day")
        clash = db.session.scalar(
            sa.select(Holiday).where(
                Holiday.day == day,
                Holiday.id != (holiday.id if holiday is not None and holiday.id else -1),
            )
        )
        if clash is not None:
            raise ValidationError(
                _(
                    "%(date)s is already a holiday: %(name)s.",
                    date=fmt_date(day),
                    name=clash.name,
                ),
                "day",
            )
    if "name" in out:
        out["name"] = _text(out["name"], "name", required=True, max_length=200)
    if "kind" in out:
        out["kind"] = _enum(HolidayKind, out["kind"], "kind")
    return out


def create_holiday(actor: User | None, **fields) -> Holiday:
    """Add a day off. Raises ValidationError if the date already is one."""
    values = _clean_holiday(_only(fields, HOLIDAY_FIELDS), None)
    values.setdefault("kind", HolidayKind.DAY_OFF)
    for required in HOLIDAY_FIELDS:
        if required not in values:
            raise ValidationError(_("This field is required."), required)
    return _insert(actor, Holiday(**values), HOLIDAY_FIELDS)


def update_holiday(actor: User | None, holiday: Holiday, **fields) -> Holiday:
    values = _clean_holiday(_only(fields, HOLIDAY_FIELDS), holiday)
    return _apply(actor, holiday, values, HOLIDAY_FIELDS)


def delete_holiday(actor: User | None, holiday: Holiday) -> None:
    before = snapshot(holiday, HOLIDAY_FIELDS)
    record(actor, AuditAction.DELETE, holiday, before=before)
    db.session.delete(holiday)
    db.session.flush()


def _vietnam(year: int):
    supported = getattr(holidays_lib.Vietnam, "supported_languages", ()) or ()
    if "vi" in supported:
        return holidays_lib.Vietnam(years=year, language="vi")
    return holidays_lib.Vietnam(years=year)


def official_holidays(year: int) -> dict[date, str]:
    """Vietnam's public holidays and substituted days off for a year, from ``holidays``,
    named in Vietnamese when the installed version can (else its default names)."""
    return dict(sorted(_vietnam(year).items()))


def official_working_days(year: int) -> dict[date, str]:
    """The weekend days of ``year`` worked in exchange for a day off (Saturday 26/04/2025 for
    Friday 02/05/2025), each named after the day off it pays for."""
    found = _vietnam(year)
    worked = sorted(d for d in getattr(found, "weekend_workdays", ()) if d.year == year)
    out = {}
    for day in worked:
        paid = next(
            (off for off, name in found.items() if day.strftime("%d/%m/%Y") in str(name)), None
        )
        out[day] = (
            _("Working day in exchange for the day off of %(day)s", day=fmt_date(paid))
            if paid
            else _("Working day in exchange for a day off")
        )
    return out


def import_holidays(actor: User | None, year: int) -> int:
    """Add the official holidays of ``year`` that are not in the table yet; return how many.

    Dates already present (edited or added by hand) are left alone. One audit row lists the
    days added; importing nothing new records nothing.
    """
    if not (calendar.MIN_YEAR <= year <= calendar.MAX_YEAR):
        raise ValidationError(
            _(
                "Choose a year between %(first)d and %(last)d.",
                first=calendar.MIN_YEAR,
                last=calendar.MAX_YEAR,
            ),
            "year",
        )
    present = set(db.session.scalars(holidays_in_year(year).with_only_columns(Holiday.day)))
    added = []
    official = [(d, n, HolidayKind.DAY_OFF) for d, n in official_holidays(year).items()]
    official += [(d, n, HolidayKind.WORKING_DAY) for d, n in official_working_days(year).items()]
    for day, name, kind in sorted(official):
        if day in present:
            continue
        holiday = Holiday(day=day, name=str(name)[:200], kind=kind)
        db.session.add(holiday)
        added.append(holiday)
    if not added:
        return 0
    db.session.flush()
    record(
        actor,
        AuditAction.CREATE,
        object_type="holiday",
        after={"year": year, "added": [snapshot(h, HOLIDAY_FIELDS) for h in added]},
        detail=f"import {year}",
    )
    return len(added)
