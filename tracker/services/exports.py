"""Lists as files: CSV (UTF-8 with a byte-order mark, so Excel opens Vietnamese right) and
XLSX (openpyxl). The caller gives the rows it may show (its named query, already limited to
what the user may see) and the columns; nothing here queries."""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tracker.services.calendar import LOCAL_TZ


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any], Any]
    width: int = 18


def _cell(value: Any) -> Any:
    """A value a spreadsheet reads: dates as dates, instants in Vietnam's time, enums as
    their words, and text that Excel would run as a formula defused."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(LOCAL_TZ)
        return value.replace(tzinfo=None)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(columns: list[Column], rows: Iterable[Any]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.heading for c in columns])
    for row in rows:
        values = []
        for column in columns:
            value = _cell(column.value(row))
            if isinstance(value, datetime):
                value = value.strftime("%d/%m/%Y %H:%M")
            elif isinstance(value, date):
                value = value.strftime("%d/%m/%Y")
            values.append("" if value is None else value)
        writer.writerow(values)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(title: str, columns: list[Column], rows: Iterable[Any]) -> bytes:
    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([c.heading for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row in rows:
        sheet.append([_cell(column.value(row)) for column in columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
