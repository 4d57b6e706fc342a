"""The programme's records in and out as one workbook: agencies, terms, agreements with their
parties, commitments and periodic reports, one sheet each, with Vietnamese column headers.

``export_workbook`` writes what a user may see. ``import_workbook`` reads the same format (or a
template filled by hand): every row is checked by the rules the services enforce, and every
problem is listed by sheet, row and column. A dry run, or any problem, writes nothing (the
session is rolled back); otherwise everything is flushed for the caller's one commit. Records
are matched by their natural keys (an agency by code, a term by name, an agreement by number
and term, a commitment by agreement and position, a report by agency, kind and period), so
importing the same file twice creates nothing new, and a changed row updates its record with
an audit row. Imported reports keep their deadlines and submission and review instants, so
past timeliness comes out as it was.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import io
import re
import secrets
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy.orm import joinedload, selectinload

from tracker import labels, legacy_text
from tracker.enums import (
    PERIODIC_KINDS,
    AgencyLevel,
    AgreementStatus,
    AuditAction,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    Metric,
    PartyRole,
    Recurrence,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Role,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    ImportBatch,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Term,
)
from tracker.permissions import (
    agreements_visible_to,
    commitments_visible_to,
    issues_visible_to,
    own_agency_ids,
    reports_visible_to,
)
from tracker.services import admin as admin_service
from tracker.services import agreements as agreement_service
from tracker.services import attachments, calendar, compliance, settings
from tracker.services import commitments as commitment_service
from tracker.services import issues as issue_service
from tracker.services.audit import record, record_many, snapshot
from tracker.services.calendar import LOCAL_TZ
from tracker.services.errors import ValidationError
from tracker.services.validation import clean_text
from tracker.text import normalise

#: The most data rows read from one sheet (a bound on memory and time).
MAX_ROWS = 20_000
#: Progress updates are written this many at a time (one flush each).
FLUSH_EVERY = 500
#: How far down the header row may be (titles and merged cells above it).
HEADER_SEARCH_ROWS = 10

# -- the format -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # Vietnamese: the file's format, whatever the user's language
    kind: str = "text"  # text, long, date, instant, int, bool, enum, agency, term
    required: bool = False
    enum: type | None = None
    max_length: int = 300
    help: str = ""
    example: Any = ""


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple[Col, ...]

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)


AGENCIES = Sheet(
    "agencies",
    "Cơ quan",
    (
        Col("code", "Mã", required=True, max_length=20, help="Mã viết tắt, không dấu.",
            example="SYT"),
        Col("name_vi", "Tên cơ quan", required=True, max_length=200, example="Sở Y tế"),
        Col("name_en", "Tên tiếng Anh", max_length=200, example="Department of Health"),
        Col("level", "Cấp", kind="enum", enum=AgencyLevel, example=AgencyLevel.PROVINCE),
        Col("parent", "Cơ quan cấp trên", kind="agency", help="Mã hoặc tên."),
        Col("is_office", "Là Ban Tuyên giáo", kind="bool", example="Không"),
        Col("in_bloc", "Thuộc khối Khoa giáo", kind="bool", example="Có"),
        Col("primary_field", "Lĩnh vực chính", kind="enum", enum=Sector, example=Sector.HEALTH),
        Col("active", "Đang hoạt động", kind="bool", example="Có"),
        Col("dissolved_on", "Ngày thôi tồn tại", kind="date",
            help="Ngày đầu tiên cơ quan không còn (sáp nhập, giải thể)."),
    ),
)  # fmt: skip
TERMS = Sheet(
    "terms",
    "Giai đoạn",
    (
        Col("name", "Tên giai đoạn", required=True, max_length=50, example="2021-2025"),
        Col("start_date", "Từ ngày", kind="date", required=True, example="01/01/2021"),
        Col("end_date", "Đến ngày", kind="date", example="31/12/2025"),
    ),
)
AGREEMENTS = Sheet(
    "agreements",
    "Chương trình",
    (
        Col("number", "Số, ký hiệu", required=True, max_length=60, example="05-CTr/BTGTU-SYT"),
        Col("term", "Giai đoạn", kind="term", required=True, example="2021-2025"),
        Col("title", "Tên chương trình", required=True, max_length=500,
            example="Chương trình phối hợp công tác khoa giáo giai đoạn 2021-2025"),
        Col("signed_on", "Ngày ký", kind="date", example="15/03/2021"),
        Col("status", "Trạng thái", kind="enum", enum=AgreementStatus, required=True,
            example=AgreementStatus.IN_FORCE),
        Col("summary", "Tóm tắt", kind="long", max_length=5000),
    ),
)  # fmt: skip
PARTIES = Sheet(
    "parties",
    "Bên tham gia",
    (
        Col("number", "Số, ký hiệu", required=True, max_length=60, example="05-CTr/BTGTU-SYT"),
        Col("term", "Giai đoạn", kind="term", required=True, example="2021-2025"),
        Col("agency", "Cơ quan", kind="agency", required=True, help="Mã hoặc tên.",
            example="SYT"),
        Col("role", "Vai trò", kind="enum", enum=PartyRole, required=True,
            example=PartyRole.PARTNER),
        Col("signatory", "Người ký", max_length=200),
    ),
)  # fmt: skip
COMMITMENTS = Sheet(
    "commitments",
    "Nội dung phối hợp",
    (
        Col("number", "Số, ký hiệu", required=True, max_length=60, example="05-CTr/BTGTU-SYT"),
        Col("term", "Giai đoạn", kind="term", required=True, example="2021-2025"),
        Col("position", "STT", kind="int", required=True, help="Thứ tự trong chương trình.",
            example=1),
        Col("agency", "Cơ quan chủ trì", kind="agency", required=True, example="SYT"),
        Col("field", "Lĩnh vực", kind="enum", enum=Sector, required=True, example=Sector.HEALTH),
        Col("title", "Nội dung", required=True, max_length=300,
            example="Giáo dục y đức cho cán bộ y tế"),
        Col("description", "Mô tả", kind="long", max_length=5000),
        Col("evidence_expected", "Minh chứng cần có", kind="long", max_length=2000),
        Col("due_date", "Hạn hoàn thành", kind="date", example="31/12/2023"),
        Col("recurrence", "Định kỳ", kind="enum", enum=Recurrence, required=True,
            example=Recurrence.ONCE),
        Col("progress", "Tiến độ (%)", kind="int", example=0),
        Col("last_update_on", "Cập nhật lần cuối", kind="date"),
        Col("done_at", "Hoàn thành lúc", kind="instant"),
        Col("cancelled_at", "Hủy lúc", kind="instant"),
        Col("cancel_reason", "Lý do hủy", kind="long", max_length=2000),
    ),
)  # fmt: skip
REPORTS = Sheet(
    "reports",
    "Báo cáo",
    (
        Col("agency", "Cơ quan", kind="agency", required=True, help="Mã hoặc tên.",
            example="SYT"),
        Col("kind", "Loại báo cáo", kind="enum", enum=ReportKind, required=True,
            example=ReportKind.MONTHLY),
        Col("period", "Kỳ báo cáo", required=True, max_length=40,
            help="2025-01, 2025-Q1, 2025-H1, 2025; hoặc Tháng 1/2025, Quý I/2025, "
            "6 tháng đầu năm 2025, Năm 2025.",
            example="2025-01"),
        Col("deadline", "Hạn nộp", kind="date",
            help="Để trống: tính theo số ngày làm việc đã cài đặt."),
        Col("title", "Tiêu đề", max_length=300),
        Col("status", "Trạng thái", kind="enum", enum=ReportStatus, required=True,
            example=ReportStatus.ACCEPTED),
        Col("first_submitted_at", "Gửi lần đầu lúc", kind="instant",
            help="Giờ Việt Nam; quyết định báo cáo đúng hạn hay muộn.",
            example="16/01/2025 09:30"),
        Col("last_submitted_at", "Gửi lần cuối lúc", kind="instant"),
        Col("accepted_at", "Chấp nhận lúc", kind="instant", example="20/01/2025 14:00"),
        Col("situation", "Tình hình tư tưởng, dư luận", kind="long", max_length=20000),
        Col("results", "Kết quả phối hợp", kind="long", max_length=20000),
        Col("emerging_issues", "Vấn đề mới nảy sinh", kind="long", max_length=20000),
        Col("proposals", "Kiến nghị, đề xuất", kind="long", max_length=20000),
        Col("next_tasks", "Nhiệm vụ kỳ tới", kind="long", max_length=20000),
    ),
)  # fmt: skip

#: A progress update's figures, one column each.
METRIC_HEADERS = {
    Metric.CLASSES_HELD: "Số lớp đã tổ chức",
    Metric.PEOPLE_TRAINED: "Số người được tập huấn",
    Metric.ARTICLES_PUBLISHED: "Số bài viết đã đăng",
    Metric.EVENTS_HELD: "Số sự kiện đã tổ chức",
    Metric.MISSIONS: "Số đoàn khảo sát",
    Metric.OTHER: "Số liệu khác",
}
UPDATES = Sheet(
    "updates",
    "Cập nhật tiến độ",
    (
        Col("number", "Số, ký hiệu", required=True, max_length=60, example="05-CTr/BTGTU-SYT"),
        Col("term", "Giai đoạn", kind="term", required=True, example="2021-2025"),
        Col("position", "STT", kind="int", required=True,
            help="STT của nội dung phối hợp trong chương trình.", example=1),
        Col("recorded_on", "Ngày cập nhật", kind="date", required=True,
            help="Một cập nhật được nhận ra theo nội dung phối hợp, ngày và nội dung cập nhật.",
            example="30/06/2023"),
        Col("progress", "Tiến độ (%)", kind="int", required=True, example=50),
        Col("note", "Nội dung cập nhật", kind="long", required=True, max_length=5000,
            example="Tổ chức 2 lớp tập huấn y đức cho 120 cán bộ y tế."),
        Col("evidence_url", "Đường dẫn minh chứng", max_length=500),
        *(
            Col(f"metric_{metric.value}", header, kind="int",
                example=example)
            for (metric, header), example in zip(
                METRIC_HEADERS.items(), (2, 120, "", "", "", ""), strict=True
            )
        ),
        Col("corrects", "Đính chính cập nhật ngày", kind="date",
            help="Ngày của cập nhật trước mà cập nhật này đính chính."),
    ),
)  # fmt: skip
ISSUES = Sheet(
    "issues",
    "Vấn đề dư luận",
    (
        Col("reference", "Số hiệu", max_length=40,
            help="Số của vấn đề trong sổ theo dõi hoặc bản xuất (#12). Để trống: nhận ra theo "
            "tiêu đề, ngày phát hiện và cơ quan báo cáo.",
            example="VĐ-2019-014"),
        Col("title", "Tiêu đề", required=True, max_length=300,
            example="Phản ánh về chất lượng bữa ăn bán trú"),
        Col("summary", "Tóm tắt", kind="long", required=True, max_length=5000,
            example="Hình ảnh bữa ăn bán trú được chia sẻ trên mạng xã hội."),
        Col("field", "Lĩnh vực", kind="enum", enum=Sector, required=True,
            example=Sector.EDUCATION),
        Col("source", "Nguồn", kind="enum", enum=IssueSource, required=True,
            example=IssueSource.SOCIAL_MEDIA),
        Col("source_outlet", "Tên báo, trang, kênh", max_length=200),
        Col("source_url", "Đường dẫn nguồn", max_length=500),
        Col("source_date", "Ngày đăng tin", kind="date"),
        Col("district", "Huyện", max_length=100,
            help="Từ 01/7/2025 không còn cấp huyện: để trống."),
        Col("commune", "Xã, phường", max_length=100),
        Col("first_seen_on", "Ngày phát hiện", kind="date", required=True,
            example="12/09/2019"),
        Col("sensitivity", "Mức độ nhạy cảm", kind="enum", enum=Sensitivity, required=True,
            example=Sensitivity.MEDIUM),
        Col("reporting", "Cơ quan báo cáo", kind="agency", required=True,
            help="Mã hoặc tên.", example="SGDDT"),
        Col("responsible", "Cơ quan chịu trách nhiệm", kind="agency",
            help="Mã hoặc tên; cơ quan còn tồn tại vào ngày phát hiện. Để trống: cơ quan phụ "
            "trách lĩnh vực.", example="SGDDT"),
        Col("response_due_on", "Hạn phản hồi", kind="date",
            help="Để trống: tính theo mức độ nhạy cảm."),
        Col("status", "Trạng thái", kind="enum", enum=IssueStatus, required=True,
            example=IssueStatus.RESOLVED),
        Col("resolved_at", "Giải quyết xong lúc", kind="instant",
            help="Bắt buộc khi đã giải quyết hoặc đã đóng.", example="30/09/2019 16:00"),
        Col("closed_at", "Đóng lúc", kind="instant",
            help="Bắt buộc khi đã đóng hoặc không xử lý."),
        Col("dismissed_reason", "Lý do không xử lý", kind="long", max_length=5000),
        Col("escalated_at", "Báo cáo lãnh đạo lúc", kind="instant"),
        Col("agreement", "Thuộc chương trình (số, ký hiệu)", max_length=60),
        Col("agreement_term", "Giai đoạn của chương trình", kind="term"),
        Col("position", "STT nội dung phối hợp", kind="int"),
    ),
)  # fmt: skip

#: In the order they are read (what a row refers to comes before it).
SHEETS: tuple[Sheet, ...] = (
    AGENCIES,
    TERMS,
    AGREEMENTS,
    PARTIES,
    COMMITMENTS,
    UPDATES,
    REPORTS,
    ISSUES,
)
GUIDE_TITLE = "Hướng dẫn"
LISTS_TITLE = "Danh mục"
#: The templates offered for download, by the kind of record (with the sheets they hold).
TEMPLATES: dict[str, tuple[Sheet, ...]] = {
    "agencies": (AGENCIES,),
    "agreements": (TERMS, AGREEMENTS, PARTIES),
    "commitments": (COMMITMENTS,),
    "updates": (UPDATES,),
    "reports": (REPORTS,),
    "issues": (ISSUES,),
    "all": SHEETS,
}

KIND_TEXT = {
    "text": "Chữ",
    "long": "Chữ (nhiều dòng)",
    "date": "Ngày: dd/mm/yyyy hoặc ô ngày tháng",
    "instant": "Ngày giờ (giờ Việt Nam): dd/mm/yyyy hh:mm",
    "int": "Số nguyên",
    "bool": "Có / Không",
    "enum": "Chọn trong danh sách",
    "agency": "Mã hoặc tên cơ quan",
    "term": "Tên giai đoạn",
}

# -- problems -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where it is: a sheet, a row (of the sheet) and a column
    header; row 0 and an empty column when it concerns the whole file or sheet."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row and self.column:
            where = _("Row %(row)d, column %(column)s", row=self.row, column=self.column)
        elif self.row:
            where = _("Row %(row)d", row=self.row)
        elif self.column:
            where = _("Column %(column)s", column=self.column)
        else:
            where = ""
        text = f"{where}: {self.message}" if where else self.message
        return f"[{self.sheet}] {text}" if self.sheet else text


@dataclass
class Result:
    """What an import did (or, for a dry run, would do)."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    dry_run: bool = True
    batch: ImportBatch | None = None
    #: Cells written in a legacy encoding ("TCVN3", "VNI"), converted to Unicode.
    encodings: dict[str, int] = field(default_factory=dict)

    @property
    def converted(self) -> int:
        """How many cells were converted from a legacy encoding."""
        return sum(self.encodings.values())

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, sheet: Sheet, what: str) -> None:
        counts = self.counts.setdefault(sheet.title, {"created": 0, "updated": 0, "unchanged": 0})
        counts[what] += 1

    def total(self, what: str) -> int:
        return sum(c[what] for c in self.counts.values())


