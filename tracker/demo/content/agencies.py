"""The agencies of the Kon Tum education-science bloc, how the 2025 reorganisation changed
them, the terms of their programmes, who signed them, and the province's dated names
(DOMAIN.md; seed ``000_…``).

From 1 March 2025 (Kết luận số 121-KL/TW): the Office and the Party's Mass Mobilisation
Commission merged into *Ban Tuyên giáo và Dân vận Tỉnh ủy*; Labour, Invalids and Social
Affairs was dissolved, its work divided among Home Affairs, Health, Education and Agriculture
and Environment; Natural Resources and Environment merged with Agriculture into *Sở Nông
nghiệp và Môi trường*; Information and Communications joined Science and Technology (press
and publishing going to Culture). From 1 July 2025 Kon Tum joined Quảng Ngãi and the district
level ended: the province's departments carry on as the merged province's in this tracker,
so only the names of the province and its Party Committee change (``DATED_SETTINGS``).

A body that ceased to exist is kept as it was (records keep the agency of their date) and
its successors named (``REORGANISATION``); a new body appears from its ``since`` day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.enums import AgencyLevel, Sector

#: The day the departments and the Party commissions were reorganised.
REORGANISED = date(2025, 3, 1)
#: The day Kon Tum joined Quảng Ngãi and the district level ended.
MERGED = date(2025, 7, 1)


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name_vi: str
    name_en: str
    field: Sector | None
    is_office: bool = False
    in_bloc: bool = True
    level: AgencyLevel = AgencyLevel.PROVINCE
    #: The first day the body exists in this tracker (None: from the start).
    since: date | None = None


@dataclass(frozen=True)
class Change:
    """From ``effective_on`` the body ``code`` no longer exists; ``successors`` carry on its
    work (one: a merger or a rename; several: its work divided)."""

    code: str
    effective_on: date
    successors: tuple[str, ...]
    note: str


#: The Office of each period first, then the departments of the bloc, then the bodies that
#: are not in the bloc but took part in the reorganisation.
AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec(
        "BTGTU",
        "Ban Tuyên giáo Tỉnh ủy",
        "Propaganda and Education Commission",
        None,
        is_office=True,
        in_bloc=False,
    ),
    AgencySpec(
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        Sector.EDUCATION,
    ),
    AgencySpec(
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
        Sector.SCIENCE,
    ),
    AgencySpec("SYT", "Sở Y tế", "Department of Health", Sector.HEALTH),
    AgencySpec(
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        Sector.CULTURE,
    ),
    AgencySpec(
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
        Sector.LABOUR,
    ),
    AgencySpec(
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
        Sector.ENVIRONMENT,
    ),
    AgencySpec(
        "BDVTU",
        "Ban Dân vận Tỉnh ủy",
        "Mass Mobilisation Commission",
        None,
        in_bloc=False,
    ),
    AgencySpec(
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Department of Agriculture and Rural Development",
        None,
        in_bloc=False,
    ),
    AgencySpec(
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
        None,
        in_bloc=False,
    ),
    AgencySpec(
        "BTGDVTU",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Propaganda, Education and Mass Mobilisation Commission",
        None,
        is_office=True,
        in_bloc=False,
        since=REORGANISED,
    ),
    AgencySpec(
        "SNV",
        "Sở Nội vụ",
        "Department of Home Affairs",
        Sector.LABOUR,
        since=REORGANISED,
    ),
    AgencySpec(
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        Sector.ENVIRONMENT,
        since=REORGANISED,
    ),
)
AGENCY_BY_CODE = {spec.code: spec for spec in AGENCIES}
#: Every department of the bloc, whenever it existed.
DEPARTMENT_CODES = tuple(spec.code for spec in AGENCIES if spec.in_bloc)

#: The 2025 reorganisation, as recorded through ``services.agencies.reorganise``.
REORGANISATION: tuple[Change, ...] = (
    Change(
        "BTGTU",
        REORGANISED,
        ("BTGDVTU",),
        "Hợp nhất Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy thành Ban Tuyên giáo và Dân "
        "vận Tỉnh ủy.",
    ),
    Change(
        "BDVTU",
        REORGANISED,
        ("BTGDVTU",),
        "Hợp nhất Ban Tuyên giáo Tỉnh ủy và Ban Dân vận Tỉnh ủy thành Ban Tuyên giáo và Dân "
        "vận Tỉnh ủy.",
    ),
    Change(
        "SLDTBXH",
        REORGANISED,
        ("SNV", "SYT", "SGDDT", "SNNMT"),
        "Kết thúc hoạt động; lao động, việc làm, tiền lương, bảo hiểm xã hội, người có công "
        "chuyển Sở Nội vụ; bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội chuyển Sở Y tế; "
        "giáo dục nghề nghiệp chuyển Sở Giáo dục và Đào tạo; giảm nghèo chuyển Sở Nông nghiệp "
        "và Môi trường.",
    ),
    Change(
        "STNMT",
        REORGANISED,
        ("SNNMT",),
        "Hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn thành "
        "Sở Nông nghiệp và Môi trường.",
    ),
    Change(
        "SNNPTNT",
        REORGANISED,
        ("SNNMT",),
        "Hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn thành "
        "Sở Nông nghiệp và Môi trường.",
    ),
    Change(
        "STTTT",
        REORGANISED,
        ("SKHCN", "SVHTTDL"),
        "Hợp nhất vào Sở Khoa học và Công nghệ; quản lý nhà nước về báo chí, xuất bản, phát "
        "thanh, truyền hình chuyển Sở Văn hóa, Thể thao và Du lịch.",
    ),
)
DISSOLVED_ON = {change.code: change.effective_on for change in REORGANISATION}
#: Whose programme carries on what was left of a dissolved department's (its main successor).
CARRIED_ON_BY = {"SLDTBXH": "SNV", "STNMT": "SNNMT"}


def exists_on(code: str, day: date) -> bool:
    """Whether the body existed on ``day`` (from its ``since`` to the day before it ceased)."""
    spec = AGENCY_BY_CODE[code]
    if spec.since is not None and day < spec.since:
        return False
    dissolved = DISSOLVED_ON.get(code)
    return dissolved is None or day < dissolved


def office_on(day: date) -> str:
    """The code of the body acting as the Office on ``day``."""
    return next(s.code for s in AGENCIES if s.is_office and exists_on(s.code, day))


def departments_on(day: date) -> tuple[str, ...]:
    """The departments of the bloc that existed on ``day``."""
    return tuple(code for code in DEPARTMENT_CODES if exists_on(code, day))


#: How each department's field reads inside a sentence ("trên lĩnh vực ...").
AREAS: dict[str, str] = {
    "SGDDT": "giáo dục và đào tạo",
    "SKHCN": "khoa học và công nghệ",
    "SYT": "y tế, dân số",
    "SVHTTDL": "văn hóa, thể thao và du lịch",
    "SLDTBXH": "lao động, người có công và xã hội",
    "STNMT": "tài nguyên và môi trường",
    "SNV": "lao động, việc làm, người có công",
    "SNNMT": "nông nghiệp và môi trường",
}

#: The stored settings from the start: the same app serves any province.
SETTINGS: dict[str, str] = {
    "province_name": "Kon Tum",
    "party_committee_name": "Tỉnh ủy Kon Tum",
    "office_name": "Ban Tuyên giáo Tỉnh ủy",
}
#: The names that changed, from the day they changed (``settings.change_from``).
DATED_SETTINGS: tuple[tuple[str, date, str], ...] = (
    ("office_name", REORGANISED, "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("province_name", MERGED, "Quảng Ngãi"),
    ("party_committee_name", MERGED, "Tỉnh ủy Quảng Ngãi"),
)


@dataclass(frozen=True)
class TermSpec:
    """A term (giai đoạn) and when its programmes are signed: from ``signing_from``, within
    ``signing_days`` days, with the departments that exist on the term's first day (or, for a
    term under way, on ``signing_from``); agreements are numbered from ``first_number``.
    ``carried_over``: the next term's programmes took over what was left of this term's (they
    are "replaced", not merely expired)."""

    name: str
    start: date
    end: date
    signing_from: date
    signing_days: int
    first_number: int
    carried_over: bool = False


TERMS: tuple[TermSpec, ...] = (
    TermSpec("2017-2021", date(2017, 1, 1), date(2021, 9, 30), date(2017, 1, 9), 40, 3, True),
    TermSpec("2021-2025", date(2021, 10, 1), date(2025, 12, 31), date(2021, 10, 11), 45, 14),
    TermSpec("2026-2030", date(2026, 1, 1), date(2030, 12, 31), date(2026, 1, 12), 35, 2),
)


@dataclass(frozen=True)
class MidTermSpec:
    """A department that came into being during a term signs its own programme with the
    Office for the rest of that term (``term``: index in ``TERMS``)."""

    code: str
    term: int
    signing_from: date
    signing_days: int
    number: int


#: The new departments sign with the new Office in the spring of 2025.
MID_TERM: tuple[MidTermSpec, ...] = (
    MidTermSpec("SNNMT", 1, date(2025, 3, 24), 10, 20),
    MidTermSpec("SNV", 1, date(2025, 4, 2), 10, 21),
)

#: Who signed for the Office and for each department, one per term (None: the body did not
#: sign in that term); fictional people. The Office signs as the body it was on the day.
SIGNATORIES: dict[str, tuple[str | None, ...]] = {
    "BTGTU": (
        "Nguyễn Văn Bình - Phó Trưởng Ban Thường trực Ban Tuyên giáo Tỉnh ủy",
        "Lê Thị Thu Trang - Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        None,
    ),
    "BTGDVTU": (
        None,
        "Lê Thị Thu Trang - Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Đặng Văn Thành - Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
    ),
    "SGDDT": (
        "Trần Đình Phúc - Giám đốc Sở Giáo dục và Đào tạo",
        "Phạm Văn Dũng - Giám đốc Sở Giáo dục và Đào tạo",
        "Nguyễn Thị Bích Ngọc - Giám đốc Sở Giáo dục và Đào tạo",
    ),
    "SKHCN": (
        "Lê Văn Tâm - Giám đốc Sở Khoa học và Công nghệ",
        "Hồ Sỹ Hùng - Giám đốc Sở Khoa học và Công nghệ",
        "Hồ Sỹ Hùng - Giám đốc Sở Khoa học và Công nghệ",
    ),
    "SYT": (
        "A Phương - Giám đốc Sở Y tế",
        "Trần Quốc Việt - Giám đốc Sở Y tế",
        "Nguyễn Đức Thịnh - Giám đốc Sở Y tế",
    ),
    "SVHTTDL": (
        "Y Thị Kim Hoa - Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "Đào Xuân Lâm - Giám đốc Sở Văn hóa, Thể thao và Du lịch",
        "Đào Xuân Lâm - Giám đốc Sở Văn hóa, Thể thao và Du lịch",
    ),
    "SLDTBXH": (
        "Võ Minh Đức - Giám đốc Sở Lao động - Thương binh và Xã hội",
        "Nguyễn Văn Trung - Giám đốc Sở Lao động - Thương binh và Xã hội",
        None,
    ),
    "STNMT": (
        "Phan Văn Thế - Giám đốc Sở Tài nguyên và Môi trường",
        "Trương Quang Khải - Giám đốc Sở Tài nguyên và Môi trường",
        None,
    ),
    "SNV": (
        None,
        "Y Ngọc Thuận - Giám đốc Sở Nội vụ",
        "Lương Thị Hồng - Giám đốc Sở Nội vụ",
    ),
    "SNNMT": (
        None,
        "Trương Quang Khải - Giám đốc Sở Nông nghiệp và Môi trường",
        "Lê Minh Quân - Giám đốc Sở Nông nghiệp và Môi trường",
    ),
}
