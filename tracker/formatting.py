"""How values read to a person: dates, numbers, agency names and report periods.

Services (for messages and PDFs) and templates (as filters) use the same functions, so a date
or a period reads the same everywhere. Periods read as people say them ("Tháng 11/2026",
"Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026"); the codes (``2026-11``, ``2026-Q4``) stay
in URLs and the API.
"""

import re
from datetime import date, datetime
from functools import lru_cache

from babel.dates import get_month_names
from babel.numbers import format_decimal as babel_format_decimal
from flask_babel import format_date, format_datetime, format_decimal, get_locale, lazy_pgettext
from flask_babel import gettext as _

from tracker.enums import ReportKind

#: Quarters as people write them: "Q4" in English, "Quý IV" in Vietnamese (Roman numerals).
QUARTERS = {
    1: lazy_pgettext("quarter", "Q1"),
    2: lazy_pgettext("quarter", "Q2"),
    3: lazy_pgettext("quarter", "Q3"),
    4: lazy_pgettext("quarter", "Q4"),
}
#: The same inside a sentence ("Báo cáo quý IV/2026").
QUARTERS_IN_SENTENCE = {
    1: lazy_pgettext("quarter in a sentence", "Q1"),
    2: lazy_pgettext("quarter in a sentence", "Q2"),
    3: lazy_pgettext("quarter in a sentence", "Q3"),
    4: lazy_pgettext("quarter in a sentence", "Q4"),
}
_AD_HOC_LABEL = re.compile(r"(\d{4})-AH(\d{2,3})", re.ASCII)


def locale_code() -> str:
    return str(get_locale() or "vi")


def fmt_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy in Vietnamese, "5 Mar 2025" in English; a datetime gives its local date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "dd/MM/yyyy" if locale_code() == "vi" else "d MMM yyyy")
    return format_date(value, "dd/MM/yyyy" if locale_code() == "vi" else "d MMM yyyy")


def fmt_datetime(value: datetime | None) -> str:
    """An instant in Vietnam's local time."""
    if value is None:
        return ""
    pattern = "HH:mm dd/MM/yyyy" if locale_code() == "vi" else "d MMM yyyy, HH:mm"
    return format_datetime(value, pattern)


def fmt_number(value) -> str:
    value = value or 0
    locale = get_locale()
    if type(value) is int and locale is not None:
        # A page of figures formats hundreds of whole numbers: each is worked out once.
        return _whole_number(value, locale)
    return format_decimal(value)


@lru_cache(maxsize=4096)
def _whole_number(value: int, locale) -> str:
    return babel_format_decimal(value, locale=locale)


def fmt_percent(rate: float | None) -> str:
    """A rate between 0 and 1 as a whole percentage; a dash when there is nothing to divide."""
    if rate is None:
        return "–"
    return f"{round(rate * 100)}%"


def agency_name(agency) -> str:
    return agency.name(locale_code()) if agency is not None else ""


def period_name(kind: ReportKind | str, label: str) -> str:
    """A period as people say it, from its kind and code; the code itself if it is not one."""
    try:
        kind = ReportKind(kind)
        if kind is ReportKind.MONTHLY:
            year, month = int(label[:4]), int(label[5:7])
            month_name = get_month_names("wide", "stand-alone", locale_code())[month]
            # Vietnamese: "Tháng 11/2026"; English: "November 2026".
            return _("%(month_name)s %(year)d", month_name=month_name, year=year)
        if kind is ReportKind.QUARTERLY:
            year, quarter = int(label[:4]), int(label[6])
            # Vietnamese "Quý IV/2026", English "Q4 2026".
            return _("%(quarter)s %(year)d", quarter=QUARTERS[quarter], year=year)
        if kind is ReportKind.SIX_MONTH:
            return _("H1 %(year)d", year=int(label[:4]))
        if kind is ReportKind.ANNUAL:
            return _("Year %(year)d", year=int(label))
        match = _AD_HOC_LABEL.fullmatch(label)
        if match:
            return _(
                "Ad hoc no. %(number)d, %(year)d",
                number=int(match.group(2)),
                year=int(match.group(1)),
            )
    except (ValueError, KeyError, IndexError):
        pass
    return label


def period_short(kind: ReportKind | str, label: str) -> str:
    """A period under its year's heading in a table: "7" for July, "Quý III" / "Q3"."""
    try:
        kind = ReportKind(kind)
        if kind is ReportKind.MONTHLY:
            return str(int(label[5:7]))
        if kind is ReportKind.QUARTERLY:
            return str(QUARTERS[int(label[6])])
    except (ValueError, KeyError, IndexError):
        pass
    return period_name(kind, label)


def report_title(kind: ReportKind | str, label: str) -> str:
    """What a report is called: "Báo cáo tháng 11/2026", "Quarterly report, Q4 2026"."""
    try:
        kind = ReportKind(kind)
        year = int(label[:4])
        if kind is ReportKind.MONTHLY:
            month = int(label[5:7])
            # In a sentence: Vietnamese "tháng 11", English "November".
            month_name = get_month_names("wide", "format", locale_code())[month]
            return _("Monthly report, %(month_name)s %(year)d", month_name=month_name, year=year)
        if kind is ReportKind.QUARTERLY:
            quarter = QUARTERS_IN_SENTENCE[int(label[6])]
            return _("Quarterly report, %(quarter)s %(year)d", quarter=quarter, year=year)
        if kind is ReportKind.SIX_MONTH:
            return _("Six-month report, H1 %(year)d", year=year)
        if kind is ReportKind.ANNUAL:
            return _("Annual report %(year)d", year=year)
        match = _AD_HOC_LABEL.fullmatch(label)
        if match:
            number = int(match.group(2))
            return _("Ad hoc report no. %(number)d, %(year)d", number=number, year=year)
    except (ValueError, KeyError, IndexError):
        pass
    return label
