"""Typed settings with defaults: the province's and the Office's names, report deadlines."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from tracker.enums import AuditAction, ReportKind
from tracker.extensions import db
from tracker.models import Setting
from tracker.services.audit import record


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: object
    default: str | int
    kind: type = str
    minimum: int = 0
    maximum: int = 60


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("province_name", _l("Province name"), "Kon Tum"),
    SettingSpec("party_committee_name", _l("Provincial Party Committee"), "Tỉnh ủy Kon Tum"),
    SettingSpec("office_name", _l("Office name"), "Ban Tuyên giáo Tỉnh ủy"),
    SettingSpec("deadline_days_monthly", _l("Monthly report deadline (working days)"), 3, int),
    SettingSpec("deadline_days_quarterly", _l("Quarterly report deadline (working days)"), 5, int),
    SettingSpec("deadline_days_six_month", _l("Six-month report deadline (working days)"), 5, int),
    SettingSpec("deadline_days_annual", _l("Annual report deadline (working days)"), 7, int),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}


def get_all() -> dict[str, str | int]:
    """Every setting, stored value or default, converted to its type."""
    stored = {s.key: s.value for s in db.session.scalars(db.select(Setting))}
    out: dict[str, str | int] = {}
    for spec in SPECS:
        raw = stored.get(spec.key)
        out[spec.key] = spec.default if raw is None else spec.kind(raw)
    return out


def get(key: str) -> str | int:
    spec = SPEC_BY_KEY[key]
    row = db.session.get(Setting, key)
    return spec.default if row is None else spec.kind(row.value)


def deadline_days(kind: ReportKind, values: dict | None = None) -> int:
    """Working days after the cut-off allowed for a report kind."""
    values = values or get_all()
    return int(values[f"deadline_days_{kind.value}"])


def update(actor, values: dict[str, str | int]) -> dict[str, str | int]:
    """Store the given settings (validated by the form), audited as one change."""
    before = get_all()
    for key, value in values.items():
        spec = SPEC_BY_KEY[key]
        row = db.session.get(Setting, key)
        if row is None:
            db.session.add(Setting(key=key, value=str(spec.kind(value))))
        else:
            row.value = str(spec.kind(value))
    db.session.flush()
    after = get_all()
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
