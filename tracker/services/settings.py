"""Typed settings with defaults: the names of the province, its Party committee and the Office,
the report deadlines and the issues' response deadlines by sensitivity.

The names of bodies change with dates (the Office became *Ban Tuyên giáo và Dân vận* on
01/03/2025; Kon Tum joined Quảng Ngãi on 01/07/2025), and a document names them as they were
on its date. So a setting has a value from a day on: ``get_all(on=day)`` gives the values in
force that day. Undated settings (the deadlines) have one value, from ``ALWAYS``.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from tracker.enums import AuditAction, ReportKind, Sensitivity
from tracker.extensions import db
from tracker.models import Setting
from tracker.models.reference import ALWAYS
from tracker.services.audit import record
from tracker.services.calendar import today_local
from tracker.services.errors import ValidationError
from tracker.text import has_forbidden_characters


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: object
    default: str | int
    kind: type = str
    minimum: int = 0
    maximum: int = 60
    #: A name that may change with a date (documents name bodies as they were).
    dated: bool = False


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("province_name", _l("Province name"), "Kon Tum", dated=True),
    SettingSpec(
        "party_committee_name", _l("Provincial Party Committee"), "Tỉnh ủy Kon Tum", dated=True
    ),
    SettingSpec("office_name", _l("Office name"), "Ban Tuyên giáo Tỉnh ủy", dated=True),
    SettingSpec("deadline_days_monthly", _l("Monthly report deadline (working days)"), 3, int),
    SettingSpec("deadline_days_quarterly", _l("Quarterly report deadline (working days)"), 5, int),
    SettingSpec("deadline_days_six_month", _l("Six-month report deadline (working days)"), 5, int),
    SettingSpec("deadline_days_annual", _l("Annual report deadline (working days)"), 7, int),
    SettingSpec(
        "response_days_low",
        _l("Response deadline for a slightly sensitive issue (days)"),
        15,
        int,
        minimum=1,
        maximum=90,
    ),
    SettingSpec(
        "response_days_medium",
        _l("Response deadline for a sensitive issue (days)"),
        10,
        int,
        minimum=1,
        maximum=90,
    ),
    SettingSpec(
        "response_days_high",
        _l("Response deadline for a highly sensitive issue (days)"),
        5,
        int,
        minimum=1,
        maximum=90,
    ),
    SettingSpec(
        "response_days_critical",
        _l("Response deadline for an extremely sensitive issue (days)"),
        2,
        int,
        minimum=1,
        maximum=90,
    ),
    SettingSpec(
        "api_token_days", _l("API tokens expire after (days)"), 30, int, minimum=1, maximum=365
    ),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}
DATED_KEYS = tuple(s.key for s in SPECS if s.dated)


def _in_force(on: date) -> sa.Select:
    """The rows in force on a day: per key, the latest that started on or before it."""
    latest = (
        sa.select(Setting.key, sa.func.max(Setting.effective_on).label("effective_on"))
        .where(Setting.effective_on <= on)
        .group_by(Setting.key)
        .subquery()
    )
    return sa.select(Setting).join(
        latest,
        sa.and_(Setting.key == latest.c.key, Setting.effective_on == latest.c.effective_on),
    )


def get_all(on: date | None = None) -> dict[str, str | int]:
    """Every setting in force on a day (today by default), stored value or default, typed."""
    stored = {s.key: s.value for s in db.session.scalars(_in_force(on or today_local()))}
    out: dict[str, str | int] = {}
    for spec in SPECS:
        raw = stored.get(spec.key)
        out[spec.key] = spec.default if raw is None else spec.kind(raw)
    return out


def get(key: str, on: date | None = None) -> str | int:
    return get_all(on)[key]


def deadline_days(kind: ReportKind, values: dict | None = None) -> int:
    """Working days after the cut-off allowed for a report kind."""
    values = values or get_all()
    return int(values[f"deadline_days_{kind.value}"])


def response_days(sensitivity: Sensitivity, values: dict | None = None) -> int:
    """Days from first seen allowed for the response to an issue of a sensitivity."""
    values = values or get_all()
    return int(values[f"response_days_{Sensitivity(sensitivity).value}"])


def history() -> list[Setting]:
    """Every dated value of the names, oldest first (the settings page shows them)."""
    return list(
        db.session.scalars(
            sa.select(Setting)
            .where(Setting.key.in_(DATED_KEYS))
            .order_by(Setting.key, Setting.effective_on)
        )
    )


def _row_in_force(key: str, on: date) -> Setting | None:
    return db.session.scalar(
        sa.select(Setting)
        .where(Setting.key == key, Setting.effective_on <= on)
        .order_by(Setting.effective_on.desc())
        .limit(1)
    )


def update(actor, values: dict[str, str | int]) -> dict[str, str | int]:
    """Change the values in force today (validated by the form), audited as one change.

    A dated name changes the value of the period it is in today; to record a change of name
    from a day on, use ``change_from``."""
    today = today_local()
    before = get_all(today)
    for key, value in values.items():
        spec = SPEC_BY_KEY[key]
        text = str(spec.kind(value))
        row = _row_in_force(key, today)
        if row is None:
            db.session.add(Setting(key=key, effective_on=ALWAYS, value=text))
        else:
            row.value = text
    db.session.flush()
    after = get_all(today)
    changed_before = {k: v for k, v in before.items() if after[k] != v}
    changed_after = {k: after[k] for k in changed_before}
    if changed_after:
        record(
            actor,
            AuditAction.UPDATE,
            object_type="setting",
            before=changed_before,
            after=changed_after,
        )
    return after


def change_from(actor, key: str, effective_on: date, value: str) -> Setting:
    """Record that a name changes from a day on (the Office renamed, provinces merged).

    Raises ValidationError for a key that is not a dated name, an empty value, or a day that
    already has a value for this key."""
    spec = SPEC_BY_KEY.get(key)
    if spec is None or not spec.dated:
        raise ValidationError(_("Choose a value from the list."), "key")
    text = " ".join(str(value or "").split())
    if not text:
        raise ValidationError(_("This field is required."), "value")
    if has_forbidden_characters(str(value)):
        raise ValidationError(_("Remove the invisible control characters from this text."), "value")
    if len(text) > 200:
        raise ValidationError(
            _("This field cannot be longer than %(max)d characters.", max=200), "value"
        )
    if effective_on is None or effective_on <= ALWAYS:
        raise ValidationError(_("Enter a date."), "effective_on")
    if db.session.get(Setting, (key, effective_on)) is not None:
        raise ValidationError(
            _("This name already has a value from that day: change it in the list above."),
            "effective_on",
        )
    if _row_in_force(key, effective_on) is None:
        # The name as it was before the change, so the past keeps reading right.
        db.session.add(Setting(key=key, effective_on=ALWAYS, value=str(spec.default)))
    row = Setting(key=key, effective_on=effective_on, value=text)
    db.session.add(row)
    db.session.flush()
    record(
        actor,
        AuditAction.CREATE,
        object_type="setting",
        after={"key": key, "effective_on": effective_on.isoformat(), "value": text},
    )
    return row