class _RowError(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column
        self.message = message


# -- reading cells --------------------------------------------------------------------------

_DATE_TEXT = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_ISO_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_TRUE = {"co", "x", "1", "true", "yes", "dung"}
_FALSE = {"khong", "0", "false", "no", "sai", ""}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FORMULA_STARTS = ("=", "+", "-", "@")


# -- legacy Vietnamese encodings (TCVN3, VNI): ``tracker.legacy_text`` -----------------------

from_tcvn3 = legacy_text.from_tcvn3
from_vni = legacy_text.from_vni


def _unicode(text: str) -> str:
    """A header or sheet name as Vietnamese Unicode, whatever encoding it was typed in."""
    return legacy_text.read_legacy(text).text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _moment(value: Any, with_time: bool) -> datetime | date:
    """A date (or a local date and time) from a real date cell, an Excel serial number or text
    in dd/mm/yyyy (hh:mm) or yyyy-mm-dd."""
    if isinstance(value, datetime):
        return value if with_time else value.date()
    if isinstance(value, date):
        return datetime.combine(value, time()) if with_time else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise ValueError(_("%(text)s is not a date", text=_text(value)))
        moment = from_excel(value)
        if isinstance(moment, datetime):
            return moment if with_time else moment.date()
        return datetime.combine(moment, time()) if with_time else moment
    text = _text(value)
    match = _DATE_TEXT.match(text)
    if match:
        day, month, year, hour, minute, second = match.groups()
    else:
        match = _ISO_TEXT.match(text)
        if not match:
            raise ValueError(_("%(text)s is not a date (write it as dd/mm/yyyy)", text=text))
        year, month, day, hour, minute, second = match.groups()
    try:
        result = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        raise ValueError(_("the date %(text)s does not exist", text=text)) from None
    return result if with_time else result.date()


def _local_instant(value: datetime) -> datetime:
    """A time read in the file (Vietnam's clock) as a UTC instant."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL_TZ)
    return value.astimezone(UTC)


def _enum_lookup(enum_cls) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for member in enum_cls:
        out[normalise(member.value)] = member
        for locale in ("en", "vi"):
            with force_locale(locale):
                out[normalise(labels.label(member))] = member
    return out


def vi_label(member) -> str:
    with force_locale("vi"):
        return labels.label(member)


class _Reader:
    """Turns a row's raw cells into values, with the agencies and terms known so far."""

    def __init__(self) -> None:
        self.enums: dict[type, dict[str, Any]] = {}
        #: How many cells were read in each legacy encoding and converted to Unicode.
        self.converted: dict[str, int] = {}
        self.refresh()

    def refresh(self) -> None:
        agencies = db.session.scalars(sa.select(Agency)).all()
        self.agency_by_code = {a.code.upper(): a for a in agencies}
        self.agency_by_name: dict[str, Agency] = {}
        for agency in agencies:
            for name in (agency.name_vi, agency.name_en):
                if name:
                    self.agency_by_name.setdefault(normalise(name), agency)
        self.term_by_name = {normalise(t.name): t for t in db.session.scalars(sa.select(Term))}

    def value(self, col: Col, raw: Any) -> Any:
        text = _text(raw)
        if col.kind in ("date", "instant"):
            if raw is None or text == "":
                return None
            return _moment(raw, col.kind == "instant")
        if not text.isascii():
            reading = legacy_text.read_legacy(text)
            if reading.unreadable:
                raise ValueError(
                    _(
                        "this text cannot be read: it looks like an old encoding (TCVN3, VNI) "
                        "that is neither. Retype it in Unicode."
                    )
                )
            if reading.encoding:
                text = reading.text
                self.converted[reading.encoding] = self.converted.get(reading.encoding, 0) + 1
        if text == "":
            if col.kind == "bool":
                return None
            return None if col.kind in ("int", "enum", "agency", "term") else ""
        if col.kind == "int":
            try:
                number = float(raw) if isinstance(raw, int | float) else float(text)
            except ValueError:
                raise ValueError(_("%(text)s is not a whole number", text=text)) from None
            if not number.is_integer():
                raise ValueError(_("%(text)s is not a whole number", text=text))
            return int(number)
        if col.kind == "bool":
            word = normalise(text)
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise ValueError(_("write Có or Không, not %(text)s", text=text))
        if col.kind == "enum":
            lookup = self.enums.get(col.enum)
            if lookup is None:
                lookup = self.enums[col.enum] = _enum_lookup(col.enum)
            member = lookup.get(normalise(text))
            if member is None:
                choices = ", ".join(vi_label(m) for m in col.enum)
                raise ValueError(
                    _("%(text)s is not in the list (%(choices)s)", text=text, choices=choices)
                )
            return member
        if col.kind == "agency":
            return self.agency(text)
        if col.kind == "term":
            term = self.term_by_name.get(normalise(text))
            if term is None:
                raise ValueError(_("there is no term named %(text)s", text=text))
            return term
        if text[:1] == "'" and text[1:2] in _FORMULA_STARTS:
            text = text[1:]
        return text

    def agency(self, text: str) -> Agency:
        found = self.agency_by_code.get(text.upper()) or self.agency_by_name.get(normalise(text))
        if found is not None:
            return found
        names = {normalise(a.name_vi): a for a in self.agency_by_code.values()}
        candidates = difflib.get_close_matches(
            normalise(text), [*names, *(c.lower() for c in self.agency_by_code)], n=1, cutoff=0.6
        )
        if candidates:
            guess = names.get(candidates[0]) or self.agency_by_code[candidates[0].upper()]
            raise ValueError(
                _(
                    "there is no agency %(text)s. Did you mean %(name)s (%(code)s)?",
                    text=text,
                    name=guess.name_vi,
                    code=guess.code,
                )
            )
        raise ValueError(_("there is no agency %(text)s", text=text))


# -- reading the workbook -------------------------------------------------------------------


@dataclass
class _Rows:
    sheet: Sheet
    rows: list[tuple[int, dict[str, Any]]]  # (row number, raw cells by column key)
    present: set[str]


def _open(data: bytes, name: str):
    """The workbook, or a ValidationError saying why the file is not one."""
    attachments.check(name or "import.xlsx", data, kinds=(attachments.XLSX,))
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(_("This file is not an Excel (XLSX) workbook.")) from None


def _header_row(rows: list[tuple], known: set[str]) -> tuple[int, dict[str, int]]:
    """Which of the first rows holds the most of the ``known`` headers (a title may stand above
    it), and where each header is. A header in a cell merged down from the row above (a
    two-row header) is taken from that row."""

    def headers_in(cells) -> dict[str, int]:
        found: dict[str, int] = {}
        for position, cell in enumerate(cells):
            text = _text(cell)
            key = normalise(_unicode(text))
            if key in known:
                found.setdefault(key, position)
        return found

    best = (0, {})
    for index, cells in enumerate(rows, start=1):
        found = headers_in(cells)
        if len(found) > len(best[1]):
            best = (index, found)
    index, found = best
    taken = set(found.values())
    for cells in rows[: max(index - 1, 0)]:
        for key, position in headers_in(cells).items():
            if key not in found and position not in taken:
                found[key] = position
                taken.add(position)
    return index, found


def _read_sheet(sheet: Sheet, worksheet, result: Result) -> _Rows | None:
    iterator = worksheet.iter_rows(values_only=True)
    top = []
    for cells in iterator:
        top.append(cells)
        if len(top) >= HEADER_SEARCH_ROWS:
            break
    headers = {normalise(c.header): c for c in sheet.columns}
    header_index, found = _header_row(top, set(headers))
    positions = {headers[k].key: p for k, p in found.items() if k in headers}
    if not positions:
        result.problems.append(
            Problem(sheet.title, 0, "", _("No column of this sheet has a header we know."))
        )
        return None
    missing = [c.header for c in sheet.columns if c.required and c.key not in positions]
    for header in missing:
        result.problems.append(
            Problem(sheet.title, header_index, header, _("this column is missing."))
        )
    if missing:
        return None
    rows: list[tuple[int, dict[str, Any]]] = []

    def take(number: int, cells: tuple) -> None:
        values = {key: cells[p] if p < len(cells) else None for key, p in positions.items()}
        if all(_text(v) == "" for v in values.values()):
            return  # an empty row (trailing rows, spacing)
        rows.append((number, values))

    for number, cells in enumerate(top[header_index:], start=header_index + 1):
        take(number, cells)
    for number, cells in enumerate(iterator, start=len(top) + 1):
        take(number, cells)
        if len(rows) > MAX_ROWS:
            result.problems.append(
                Problem(
                    sheet.title,
                    0,
                    "",
                    _("The sheet has more than %(count)d rows: split it.", count=MAX_ROWS),
                )
            )
            return None
    return _Rows(sheet, rows, set(positions))


def read_workbook(data: bytes, name: str, result: Result) -> list[_Rows]:
    """Our sheets found in the file, with their rows; problems of format into ``result``."""
    try:
        book = _open(data, name)
    except ValidationError as error:
        result.problems.append(Problem("", 0, "", error.message))
        return []
    by_title = {normalise(_unicode(ws.title)): ws for ws in book.worksheets}
    out = []
    for sheet in SHEETS:
        worksheet = by_title.get(normalise(sheet.title))
        if worksheet is None:
            continue
        result.sheets.append(sheet.title)
        rows = _read_sheet(sheet, worksheet, result)
        if rows is not None:
            out.append(rows)
    if not result.sheets:
        result.problems.append(
            Problem(
                "",
                0,
                "",
                _(
                    "This workbook is not one of our templates: it has none of the sheets "
                    "%(sheets)s.",
                    sheets=", ".join(s.title for s in SHEETS),
                ),
            )
        )
    book.close()
    return out


# -- applying rows --------------------------------------------------------------------------


class _Importer:
    def __init__(self, actor, result: Result, batch: ImportBatch, filename: str):
        self.actor = actor
        self.result = result
        self.batch = batch
        self.detail = f"import: {filename}"[:500]
        self.reader = _Reader()
        self.parties: dict[tuple[str, int], list[tuple[int, dict]]] = {}
        # Read once per import (each row looks here first; what a row creates is added).
        self.agreements: dict[tuple[str, int], Agreement | None] = {}
        self.commitments: dict[int, dict[int, Commitment]] = {}
        self.reports: dict[int, dict[tuple[ReportKind, str], Report]] = {}
        self.agreement_rows: dict[tuple[str, int], int] = {}
        self.updates: dict[int, dict[tuple[date, str], CommitmentUpdate]] = {}
        self.updates_read: set[int] = set()  # agreements whose updates are read
        self.progressed: dict[int, Commitment] = {}
        self.issues_by_key: dict[tuple[str, date, int], int | Issue] | None = None
        self.issues_by_reference: dict[str, int | Issue] = {}
        #: Audit rows waiting for their objects' flush (written together: ``flush``).
        self.pending_audit: list[tuple[AuditAction, Any, dict]] = []

    def audit(self, action: AuditAction, obj, **fields) -> None:
        """An audit row for ``obj``, written at the next ``flush`` (with the import's file)."""
        self.pending_audit.append((action, obj, {"detail": self.detail, **fields}))

    def flush(self) -> None:
        """Write what the rows read so far created or changed, and their audit rows: rows are
        written in batches (``FLUSH_EVERY``), not one by one."""
        db.session.flush()
        record_many(self.actor, self.pending_audit)
        self.pending_audit = []

    # Each sheet's rows: values read, then the row applied; a problem names its column.
    def each(self, rows: _Rows, apply: Callable[[int, dict], None], *, field_columns: dict):
        sheet = rows.sheet
        for count, (number, raw) in enumerate(rows.rows, start=1):
            if count % FLUSH_EVERY == 0:
                self.flush()
            values: dict[str, Any] = {}
            failed = False
            for col in sheet.columns:
                if col.key not in rows.present:
                    continue
                try:
                    values[col.key] = self.reader.value(col, raw.get(col.key))
                except ValueError as error:
                    self.result.problems.append(
                        Problem(sheet.title, number, col.header, str(error))
                    )
                    failed = True
                    continue
                if col.required and values[col.key] in (None, ""):
                    self.result.problems.append(
                        Problem(sheet.title, number, col.header, _("this cell is empty."))
                    )
                    failed = True
                elif col.kind in ("text", "long") and values[col.key]:
                    try:
                        values[col.key] = clean_text(
                            values[col.key],
                            col.key,
                            required=False,
                            max_length=col.max_length,
                            multiline=col.kind == "long",
                        )
                    except ValidationError as error:
                        self.result.problems.append(
                            Problem(sheet.title, number, col.header, error.message)
                        )
                        failed = True
            if failed:
                continue
            try:
                apply(number, values)
            except _RowError as error:
                if error.message:  # empty: the problem was listed where it lies
                    self.result.problems.append(
                        Problem(sheet.title, number, error.column, error.message)
                    )
            except ValidationError as error:
                key = field_columns.get(error.field or "", error.field or "")
                header = next((c.header for c in sheet.columns if c.key == key), "")
                self.result.problems.append(Problem(sheet.title, number, header, error.message))
        self.flush()

    def _audit_update(self, obj, before: dict, after: dict) -> bool:
        changed = [k for k in after if before.get(k) != after[k]]
        if not changed:
            return False
        self.audit(
            AuditAction.UPDATE,
            obj,
            before={k: before.get(k) for k in changed},
            after={k: after[k] for k in changed},
        )
        return True

    # -- agencies ------------------------------------------------------------------------

    def agency(self, number: int, values: dict) -> None:
        fields = {
            k: values[k]
            for k in ("code", "name_vi", "name_en", "level", "primary_field")
            if k in values
        }
        for flag in ("is_office", "in_bloc", "active"):
            if values.get(flag) is not None:
                fields[flag] = values[flag]
        if values.get("parent") is not None:
            fields["parent_id"] = values["parent"].id
        if "level" in fields and fields["level"] is None:
            fields["level"] = AgencyLevel.PROVINCE
        code = str(values["code"]).upper()
        existing = self.reader.agency_by_code.get(code)
        if existing is None:
            agency = admin_service.create_agency(self.actor, **fields)
            what = "created"
        else:
            agency = existing
            before = snapshot(agency, admin_service.AGENCY_FIELDS)
            admin_service.update_agency(self.actor, agency, **fields)
            what = "updated" if snapshot(agency, admin_service.AGENCY_FIELDS) != before else ""
        if "dissolved_on" in values and agency.dissolved_on != values["dissolved_on"]:
            old = agency.dissolved_on
            agency.dissolved_on = values["dissolved_on"]
            if existing is not None:
                self._audit_update(
                    agency,
                    {"dissolved_on": old.isoformat() if old else None},
                    {"dissolved_on": _iso(values["dissolved_on"])},
                )
                what = "updated"
        db.session.flush()
        self.reader.agency_by_code[agency.code.upper()] = agency
        self.reader.agency_by_name.setdefault(normalise(agency.name_vi), agency)
        self.result.count(AGENCIES, what or "unchanged")

    # -- terms ---------------------------------------------------------------------------

    def term(self, number: int, values: dict) -> None:
        fields = {k: values[k] for k in ("name", "start_date", "end_date") if k in values}
        existing = self.reader.term_by_name.get(normalise(values["name"]))
        if existing is None:
            term = admin_service.create_term(self.actor, **fields)
            what = "created"
        else:
            term = existing
            before = snapshot(term, admin_service.TERM_FIELDS)
            admin_service.update_term(self.actor, term, **fields)
            changed = snapshot(term, admin_service.TERM_FIELDS) != before
            what = "updated" if changed else "unchanged"
        self.reader.term_by_name[normalise(term.name)] = term
        self.result.count(TERMS, what)

    # -- agreements and their parties ----------------------------------------------------

    def party_row(self, number: int, values: dict) -> None:
        key = (values["number"].lower(), values["term"].id)
        self.parties.setdefault(key, []).append((number, values))

    def _find_agreement(self, number: str, term: Term) -> Agreement | None:
        return db.session.scalar(
            sa.select(Agreement)
            .where(Agreement.term_id == term.id, sa.func.lower(Agreement.number) == number.lower())
            .options(selectinload(Agreement.parties))
        )

    def agreement(self, number: int, values: dict) -> None:
        term = values["term"]
        existing = self._find_agreement(values["number"], term)
        cleaned = agreement_service._clean(
            {
                "number": values["number"],
                "title": values["title"],
                "summary": values.get("summary", existing.summary if existing else ""),
                "term_id": term.id,
                "status": values["status"].value,
                "signed_on": values.get("signed_on"),
            },
            existing,
        )
        key = (values["number"].lower(), term.id)
        party_rows = self.parties.get(key, [])
        parties = self._parties(party_rows, cleaned["signed_on"], existing)
        if existing is None:
            if not party_rows:
                raise _RowError(
                    AGREEMENTS.column("number").header,
                    _("Add the parties of the agreement (sheet %(sheet)s).", sheet=PARTIES.title),
                )
            agreement = Agreement(
                created_by_id=getattr(self.actor, "id", None),
                import_batch_id=self.batch.id,
                **cleaned,
            )
            agreement.parties = [
                AgreementParty(agency_id=a, role=r, signatory=s) for a, r, s in parties
            ]
            db.session.add(agreement)
            db.session.flush()
            record(
                self.actor,
                AuditAction.CREATE,
                agreement,
                after=snapshot(agreement, agreement_service.AGREEMENT_FIELDS)
                | {"parties": agreement_service._party_snapshot(agreement)},
                detail=self.detail,
            )
            self.result.count(AGREEMENTS, "created")
            return
        agreement = existing
        before = snapshot(agreement, agreement_service.AGREEMENT_FIELDS) | {
            "parties": agreement_service._party_snapshot(agreement)
        }
        for name, value in cleaned.items():
            if getattr(agreement, name) != value:
                setattr(agreement, name, value)
        if party_rows:
            by_agency = {p.agency_id: p for p in agreement.parties}
            kept = []
            for agency_id, role, signatory in parties:
                party = by_agency.get(agency_id) or AgreementParty(agency_id=agency_id)
                if party.role != role:
                    party.role = role
                if party.signatory != signatory:
                    party.signatory = signatory
                kept.append(party)
            if [p.agency_id for p in kept] != [p.agency_id for p in agreement.parties]:
                agreement.parties = kept
        db.session.flush()
        after = snapshot(agreement, agreement_service.AGREEMENT_FIELDS) | {
            "parties": agreement_service._party_snapshot(agreement)
        }
        changed = self._audit_update(agreement, before, after)
        self.result.count(AGREEMENTS, "updated" if changed else "unchanged")

    def _parties(self, rows, signed_on: date | None, existing: Agreement | None):
        """The parties of an agreement from its rows, under the rules of history: the Office
        and at least one agency, exactly one lead, each body existing on the signing date."""
        if not rows:
            return []
        header = PARTIES.column("agency").header
        first = rows[0][0]

        def refuse(message: str, number: int = first, column: str = header):
            self.result.problems.append(Problem(PARTIES.title, number, column, message))
            raise _RowError("", "")

        seen: set[int] = set()
        out = []
        for number, values in rows:
            agency = values["agency"]
            if agency.id in seen:
                refuse(_("An agency can be a party only once."), number)
            seen.add(agency.id)
            if signed_on is not None and not agency.exists_on(signed_on):
                refuse(
                    _("%(name)s did not exist on the signing date.", name=agency.name_vi),
                    number,
                )
            out.append((agency.id, values["role"], values.get("signatory") or ""))
        agencies = [values["agency"] for _number, values in rows]
        if not any(a.is_office for a in agencies):
            refuse(_("The Office must be a party to the agreement."))
        if all(a.is_office for a in agencies):
            refuse(_("Add at least one agency of the bloc as a party."))
        if sum(1 for _a, role, _s in out if role is PartyRole.LEAD) != 1:
            refuse(_("Choose exactly one lead party."), column=PARTIES.column("role").header)
        if existing is not None:
            responsible = set(
                db.session.scalars(
                    sa.select(Commitment.responsible_agency_id).where(
                        Commitment.agreement_id == existing.id
                    )
                )
            )
            if responsible - seen:
                refuse(
                    _("An agency responsible for commitments of this agreement must stay a party.")
                )
        return out

    def check_orphan_parties(self, rows: _Rows) -> None:
        """Party rows whose agreement is neither in the file nor recorded."""
        for key, party_rows in self.parties.items():
            if key in self.agreement_rows:
                continue
            number, values = party_rows[0]
            if self._find_agreement(values["number"], values["term"]) is None:
                self.result.problems.append(
                    Problem(
                        PARTIES.title,
                        number,
                        PARTIES.column("number").header,
                        _(
                            "there is no agreement %(number)s in the term %(term)s.",
                            number=values["number"],
                            term=values["term"].name,
                        ),
                    )
                )

    # -- commitments ---------------------------------------------------------------------

    def _agreement_for_commitments(self, number: str, term: Term) -> Agreement | None:
        """An agreement with its term and parties, read once per import."""
        key = (number.lower(), term.id)
        if key not in self.agreements:
            self.agreements[key] = db.session.scalar(
                sa.select(Agreement)
                .where(Agreement.term_id == term.id, sa.func.lower(Agreement.number) == key[0])
                .options(joinedload(Agreement.term), selectinload(Agreement.parties))
            )
        return self.agreements[key]

    def _commitments_of(self, agreement: Agreement) -> dict[int, Commitment]:
        """An agreement's commitments by position, read once per import."""
        if agreement.id not in self.commitments:
            self.commitments[agreement.id] = {
                c.position: c
                for c in db.session.scalars(
                    sa.select(Commitment).where(Commitment.agreement_id == agreement.id)
                )
            }
        return self.commitments[agreement.id]

    def commitment(self, number: int, values: dict) -> None:
        agreement = self._agreement_for_commitments(values["number"], values["term"])
        if agreement is None:
            raise _RowError(
                COMMITMENTS.column("number").header,
                _(
                    "there is no agreement %(number)s in the term %(term)s.",
                    number=values["number"],
                    term=values["term"].name,
                ),
            )
        cleaned = commitment_service._clean(
            agreement,
            {
                "responsible_agency_id": values["agency"].id,
                "field": values["field"].value,
                "title": values["title"],
                "description": values.get("description", ""),
                "evidence_expected": values.get("evidence_expected", ""),
                "recurrence": values["recurrence"].value,
                "due_date": values.get("due_date"),
            },
        )
        progress = values.get("progress") or 0
        if not 0 <= progress <= 100:
            raise _RowError(
                COMMITMENTS.column("progress").header,
                _("Enter a number from %(min)s to %(max)s.", min=0, max=100),
            )
        for key in ("done_at", "cancelled_at"):
            if values.get(key) is not None:
                values[key] = _local_instant(values[key])
        state = {
            "progress": progress,
            "last_update_on": values.get("last_update_on"),
            "done_at": values.get("done_at"),
            "cancelled_at": values.get("cancelled_at"),
            "cancel_reason": values.get("cancel_reason") or "",
        }
        known = self._commitments_of(agreement)
        existing = known.get(values["position"])
        fields = (*commitment_service.COMMITMENT_FIELDS, *state)
        if existing is None:
            commitment = Commitment(
                agreement=agreement,
                position=values["position"],
                confirmed=True,
                confirmed_at=calendar.local_midnight(agreement.signed_on)
                if agreement.signed_on
                else None,
                import_batch_id=self.batch.id,
                **cleaned,
                **state,
            )
            db.session.add(commitment)
            known[commitment.position] = commitment
            self.audit(AuditAction.CREATE, commitment, after=snapshot(commitment, fields))
            self.result.count(COMMITMENTS, "created")
            return
        before = snapshot(existing, fields)
        for name, value in (cleaned | state).items():
            if getattr(existing, name) != value:
                setattr(existing, name, value)
        changed = self._audit_update(existing, before, snapshot(existing, fields))
        self.result.count(COMMITMENTS, "updated" if changed else "unchanged")

    # -- reports -------------------------------------------------------------------------

    def _reports_of(self, agency: Agency) -> dict[tuple[ReportKind, str], Report]:
        """An agency's periodic reports by kind and period, read once per import."""
        if agency.id not in self.reports:
            self.reports[agency.id] = {
                (r.kind, r.period): r
                for r in db.session.scalars(
                    sa.select(Report).where(
                        Report.agency_id == agency.id, Report.kind.in_(PERIODIC_KINDS)
                    )
                )
            }
        return self.reports[agency.id]

    def report(self, number: int, values: dict) -> None:
        kind: ReportKind = values["kind"]
        agency: Agency = values["agency"]
        column = REPORTS.column
        if kind not in PERIODIC_KINDS:
            raise _RowError(
                column("kind").header,
                _("Only periodic reports are imported (monthly, quarterly, six-month, annual)."),
            )
        period = parse_period_words(kind, values["period"])
        if period is None:
            raise _RowError(
                column("period").header,
                _("%(text)s is not a period of this kind of report", text=values["period"]),
            )
        windows = self.windows.get(agency.id)
        if windows is None:
            windows = self.windows[agency.id] = compliance.binding_windows([agency.id]).get(
                agency.id, []
            )
        if not any(lo <= period.end <= hi for lo, hi in windows):
            raise _RowError(
                column("agency").header,
                _(
                    "%(name)s was not bound by an agreement in force for %(period)s: no "
                    "report was due.",
                    name=agency.name_vi,
                    period=period.label,
                ),
            )
        status: ReportStatus = values["status"]
        instants = {}
        for key in ("first_submitted_at", "last_submitted_at", "accepted_at"):
            moment = values.get(key)
            instants[key] = _local_instant(moment) if moment is not None else None
        first = instants["first_submitted_at"]
        if status is ReportStatus.DRAFT and first is not None:
            raise _RowError(
                column("first_submitted_at").header,
                _("A draft has not been sent: leave this cell empty or change the status."),
            )
        if status is not ReportStatus.DRAFT and first is None:
            raise _RowError(column("first_submitted_at").header, _("this cell is empty."))
        if first is not None:
            if calendar.local_date(first) < period.start:
                raise _RowError(
                    column("first_submitted_at").header,
                    _("A report cannot be sent before its period begins."),
                )
            if first > datetime.now(UTC):
                raise _RowError(
                    column("first_submitted_at").header, _("This time is in the future.")
                )
        if instants["last_submitted_at"] is None:
            instants["last_submitted_at"] = first
        elif first is not None and instants["last_submitted_at"] < first:
            raise _RowError(
                column("last_submitted_at").header,
                _("The last submission cannot come before the first."),
            )
        if status is not ReportStatus.ACCEPTED:
            instants["accepted_at"] = None
        deadline = values.get("deadline")
        if deadline is None:
            days = settings.deadline_days(kind, self.settings)
            deadline = calendar.deadline_for(period, days, *self.calendar_days)
        sections = {
            key: values.get(key, "")
            for key in ("situation", "results", "emerging_issues", "proposals", "next_tasks")
        }
        title = values.get("title") or ""
        fields = {
            "deadline": deadline,
            "title": title,
            "status": status,
            **instants,
            **sections,
        }
        known = self._reports_of(agency)
        existing = known.get((kind, period.label))
        names = tuple(fields)
        if existing is None:
            report = Report(
                agency_id=agency.id,
                kind=kind,
                period=period.label,
                period_start=period.start,
                period_end=period.end,
                created_by_id=getattr(self.actor, "id", None),
                import_batch_id=self.batch.id,
                **fields,
            )
            if first is not None:
                report.created_at = first
            db.session.add(report)
            known[(kind, period.label)] = report
            if first is not None:
                decision = {
                    ReportStatus.ACCEPTED: ReviewDecision.ACCEPTED,
                    ReportStatus.RETURNED: ReviewDecision.RETURNED,
                }.get(status)
                db.session.add(
                    ReportVersion(
                        report=report,
                        number=1,
                        submitted_at=instants["last_submitted_at"],
                        decision=decision,
                        reviewed_at=instants["accepted_at"],
                        **sections,
                    )
                )
            self.audit(
                AuditAction.CREATE,
                report,
                after=snapshot(report, ("agency_id", "kind", "period", *names)),
            )
            self.result.count(REPORTS, "created")
            return
        before = snapshot(existing, names)
        for name, value in fields.items():
            if getattr(existing, name) != value:
                setattr(existing, name, value)
        changed = self._audit_update(existing, before, snapshot(existing, names))
        self.result.count(REPORTS, "updated" if changed else "unchanged")

    # -- progress updates ----------------------------------------------------------------

    def _updates_of(self, commitment: Commitment) -> dict[tuple[date, str], CommitmentUpdate]:
        """A commitment's progress updates by day and note: those of all its agreement's
        commitments are read at once, once per import."""
        if commitment.agreement_id not in self.updates_read:
            self.updates_read.add(commitment.agreement_id)
            for c in self._commitments_of(commitment.agreement).values():
                self.updates.setdefault(c.id, {})
            for u in db.session.scalars(
                sa.select(CommitmentUpdate)
                .join(Commitment, CommitmentUpdate.commitment_id == Commitment.id)
                .where(Commitment.agreement_id == commitment.agreement_id)
                .options(selectinload(CommitmentUpdate.figures))
                .order_by(CommitmentUpdate.id)
            ):
                self.updates.setdefault(u.commitment_id, {})[(u.recorded_on, u.note)] = u
        return self.updates.setdefault(commitment.id, {})

    def progress_update(self, number: int, values: dict) -> None:
        """A dated progress update, matched by its commitment, day and note. An update is
        never changed (a correction is a new update): the same one with other figures is a
        problem, not an update."""
        column = UPDATES.column
        agreement = self._agreement_for_commitments(values["number"], values["term"])
        commitment = None
        if agreement is not None:
            commitment = self._commitments_of(agreement).get(values["position"])
        if commitment is None:
            raise _RowError(
                column("position").header,
                _(
                    "there is no commitment %(position)s in the agreement %(number)s (%(term)s).",
                    position=values["position"],
                    number=values["number"],
                    term=values["term"].name,
                ),
            )
        figures = [
            commitment_service.FigureInput(metric, values[f"metric_{metric.value}"])
            for metric in Metric
            if values.get(f"metric_{metric.value}") is not None
        ]
        cleaned = commitment_service.clean_update(
            commitment,
            recorded_on=values["recorded_on"],
            note=values["note"],
            progress=values["progress"],
            evidence_url=values.get("evidence_url") or None,
            figures=figures,
        )
        known = self._updates_of(commitment)
        key = (cleaned["recorded_on"], cleaned["note"])
        existing = known.get(key)
        wanted = {(f.metric, f.value) for f in cleaned["figures"]}
        if existing is not None:
            same = (
                existing.progress == cleaned["progress"]
                and (existing.evidence_url or None) == cleaned["evidence_url"]
                and {(f.metric, f.value) for f in existing.figures} == wanted
            )
            if not same:
                raise _RowError(
                    column("progress").header,
                    _(
                        "This update was recorded with other figures. An update is never "
                        "changed: record a correction (a new row that names this one's date)."
                    ),
                )
            self.result.count(UPDATES, "unchanged")
            return
        corrects_id = None
        if values.get("corrects") is not None:
            corrected = [u for (day, _note), u in known.items() if day == values["corrects"]]
            if not corrected:
                raise _RowError(
                    column("corrects").header,
                    _("This commitment has no update of that date."),
                )
            if corrected[-1].id is None:
                self.flush()
            corrects_id = corrected[-1].id
        update = CommitmentUpdate(
            commitment_id=commitment.id,
            recorded_on=cleaned["recorded_on"],
            note=cleaned["note"],
            progress=cleaned["progress"],
            evidence_url=cleaned["evidence_url"],
            corrects_id=corrects_id,
            import_batch_id=self.batch.id,
        )
        update.figures = cleaned["figures"]
        db.session.add(update)
        known[key] = update
        self.progressed[commitment.id] = commitment
        self.audit(
            AuditAction.CREATE,
            update,
            after={
                "commitment_id": commitment.id,
                "recorded_on": update.recorded_on.isoformat(),
                "progress": update.progress,
                "figures": [(f.metric.value, f.value) for f in update.figures],
                "corrects_id": corrects_id,
            },
        )
        self.result.count(UPDATES, "created")

    def finish_updates(self) -> None:
        """Each commitment that got updates follows its latest one (by date, then by entry),
        as ``commitments.refresh_progress`` has it, from the updates already in hand."""
        self.flush()
        for commitment in self.progressed.values():
            latest = max(self.updates[commitment.id].values(), key=lambda u: (u.recorded_on, u.id))
            if (commitment.progress, commitment.last_update_on) != (
                latest.progress,
                latest.recorded_on,
            ):
                commitment.progress, commitment.last_update_on = latest.progress, latest.recorded_on
        self.flush()

    # -- flagged issues ------------------------------------------------------------------

    def _issue_index(self) -> None:
        """Every issue's reference and natural key (title, first seen, reporting agency),
        read once per import."""
        if self.issues_by_key is not None:
            return
        self.issues_by_key = {}
        self.issues_by_reference = {}
        rows = db.session.execute(
            sa.select(
                Issue.id,
                Issue.reference,
                Issue.title_norm,
                Issue.first_seen_on,
                Issue.reporting_agency_id,
            )
        )
        for row in rows:
            key = (row.title_norm, row.first_seen_on, row.reporting_agency_id)
            self.issues_by_key[key] = row.id
            if row.reference:
                self.issues_by_reference[row.reference.lower()] = row.id

    def issue(self, number: int, values: dict) -> None:
        """An issue of the history, matched by its reference, or by its title, first-seen
        day and reporting agency; its status, resolution and closure as they were."""
        column = ISSUES.column
        agreement_id = commitment_id = None
        if values.get("agreement"):
            term = values.get("agreement_term")
            if term is None:
                raise _RowError(column("agreement_term").header, _("this cell is empty."))
            agreement = self._agreement_for_commitments(values["agreement"], term)
            if agreement is None:
                raise _RowError(
                    column("agreement").header,
                    _(
                        "there is no agreement %(number)s in the term %(term)s.",
                        number=values["agreement"],
                        term=term.name,
                    ),
                )
            agreement_id = agreement.id
            if values.get("position") is not None:
                commitment = self._commitments_of(agreement).get(values["position"])
                if commitment is None:
                    raise _RowError(
                        column("position").header,
                        _(
                            "there is no commitment %(position)s in the agreement %(number)s "
                            "(%(term)s).",
                            position=values["position"],
                            number=values["agreement"],
                            term=term.name,
                        ),
                    )
                commitment_id = commitment.id
        responsible = values.get("responsible")
        due = values.get("response_due_on")
        if due is None and values["first_seen_on"] is not None:
            due = values["first_seen_on"] + timedelta(
                days=settings.response_days(values["sensitivity"], self.settings)
            )
        cleaned = issue_service.clean_imported(
            {
                "title": values["title"],
                "summary": values["summary"],
                "field": values["field"].value,
                "source": values["source"].value,
                "source_outlet": values.get("source_outlet", ""),
                "source_url": values.get("source_url") or None,
                "source_date": values.get("source_date"),
                "district": values.get("district", ""),
                "commune": values.get("commune", ""),
                "first_seen_on": values["first_seen_on"],
                "sensitivity": values["sensitivity"].value,
                "responsible_agency_id": responsible.id if responsible else None,
                "response_due_on": due,
                "agreement_id": agreement_id,
                "commitment_id": commitment_id,
            }
        )
        status: IssueStatus = values["status"]
        state = self._issue_state(status, values, cleaned["first_seen_on"])
        reporting: Agency = values["reporting"]
        reference = values.get("reference") or None
        self._issue_index()
        issue_id = None
        if reference:
            issue_id = self.issues_by_reference.get(reference.lower())
        key = (normalise(cleaned["title"])[:300], cleaned["first_seen_on"], reporting.id)
        if issue_id is None:
            issue_id = self.issues_by_key.get(key)
        fields = (*issue_service.ISSUE_FIELDS, "reporting_agency_id", *state)
        if issue_id is None:
            issue = Issue(
                reporting_agency_id=reporting.id,
                reference=reference,
                created_by_id=getattr(self.actor, "id", None),
                import_batch_id=self.batch.id,
                **cleaned,
                **state,
            )
            issue.created_at = calendar.local_midnight(cleaned["first_seen_on"])
            db.session.add(issue)
            db.session.add(
                IssueEvent(
                    issue=issue,
                    actor_id=getattr(self.actor, "id", None),
                    kind=IssueEventKind.CREATED,
                    to_status=status,
                    created_at=issue.created_at,
                    data={"source": issue.source.value, "import": self.batch.filename},
                )
            )
            self.issues_by_key[key] = issue
            if reference:
                self.issues_by_reference[reference.lower()] = issue
            self.audit(AuditAction.CREATE, issue, after=snapshot(issue, fields))
            self.result.count(ISSUES, "created")
            return
        issue = issue_id if isinstance(issue_id, Issue) else db.session.get(Issue, issue_id)
        before = snapshot(issue, fields)
        changes = cleaned | state | {"reporting_agency_id": reporting.id}
        if reference and not issue.reference and reference != f"#{issue.id}":
            changes["reference"] = reference
        for name, value in changes.items():
            if getattr(issue, name) != value:
                setattr(issue, name, value)
        after = snapshot(issue, fields)
        changed = [k for k in fields if before[k] != after[k]]
        if changed:
            db.session.add(
                IssueEvent(
                    issue=issue,
                    actor_id=getattr(self.actor, "id", None),
                    kind=IssueEventKind.UPDATED,
                    data={
                        "changed": {k: [before[k], after[k]] for k in changed},
                        "import": self.batch.filename,
                    },
                )
            )
        changed = self._audit_update(issue, before, after)
        self.result.count(ISSUES, "updated" if changed else "unchanged")

    def _issue_state(self, status: IssueStatus, values: dict, seen: date) -> dict:
        """Status, resolution, closure and escalation as they were, checked against each
        other: a resolved or closed issue has its resolution time, a closed or dismissed one
        its closing time, a dismissed one its reason; none before the issue was seen."""
        column = ISSUES.column
        instants = {}
        for key in ("resolved_at", "closed_at", "escalated_at"):
            moment = values.get(key)
            instants[key] = _local_instant(moment) if moment is not None else None
            if instants[key] is not None:
                if calendar.local_date(instants[key]) < seen:
                    raise _RowError(
                        column(key).header,
                        _("This time is before the day the issue was first seen."),
                    )
                if instants[key] > datetime.now(UTC):
                    raise _RowError(column(key).header, _("This time is in the future."))
        resolved = status in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
        closed = status in (IssueStatus.CLOSED, IssueStatus.DISMISSED)
        if resolved and instants["resolved_at"] is None:
            raise _RowError(column("resolved_at").header, _("this cell is empty."))
        if closed and instants["closed_at"] is None:
            raise _RowError(column("closed_at").header, _("this cell is empty."))
        if not resolved:
            instants["resolved_at"] = None
        if not closed:
            instants["closed_at"] = None
        if (
            instants["resolved_at"] is not None
            and instants["closed_at"] is not None
            and instants["closed_at"] < instants["resolved_at"]
        ):
            raise _RowError(
                column("closed_at").header,
                _("An issue cannot be closed before it was resolved."),
            )
        reason = values.get("dismissed_reason") or None
        if status is IssueStatus.DISMISSED and not reason:
            raise _RowError(column("dismissed_reason").header, _("Say why the issue is dismissed."))
        if status is not IssueStatus.DISMISSED:
            reason = None
        return {"status": status, "dismissed_reason": reason, **instants}

    def run(self, sheets: list[_Rows]) -> None:
        self.windows: dict[int, list] = {}
        self.settings = settings.get_all()
        self.calendar_days = compliance.calendar_days()
        by_key = {rows.sheet.key: rows for rows in sheets}
        for key, apply, columns in (
            ("agencies", self.agency, {"parent_id": "parent"}),
            ("terms", self.term, {}),
            ("parties", self.party_row, {}),
            ("agreements", self.agreement, {"term_id": "term"}),
            ("commitments", self.commitment, {"responsible_agency_id": "agency"}),
            ("updates", self.progress_update, {"figures": "metric_other"}),
            ("reports", self.report, {}),
            (
                "issues",
                self.issue,
                {"responsible_agency_id": "responsible", "source_url": "source_url"},
            ),
        ):
            rows = by_key.get(key)
            if rows is None:
                continue
            if key == "agreements":
                for number, raw in rows.rows:
                    try:
                        term = self.reader.value(AGREEMENTS.column("term"), raw.get("term"))
                    except ValueError:
                        continue
                    if term is not None:
                        self.agreement_rows[(_text(raw.get("number")).lower(), term.id)] = number
            self.each(rows, apply, field_columns=columns)
            if key == "updates":
                self.finish_updates()
            if key == "agreements" or (key == "parties" and "agreements" not in by_key):
                self.check_orphan_parties(rows)
            if key == "agencies":
                self.reader.refresh()


_MONTH_WORDS = re.compile(r"^thang (\d{1,2})[/ -](\d{4})$")
_QUARTER_WORDS = re.compile(r"^quy (i{1,3}|iv|[1-4])[/ -](\d{4})$")
_HALF_WORDS = re.compile(r"^6 thang dau nam (\d{4})$")
_YEAR_WORDS = re.compile(r"^nam (\d{4})$")


def parse_period_words(kind: ReportKind, text: str) -> calendar.Period | None:
    """A period from its label (2025-01, 2025-Q1, 2025-H1, 2025) or as people write it
    (Tháng 1/2025, Quý I/2025, 6 tháng đầu năm 2025, Năm 2025); None when it is neither."""
    label = text.strip()
    words = normalise(text)
    if kind is ReportKind.MONTHLY and (m := _MONTH_WORDS.match(words)):
        label = f"{m[2]}-{int(m[1]):02d}"
    elif kind is ReportKind.QUARTERLY and (m := _QUARTER_WORDS.match(words)):
        label = f"{m[2]}-Q{_ROMAN.get(m[1]) or m[1]}"
    elif kind is ReportKind.SIX_MONTH and (m := _HALF_WORDS.match(words)):
        label = f"{m[1]}-H1"
    elif kind is ReportKind.ANNUAL and (m := _YEAR_WORDS.match(words)):
        label = m[1]
    try:
        return calendar.parse_period(kind, label)
    except ValueError:
        return None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def import_workbook(actor, data: bytes, filename: str, *, dry_run: bool) -> Result:
    """Read a workbook and bring its records in.

    Every problem is listed (sheet, row, column, message). A dry run, or a file with any
    problem, writes nothing: the session is rolled back, so call it with nothing else pending.
    Otherwise everything is flushed, with an ``ImportBatch`` naming the file, for the caller's
    one commit (all or nothing)."""
    result = Result(dry_run=dry_run)
    sheets = read_workbook(data, filename, result)
    if result.problems:
        db.session.rollback()
        return result
    batch = ImportBatch(
        filename=(filename or "import.xlsx")[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        imported_by_id=getattr(actor, "id", None),
    )
    db.session.add(batch)
    db.session.flush()
    importer = _Importer(actor, result, batch, batch.filename)
    # Thousands of ORM objects: the cyclic garbage collector's passes over them cost about a
    # tenth of the time and free nothing (the session holds them); paused for the import.
    collecting = gc.isenabled()
    gc.disable()
    try:
        importer.run(sheets)
    except sa.exc.IntegrityError:
        db.session.rollback()
        result.problems.append(
            Problem("", 0, "", _("The file contradicts itself (the same record twice?)."))
        )
        return result
    finally:
        if collecting:
            gc.enable()
    result.encodings = dict(importer.reader.converted)
    if dry_run or result.problems:
        db.session.rollback()
        return result
    batch.counts = result.counts
    db.session.flush()
    result.batch = batch
    return result


# -- undoing a batch -----------------------------------------------------------------------


def batches_query() -> sa.Select:
    """Import batches, the latest first, with who imported them."""
    return (
        sa.select(ImportBatch)
        .options(joinedload(ImportBatch.imported_by))
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
    )


def _ids(model, batch: ImportBatch) -> list[int]:
    return list(db.session.scalars(sa.select(model.id).where(model.import_batch_id == batch.id)))


def _exists(stmt: sa.Select) -> bool:
    return db.session.scalar(sa.select(stmt.exists())) or False


def undo_batch(actor, batch: ImportBatch) -> dict[str, int]:
    """Remove the agreements (with their parties), commitments, progress updates, reports and
    issues an import created, while nothing newer depends on them: no progress update, no new
    submission, review, issue event, file or issue link, no change since, no commitment or
    successor added to an imported agreement. Agencies and terms stay (others refer to them).
    An import that changed records which existed before it, or added progress updates to older
    commitments (their progress would stay as the import set it), cannot be undone. Raises
    ValidationError saying why; flushes and audits, the caller commits. Returns how many
    records of each kind were removed."""
    from tracker.models import (
        Attachment,
        AuditEvent,
        CommitmentUpdateFigure,
        ReportEvent,
        report_issue,
    )

    def refuse(message: str) -> None:
        raise ValidationError(message)

    if batch.undone_at is not None:
        refuse(_("This import has already been undone."))
    if any(c.get("updated") for c in (batch.counts or {}).values()):
        refuse(_("This import changed records that existed before it: it cannot be undone."))
    agreement_ids = _ids(Agreement, batch)
    commitment_ids = _ids(Commitment, batch)
    report_ids = _ids(Report, batch)
    update_ids = _ids(CommitmentUpdate, batch)
    issue_ids = _ids(Issue, batch)
    if _exists(
        sa.select(CommitmentUpdate.id).where(
            CommitmentUpdate.id.in_(update_ids),
            CommitmentUpdate.commitment_id.not_in(commitment_ids),
        )
    ):
        refuse(
            _(
                "This import added progress updates to commitments recorded before it: it "
                "cannot be undone."
            )
        )
    newer = {
        "changed": any(
            _exists(
                sa.select(AuditEvent.id).where(
                    AuditEvent.object_type == table,
                    AuditEvent.object_id.in_([str(i) for i in ids]),
                    AuditEvent.action != AuditAction.CREATE,
                )
            )
            for table, ids in (
                ("agreement", agreement_ids),
                ("commitment", commitment_ids),
                ("report", report_ids),
                ("issue", issue_ids),
            )
            if ids
        ),
        "updates": _exists(
            sa.select(CommitmentUpdate.id).where(
                CommitmentUpdate.commitment_id.in_(commitment_ids),
                CommitmentUpdate.id.not_in(update_ids),
            )
        ),
        "corrections": _exists(
            sa.select(CommitmentUpdate.id).where(
                CommitmentUpdate.corrects_id.in_(update_ids),
                CommitmentUpdate.id.not_in(update_ids),
            )
        ),
        "issue_events": _exists(
            sa.select(IssueEvent.id).where(
                IssueEvent.issue_id.in_(issue_ids), IssueEvent.kind != IssueEventKind.CREATED
            )
        ),
        "issue_links": _exists(
            sa.select(Issue.id).where(
                Issue.id.not_in(issue_ids),
                sa.or_(
                    Issue.agreement_id.in_(agreement_ids),
                    Issue.commitment_id.in_(commitment_ids),
                ),
            )
        ),
        "commitments": _exists(
            sa.select(Commitment.id).where(
                Commitment.agreement_id.in_(agreement_ids),
                Commitment.id.not_in(commitment_ids),
            )
        ),
        "successors": _exists(
            sa.select(Agreement.id).where(
                Agreement.replaced_by_id.in_(agreement_ids), Agreement.id.not_in(agreement_ids)
            )
        ),
        "versions": _exists(
            sa.select(ReportVersion.id).where(
                ReportVersion.report_id.in_(report_ids), ReportVersion.number > 1
            )
        ),
        "events": _exists(sa.select(ReportEvent.id).where(ReportEvent.report_id.in_(report_ids))),
        "files": _exists(
            sa.select(Attachment.id).where(
                sa.or_(
                    Attachment.agreement_id.in_(agreement_ids),
                    Attachment.report_id.in_(report_ids),
                    Attachment.report_version_id.in_(
                        sa.select(ReportVersion.id).where(ReportVersion.report_id.in_(report_ids))
                    ),
                    Attachment.commitment_update_id.in_(update_ids),
                    Attachment.issue_id.in_(issue_ids),
                )
            )
        ),
        "issues": _exists(
            sa.select(report_issue.c.report_id).where(
                sa.or_(
                    report_issue.c.report_id.in_(report_ids),
                    report_issue.c.issue_id.in_(issue_ids),
                )
            )
        ),
    }
    if any(newer.values()):
        refuse(
            _(
                "Records of this import have been worked on since (progress updates, "
                "submissions, reviews, files or changes): it can no longer be undone."
            )
        )
    # Bulk deletes: a submitted version may never be deleted one by one in the app; here the
    # whole import goes, as if it had never been confirmed.
    # Progress updates and timeline events are frozen one by one in the app (ORM events);
    # these bulk deletes are the one way out, for records only this import wrote.
    db.session.execute(
        sa.delete(IssueEvent).where(IssueEvent.issue_id.in_(issue_ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.delete(Issue).where(Issue.id.in_(issue_ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.delete(CommitmentUpdateFigure).where(CommitmentUpdateFigure.update_id.in_(update_ids)),
        execution_options={"synchronize_session": False},
    )
    # Corrections first: an update may name another of the same import.
    db.session.execute(
        sa.update(CommitmentUpdate)
        .where(CommitmentUpdate.id.in_(update_ids))
        .values(corrects_id=None),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.delete(CommitmentUpdate).where(CommitmentUpdate.id.in_(update_ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.delete(ReportVersion).where(ReportVersion.report_id.in_(report_ids)),
        execution_options={"synchronize_session": False},
    )
    for model, ids in ((Report, report_ids), (Commitment, commitment_ids)):
        db.session.execute(
            sa.delete(model).where(model.id.in_(ids)),
            execution_options={"synchronize_session": False},
        )
    db.session.execute(
        sa.delete(AgreementParty).where(AgreementParty.agreement_id.in_(agreement_ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.execute(
        sa.delete(Agreement).where(Agreement.id.in_(agreement_ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.expire_all()
    removed = {
        "agreements": len(agreement_ids),
        "commitments": len(commitment_ids),
        "progress updates": len(update_ids),
        "reports": len(report_ids),
        "issues": len(issue_ids),
    }
    batch.undone_at = datetime.now(UTC)
    batch.undone_by_id = getattr(actor, "id", None)
    db.session.flush()
    record(
        actor,
        AuditAction.DELETE,
        batch,
        before=removed,
        detail=f"undo import: {batch.filename}"[:500],
    )
    return removed


# -- export ---------------------------------------------------------------------------------


def _sees_everything(user) -> bool:
    return user is None or user.role in (Role.OFFICE, Role.LEADERSHIP, Role.ADMIN)


def _cell(col: Col, value: Any) -> Any:
    if value is None:
        return None
    if col.kind == "enum":
        return vi_label(value)
    if col.kind == "bool":
        return "Có" if value else "Không"
    if col.kind == "instant" and isinstance(value, datetime):
        return value.astimezone(LOCAL_TZ).replace(tzinfo=None, microsecond=0)
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value  # text Excel would run as a formula, defused (read back without)
    return value


def gather(user) -> dict[str, list[dict[str, Any]]]:
    """The rows of every sheet that ``user`` may see (None: everything the Office sees)."""
    everything = _sees_everything(user)
    agreement_stmt = sa.select(Agreement).options(
        joinedload(Agreement.term),
        selectinload(Agreement.parties).joinedload(AgreementParty.agency),
    )
    if not everything:
        agreement_stmt = agreements_visible_to(user, agreement_stmt)
    agreements = db.session.scalars(
        agreement_stmt.order_by(Agreement.signed_on.nulls_first(), Agreement.id)
    ).all()
    commitment_stmt = sa.select(Commitment).options(
        joinedload(Commitment.agreement).joinedload(Agreement.term),
        joinedload(Commitment.responsible_agency),
    )
    if not everything:
        commitment_stmt = commitments_visible_to(user, commitment_stmt)
    commitments = db.session.scalars(
        commitment_stmt.join(Commitment.agreement).order_by(
            Agreement.signed_on.nulls_first(), Agreement.number, Commitment.position
        )
    ).all()
    report_stmt = (
        sa.select(Report)
        .where(Report.kind.in_(PERIODIC_KINDS))
        .options(joinedload(Report.agency))
        .order_by(Report.period_end, Report.agency_id, Report.kind)
    )
    if everything:
        report_stmt = report_stmt.where(Report.first_submitted_at.is_not(None))
    else:
        report_stmt = reports_visible_to(user, report_stmt)
    reports = db.session.scalars(report_stmt).all()
    commitment_ids = [c.id for c in commitments]
    by_commitment = {c.id: c for c in commitments}
    updates = [
        u
        for chunk in _chunks(commitment_ids, 500)
        for u in db.session.scalars(
            sa.select(CommitmentUpdate)
            .where(CommitmentUpdate.commitment_id.in_(chunk))
            .options(
                selectinload(CommitmentUpdate.figures),
                joinedload(CommitmentUpdate.corrects),
            )
        )
    ]
    position = {cid: index for index, cid in enumerate(commitment_ids)}
    updates.sort(key=lambda u: (position[u.commitment_id], u.recorded_on, u.id))
    # Issues carry sensitive data: the same rule as every list (Office, leadership, the
    # reporting and responsible agencies).
    issue_stmt = sa.select(Issue).options(
        joinedload(Issue.reporting_agency),
        joinedload(Issue.responsible_agency),
        joinedload(Issue.agreement).joinedload(Agreement.term),
        joinedload(Issue.commitment),
    )
    if not everything:
        issue_stmt = issues_visible_to(user, issue_stmt)
    issues = db.session.scalars(issue_stmt.order_by(Issue.first_seen_on, Issue.id)).all()
    agencies = db.session.scalars(sa.select(Agency).order_by(Agency.id)).all()
    if not everything:
        wanted = (
            set(own_agency_ids(user))
            | {p.agency_id for a in agreements for p in a.parties}
            | {i.reporting_agency_id for i in issues}
            | {i.responsible_agency_id for i in issues if i.responsible_agency_id}
        )
        agencies = [a for a in agencies if a.id in wanted]
    by_id = {a.id: a for a in agencies}
    terms = db.session.scalars(sa.select(Term).order_by(Term.start_date)).all()
    return {
        "agencies": [
            {
                "code": a.code,
                "name_vi": a.name_vi,
                "name_en": a.name_en,
                "level": a.level,
                "parent": by_id[a.parent_id].code if a.parent_id in by_id else None,
                "is_office": a.is_office,
                "in_bloc": a.in_bloc,
                "primary_field": a.primary_field,
                "active": a.active,
                "dissolved_on": a.dissolved_on,
            }
            for a in _parents_first(agencies)
        ],
        "terms": [
            {"name": t.name, "start_date": t.start_date, "end_date": t.end_date} for t in terms
        ],
        "agreements": [
            {
                "number": a.number,
                "term": a.term.name,
                "title": a.title,
                "signed_on": a.signed_on,
                "status": a.status,
                "summary": a.summary,
            }
            for a in agreements
        ],
        "parties": [
            {
                "number": a.number,
                "term": a.term.name,
                "agency": p.agency.code,
                "role": p.role,
                "signatory": p.signatory,
            }
            for a in agreements
            for p in a.parties
        ],
        "commitments": [
            {
                "number": c.agreement.number,
                "term": c.agreement.term.name,
                "position": c.position,
                "agency": c.responsible_agency.code,
                "field": c.field,
                "title": c.title,
                "description": c.description,
                "evidence_expected": c.evidence_expected,
                "due_date": c.due_date,
                "recurrence": c.recurrence,
                "progress": c.progress,
                "last_update_on": c.last_update_on,
                "done_at": c.done_at,
                "cancelled_at": c.cancelled_at,
                "cancel_reason": c.cancel_reason,
            }
            for c in commitments
        ],
        "reports": [
            {
                "agency": r.agency.code,
                "kind": r.kind,
                "period": r.period,
                "deadline": r.deadline,
                "title": r.title,
                "status": r.status,
                "first_submitted_at": r.first_submitted_at,
                "last_submitted_at": r.last_submitted_at,
                "accepted_at": r.accepted_at,
                "situation": r.situation,
                "results": r.results,
                "emerging_issues": r.emerging_issues,
                "proposals": r.proposals,
                "next_tasks": r.next_tasks,
            }
            for r in reports
        ],
        "updates": [
            {
                "number": by_commitment[u.commitment_id].agreement.number,
                "term": by_commitment[u.commitment_id].agreement.term.name,
                "position": by_commitment[u.commitment_id].position,
                "recorded_on": u.recorded_on,
                "progress": u.progress,
                "note": u.note,
                "evidence_url": u.evidence_url,
                **{f"metric_{f.metric.value}": f.value for f in u.figures},
                "corrects": u.corrects.recorded_on if u.corrects is not None else None,
            }
            for u in updates
        ],
        "issues": [
            {
                "reference": i.reference or f"#{i.id}",
                "title": i.title,
                "summary": i.summary,
                "field": i.field,
                "source": i.source,
                "source_outlet": i.source_outlet,
                "source_url": i.source_url,
                "source_date": i.source_date,
                "district": i.district,
                "commune": i.commune,
                "first_seen_on": i.first_seen_on,
                "sensitivity": i.sensitivity,
                "reporting": i.reporting_agency.code,
                "responsible": i.responsible_agency.code if i.responsible_agency else None,
                "response_due_on": i.response_due_on,
                "status": i.status,
                "resolved_at": i.resolved_at,
                "closed_at": i.closed_at,
                "dismissed_reason": i.dismissed_reason,
                "escalated_at": i.escalated_at,
                "agreement": i.agreement.number if i.agreement else None,
                "agreement_term": i.agreement.term.name if i.agreement else None,
                "position": i.commitment.position if i.commitment else None,
            }
            for i in issues
        ],
    }


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _parents_first(agencies: list[Agency]) -> list[Agency]:
    done: set[int] = set()
    out: list[Agency] = []
    pending = list(agencies)
    ids = {a.id for a in agencies}
    while pending:
        rest = []
        for agency in pending:
            if agency.parent_id is None or agency.parent_id in done or agency.parent_id not in ids:
                out.append(agency)
                done.add(agency.id)
            else:
                rest.append(agency)
        if len(rest) == len(pending):  # a cycle: keep the order
            out += rest
            break
        pending = rest
    return out


def _write_sheet(book: Workbook, sheet: Sheet, rows: Iterable[dict], lists) -> None:
    ws = book.create_sheet(sheet.title)
    ws.append([c.header for c in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for index, col in enumerate(sheet.columns, start=1):
        width = 40 if col.kind == "long" else 18
        ws.column_dimensions[get_column_letter(index)].width = width
    for row in rows:
        ws.append([_cell(col, row.get(col.key)) for col in sheet.columns])
    for index, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        if col.kind == "date":
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                if cell.value is not None:
                    cell.number_format = "dd/mm/yyyy"
        elif col.kind == "instant":
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                if cell.value is not None:
                    cell.number_format = "dd/mm/yyyy hh:mm:ss"
        source = lists.get(col.enum if col.kind == "enum" else col.kind)
        if source:
            validation = DataValidation(
                type="list", formula1=source, allow_blank=not col.required, showErrorMessage=False
            )
            validation.add(f"{letter}2:{letter}{max(ws.max_row, 2) + 500}")
            ws.add_data_validation(validation)


def _write_lists(book: Workbook, sheets: tuple[Sheet, ...]) -> dict:
    """A sheet of the allowed values (agency codes, enums), for the drop-down lists."""
    ws = book.create_sheet(LISTS_TITLE)
    columns: list[tuple[Any, str, list[str]]] = []
    seen = set()
    for sheet in sheets:
        for col in sheet.columns:
            if col.kind == "enum" and col.enum not in seen:
                seen.add(col.enum)
                columns.append((col.enum, col.header, [vi_label(m) for m in col.enum]))
    codes = db.session.scalars(sa.select(Agency.code).order_by(Agency.code)).all()
    columns.append(("agency", "Mã cơ quan", list(codes)))
    columns.append(("bool", "Có / Không", ["Có", "Không"]))
    terms = db.session.scalars(sa.select(Term.name).order_by(Term.start_date)).all()
    columns.append(("term", "Giai đoạn", list(terms)))
    out = {}
    for index, (key, header, values) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=header).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=index, value=value)
        if values:
            out[key] = f"'{LISTS_TITLE}'!${letter}$2:${letter}${len(values) + 1}"
    return out


def _write_guide(book: Workbook, sheets: tuple[Sheet, ...]) -> None:
    ws = book.create_sheet(GUIDE_TITLE, 0)
    ws.append(["Trang", "Cột", "Bắt buộc", "Kiểu dữ liệu", "Giải thích"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for sheet in sheets:
        for col in sheet.columns:
            ws.append(
                [
                    sheet.title,
                    col.header,
                    "Có" if col.required else "",
                    KIND_TEXT[col.kind],
                    col.help,
                ]
            )
    for letter, width in zip("ABCDE", (20, 28, 10, 36, 70), strict=True):
        ws.column_dimensions[letter].width = width


def _book(sheets: tuple[Sheet, ...], rows: dict[str, list[dict]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _write_guide(book, sheets)
    lists = _write_lists(book, sheets)
    for sheet in sheets:
        _write_sheet(book, sheet, rows.get(sheet.key, []), lists)
    book.move_sheet(LISTS_TITLE, offset=len(book.sheetnames))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_workbook(user) -> bytes:
    """Every sheet, with the records ``user`` may see (None: what the Office sees)."""
    return _book(SHEETS, gather(user))


def template(kind: str) -> bytes:
    """An empty template for one kind of record: its sheets with one example row, the guide
    sheet explaining every column and the drop-down lists. Raises KeyError for an unknown
    kind."""
    sheets = TEMPLATES[kind]
    return _book(sheets, {s.key: [{c.key: c.example for c in s.columns}] for s in sheets})


# -- the file between the dry run and the confirmation ------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
#: A checked file waits this long for its confirmation.
PENDING_FOR = timedelta(days=1)


def _pending_folder() -> Path:
    folder = attachments.folder() / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pending_path(user, token: str) -> Path | None:
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return _pending_folder() / f"{getattr(user, 'id', 0)}-{token}.xlsx"


def keep_upload(user, data: bytes) -> str:
    """Keep a checked file for its confirmation, under a random name only its uploader's
    requests can reach (outside ``static/``); files left unconfirmed for a day are removed."""
    folder = _pending_folder()
    cutoff = datetime.now(UTC).timestamp() - PENDING_FOR.total_seconds()
    for old in folder.glob("*.xlsx"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = secrets.token_urlsafe(24)
    _pending_path(user, token).write_bytes(data)
    return token


def pending_upload(user, token: str) -> bytes | None:
    """The file kept for ``user`` under ``token``, or None (unknown, expired, another's)."""
    path = _pending_path(user, token)
    if path is None or not path.is_file():
        return None
    return path.read_bytes()


def drop_upload(user, token: str) -> None:
    path = _pending_path(user, token)
    if path is not None:
        path.unlink(missing_ok=True)


def export_filename(today: date | None = None) -> str:
    today = today or calendar.today_local()
    return f"chuong-trinh-phoi-hop-{today:%Y%m%d}.xlsx"


__all__ = [
    "SHEETS",
    "TEMPLATES",
    "Problem",
    "Result",
    "export_workbook",
    "import_workbook",
    "parse_period_words",
    "template",
]
