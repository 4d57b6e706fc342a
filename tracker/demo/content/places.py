"""Kon Tum's communes and districts before the 2025 reorganisation, as (commune, district)
pairs in one table, checked against the General Statistics Office's list of administrative
units (the same names, written "Đăk" as the province's press writes them); and the communes
and wards of the two-tier province from 1 July 2025, when Kon Tum joined Quảng Ngãi and the
districts ended (Nghị quyết 1664/NQ-UBTVQH15; the 40 units of the former Kon Tum, with no
district: three wards and 37 communes).

Issues are placed by drawing a row of ``PLACES`` true on the day they were first seen; a
template that needs a particular kind of place (a ginseng-growing commune, Măng Đen, a
riverbank) draws from the rows tagged for it. Măng Đen became a town (thị trấn) on 1 September
2019, from the commune of Đăk Long of Kon Plông, and a commune (xã Măng Đen) on 1 July 2025;
the rows say so with their dates. ``BECAME`` says which new commune each old one joined, so
that what is written about an old case after 1 July 2025 names the place as it is then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.demo.content.agencies import MERGED
from tracker.demo.content.timing import When, between, since, until

CITY = "Thành phố Kon Tum"

#: District → how often it turns up in the news (the city most).
DISTRICT_WEIGHTS: dict[str, int] = {
    CITY: 30,
    "Đăk Hà": 10,
    "Đăk Tô": 9,
    "Ngọc Hồi": 9,
    "Đăk Glei": 10,
    "Sa Thầy": 9,
    "Kon Rẫy": 6,
    "Kon Plông": 9,
    "Tu Mơ Rông": 8,
    "Ia H'Drai": 5,
}
DISTRICTS = tuple(DISTRICT_WEIGHTS)

#: Tags of places some templates need.
GINSENG = "ginseng"  # where sâm Ngọc Linh is grown, on the slopes of Ngọc Linh
MANG_DEN = "mang_den"  # the Măng Đen tourist area


#: The last day of the district level.
DISTRICTS_END = MERGED - timedelta(days=1)
BEFORE = until(DISTRICTS_END)
AFTER = since(MERGED)


@dataclass(frozen=True)
class Place:
    commune: str
    #: "" from 1 July 2025: there are no districts any more.
    district: str
    kind: str  # "phường", "xã" or "thị trấn"
    when: When = BEFORE
    tags: frozenset[str] = frozenset()
    #: For a commune of the two-tier province, the former district it lies in (how often it
    #: turns up in the news); not written anywhere.
    former: str = ""

    @property
    def commune_full(self) -> str:
        """'xã Mường Hoong', 'phường Quyết Thắng'."""
        return f"{self.kind} {self.commune}"

    @property
    def district_full(self) -> str:
        """'huyện Đăk Glei', 'thành phố Kon Tum'; the commune itself when there are no
        districts any more."""
        if not self.district:
            return self.commune_full
        return "thành phố Kon Tum" if self.district == CITY else f"huyện {self.district}"

    @property
    def area(self) -> str:
        """The district, or the former district, for weighting."""
        return self.district or self.former


def _rows(district: str, kind: str, names: str, *tags: str) -> tuple[Place, ...]:
    return tuple(
        Place(name.strip(), district, kind, tags=frozenset(tags)) for name in names.split(",")
    )


def _new(former: str, kind: str, names: str, *tags: str) -> tuple[Place, ...]:
    """Communes (or wards) of the two-tier province, from 1 July 2025, no district."""
    return tuple(
        Place(name.strip(), "", kind, AFTER, frozenset(tags), former) for name in names.split(",")
    )


PLACES: tuple[Place, ...] = (
    *_rows(
        CITY,
        "phường",
        "Quang Trung, Duy Tân, Quyết Thắng, Trường Chinh, Thắng Lợi, Ngô Mây, Thống Nhất, "
        "Lê Lợi, Nguyễn Trãi, Trần Hưng Đạo",
    ),
    *_rows(
        CITY,
        "xã",
        "Đăk Cấm, Kroong, Ngọk Bay, Vinh Quang, Đăk Blà, Ia Chim, Đăk Năng, Đoàn Kết, "
        "Chư Hreng, Đăk Rơ Wa, Hòa Bình",
    ),
    *_rows("Đăk Glei", "thị trấn", "Đăk Glei"),
    *_rows(
        "Đăk Glei",
        "xã",
        "Đăk Blô, Đăk Man, Đăk Nhoong, Đăk Pék, Đăk Choong, Đăk Long, Đăk Kroong, Đăk Môn",
    ),
    *_rows("Đăk Glei", "xã", "Xốp, Mường Hoong, Ngọc Linh", GINSENG),
    *_rows("Ngọc Hồi", "thị trấn", "Plei Kần"),
    *_rows("Ngọc Hồi", "xã", "Đăk Ang, Đăk Dục, Đăk Nông, Đăk Xú, Đăk Kan, Bờ Y, Sa Loong"),
    *_rows("Đăk Tô", "thị trấn", "Đăk Tô"),
    *_rows(
        "Đăk Tô",
        "xã",
        "Đăk Rơ Nga, Ngọk Tụ, Đăk Trăm, Văn Lem, Kon Đào, Tân Cảnh, Diên Bình, Pô Kô",
    ),
    Place(
        "Măng Đen",
        "Kon Plông",
        "thị trấn",
        between(date(2019, 9, 1), DISTRICTS_END),
        frozenset({MANG_DEN}),
    ),
    Place("Đăk Long", "Kon Plông", "xã", until(date(2019, 8, 31)), frozenset({MANG_DEN})),
    *_rows(
        "Kon Plông",
        "xã",
        "Đăk Nên, Đăk Ring, Măng Búk, Đăk Tăng, Ngọk Tem, Pờ Ê, Măng Cành, Hiếu",
    ),
    *_rows("Kon Rẫy", "thị trấn", "Đăk Rve"),
    *_rows("Kon Rẫy", "xã", "Đăk Kôi, Đăk Tơ Lung, Đăk Ruồng, Đăk Pne, Đăk Tờ Re, Tân Lập"),
    *_rows("Đăk Hà", "thị trấn", "Đăk Hà"),
    *_rows(
        "Đăk Hà",
        "xã",
        "Đăk Pxi, Đăk Long, Đăk Hring, Đăk Ui, Đăk Ngọk, Đăk Mar, Ngọk Wang, Ngọk Réo, "
        "Hà Mòn, Đăk La",
    ),
    *_rows("Sa Thầy", "thị trấn", "Sa Thầy"),
    *_rows(
        "Sa Thầy",
        "xã",
        "Rơ Kơi, Sa Nhơn, Hơ Moong, Mô Rai, Sa Sơn, Sa Nghĩa, Sa Bình, Ya Xiêr, Ya Tăng, Ya Ly",
    ),
    *_rows(
        "Tu Mơ Rông",
        "xã",
        "Ngọc Yêu, Đăk Sao, Đăk Rơ Ông, Đăk Tờ Kan, Tu Mơ Rông, Đăk Hà",
    ),
    *_rows("Tu Mơ Rông", "xã", "Ngọc Lây, Đăk Na, Măng Ri, Tê Xăng, Văn Xuôi", GINSENG),
    *_rows("Ia H'Drai", "xã", "Ia Đal, Ia Dom, Ia Tơi"),
    # From 1 July 2025: the former Kon Tum's 3 wards and 37 communes of Quảng Ngãi.
    *_new(CITY, "phường", "Kon Tum, Đăk Cấm, Đăk Bla"),
    *_new(CITY, "xã", "Ngọk Bay, Ia Chim, Đăk Rơ Wa"),
    *_new("Đăk Glei", "xã", "Đăk Pék, Đăk Plô, Đăk Long, Đăk Môn"),
    *_new("Đăk Glei", "xã", "Xốp, Ngọc Linh", GINSENG),
    *_new("Ngọc Hồi", "xã", "Bờ Y, Dục Nông, Sa Loong"),
    *_new("Đăk Tô", "xã", "Đăk Tô, Ngọk Tụ, Kon Đào"),
    *_new("Tu Mơ Rông", "xã", "Đăk Tờ Kan, Tu Mơ Rông"),
    *_new("Tu Mơ Rông", "xã", "Đăk Sao, Măng Ri", GINSENG),
    *_new("Kon Plông", "xã", "Măng Bút, Kon Plông"),
    *_new("Kon Plông", "xã", "Măng Đen", MANG_DEN),
    *_new("Kon Rẫy", "xã", "Đăk Rve, Đăk Kôi, Kon Braih"),
    *_new("Đăk Hà", "xã", "Đăk Hà, Đăk Pxi, Đăk Ui, Đăk Mar, Ngọk Réo"),
    *_new("Sa Thầy", "xã", "Sa Thầy, Rờ Kơi, Sa Bình, Mô Rai, Ya Ly"),
    *_new("Ia H'Drai", "xã", "Ia Đal, Ia Tơi"),
)
#: The commune (or ward) of the two-tier province each old one joined on 1 July 2025 (the
#: main one, for the few divided between two).
BECAME: dict[tuple[str, str], str] = {
    # Thành phố Kon Tum
    ("Quang Trung", CITY): "Kon Tum",
    ("Duy Tân", CITY): "Đăk Cấm",
    ("Quyết Thắng", CITY): "Kon Tum",
    ("Trường Chinh", CITY): "Kon Tum",
    ("Thắng Lợi", CITY): "Kon Tum",
    ("Ngô Mây", CITY): "Đăk Cấm",
    ("Thống Nhất", CITY): "Kon Tum",
    ("Lê Lợi", CITY): "Đăk Bla",
    ("Nguyễn Trãi", CITY): "Đăk Bla",
    ("Trần Hưng Đạo", CITY): "Đăk Bla",
    ("Đăk Cấm", CITY): "Đăk Cấm",
    ("Kroong", CITY): "Ngọk Bay",
    ("Ngọk Bay", CITY): "Ngọk Bay",
    ("Vinh Quang", CITY): "Ngọk Bay",
    ("Đăk Blà", CITY): "Đăk Rơ Wa",
    ("Ia Chim", CITY): "Ia Chim",
    ("Đăk Năng", CITY): "Ia Chim",
    ("Đoàn Kết", CITY): "Ia Chim",
    ("Chư Hreng", CITY): "Đăk Rơ Wa",
    ("Đăk Rơ Wa", CITY): "Đăk Rơ Wa",
    ("Hòa Bình", CITY): "Đăk Rơ Wa",
    # Đăk Glei
    ("Đăk Glei", "Đăk Glei"): "Đăk Pék",
    ("Đăk Blô", "Đăk Glei"): "Đăk Plô",
    ("Đăk Man", "Đăk Glei"): "Đăk Plô",
    ("Đăk Nhoong", "Đăk Glei"): "Đăk Plô",
    ("Đăk Pék", "Đăk Glei"): "Đăk Pék",
    ("Đăk Choong", "Đăk Glei"): "Xốp",
    ("Đăk Long", "Đăk Glei"): "Đăk Long",
    ("Đăk Kroong", "Đăk Glei"): "Đăk Môn",
    ("Đăk Môn", "Đăk Glei"): "Đăk Môn",
    ("Xốp", "Đăk Glei"): "Xốp",
    ("Mường Hoong", "Đăk Glei"): "Ngọc Linh",
    ("Ngọc Linh", "Đăk Glei"): "Ngọc Linh",
    # Ngọc Hồi
    ("Plei Kần", "Ngọc Hồi"): "Bờ Y",
    ("Đăk Ang", "Ngọc Hồi"): "Dục Nông",
    ("Đăk Dục", "Ngọc Hồi"): "Dục Nông",
    ("Đăk Nông", "Ngọc Hồi"): "Dục Nông",
    ("Đăk Xú", "Ngọc Hồi"): "Bờ Y",
    ("Đăk Kan", "Ngọc Hồi"): "Sa Loong",
    ("Bờ Y", "Ngọc Hồi"): "Bờ Y",
    ("Sa Loong", "Ngọc Hồi"): "Sa Loong",
    # Đăk Tô
    ("Đăk Tô", "Đăk Tô"): "Đăk Tô",
    ("Đăk Rơ Nga", "Đăk Tô"): "Ngọk Tụ",
    ("Ngọk Tụ", "Đăk Tô"): "Ngọk Tụ",
    ("Đăk Trăm", "Đăk Tô"): "Kon Đào",
    ("Văn Lem", "Đăk Tô"): "Kon Đào",
    ("Kon Đào", "Đăk Tô"): "Kon Đào",
    ("Tân Cảnh", "Đăk Tô"): "Đăk Tô",
    ("Diên Bình", "Đăk Tô"): "Đăk Tô",
    ("Pô Kô", "Đăk Tô"): "Đăk Tô",
    # Kon Plông
    ("Măng Đen", "Kon Plông"): "Măng Đen",
    ("Đăk Long", "Kon Plông"): "Măng Đen",
    ("Đăk Nên", "Kon Plông"): "Măng Bút",
    ("Đăk Ring", "Kon Plông"): "Măng Bút",
    ("Măng Búk", "Kon Plông"): "Măng Bút",
    ("Đăk Tăng", "Kon Plông"): "Măng Đen",
    ("Ngọk Tem", "Kon Plông"): "Kon Plông",
    ("Pờ Ê", "Kon Plông"): "Kon Plông",
    ("Măng Cành", "Kon Plông"): "Măng Đen",
    ("Hiếu", "Kon Plông"): "Kon Plông",
    # Kon Rẫy
    ("Đăk Rve", "Kon Rẫy"): "Đăk Rve",
    ("Đăk Kôi", "Kon Rẫy"): "Đăk Kôi",
    ("Đăk Tơ Lung", "Kon Rẫy"): "Đăk Kôi",
    ("Đăk Ruồng", "Kon Rẫy"): "Kon Braih",
    ("Đăk Pne", "Kon Rẫy"): "Đăk Rve",
    ("Đăk Tờ Re", "Kon Rẫy"): "Kon Braih",
    ("Tân Lập", "Kon Rẫy"): "Kon Braih",
    # Đăk Hà
    ("Đăk Hà", "Đăk Hà"): "Đăk Hà",
    ("Đăk Pxi", "Đăk Hà"): "Đăk Pxi",
    ("Đăk Long", "Đăk Hà"): "Đăk Pxi",
    ("Đăk Hring", "Đăk Hà"): "Đăk Mar",
    ("Đăk Ui", "Đăk Hà"): "Đăk Ui",
    ("Đăk Ngọk", "Đăk Hà"): "Đăk Ui",
    ("Đăk Mar", "Đăk Hà"): "Đăk Mar",
    ("Ngọk Wang", "Đăk Hà"): "Ngọk Réo",
    ("Ngọk Réo", "Đăk Hà"): "Ngọk Réo",
    ("Hà Mòn", "Đăk Hà"): "Đăk Hà",
    ("Đăk La", "Đăk Hà"): "Đăk Hà",
    # Sa Thầy
    ("Sa Thầy", "Sa Thầy"): "Sa Thầy",
    ("Rơ Kơi", "Sa Thầy"): "Rờ Kơi",
    ("Sa Nhơn", "Sa Thầy"): "Sa Thầy",
    ("Hơ Moong", "Sa Thầy"): "Sa Bình",
    ("Mô Rai", "Sa Thầy"): "Mô Rai",
    ("Sa Sơn", "Sa Thầy"): "Sa Thầy",
    ("Sa Nghĩa", "Sa Thầy"): "Sa Bình",
    ("Sa Bình", "Sa Thầy"): "Sa Bình",
    ("Ya Xiêr", "Sa Thầy"): "Ya Ly",
    ("Ya Tăng", "Sa Thầy"): "Ya Ly",
    ("Ya Ly", "Sa Thầy"): "Ya Ly",
    # Tu Mơ Rông
    ("Ngọc Yêu", "Tu Mơ Rông"): "Măng Ri",
    ("Đăk Sao", "Tu Mơ Rông"): "Đăk Sao",
    ("Đăk Rơ Ông", "Tu Mơ Rông"): "Đăk Tờ Kan",
    ("Đăk Tờ Kan", "Tu Mơ Rông"): "Đăk Tờ Kan",
    ("Tu Mơ Rông", "Tu Mơ Rông"): "Tu Mơ Rông",
    ("Đăk Hà", "Tu Mơ Rông"): "Tu Mơ Rông",
    ("Ngọc Lây", "Tu Mơ Rông"): "Măng Ri",
    ("Đăk Na", "Tu Mơ Rông"): "Đăk Sao",
    ("Măng Ri", "Tu Mơ Rông"): "Măng Ri",
    ("Tê Xăng", "Tu Mơ Rông"): "Măng Ri",
    ("Văn Xuôi", "Tu Mơ Rông"): "Măng Ri",
    # Ia H'Drai
    ("Ia Đal", "Ia H'Drai"): "Ia Đal",
    ("Ia Dom", "Ia H'Drai"): "Ia Tơi",
    ("Ia Tơi", "Ia H'Drai"): "Ia Tơi",
}
NEW_COMMUNES = frozenset(p.commune for p in PLACES if not p.district)
PLACE_PAIRS = frozenset((p.commune, p.district) for p in PLACES)


@dataclass(frozen=True)
class Located:
    """Something that is somewhere: a river bank in a commune, a project in a district (or,
    from 1 July 2025, in a commune)."""

    name: str
    district: str
    commune: str | None = None
    when: When = BEFORE


#: River banks: only rivers that really flow through the commune named.
RIVERSIDE: tuple[Located, ...] = (
    Located("Đăk Bla", CITY, "Đăk Rơ Wa"),
    Located("Đăk Bla", CITY, "Thắng Lợi"),
    Located("Pô Kô", "Đăk Tô", "Pô Kô"),
    Located("Đăk Psi", "Đăk Hà", "Đăk Pxi"),
    Located("Đăk Bla", "", "Đăk Rơ Wa", AFTER),
    Located("Đăk Bla", "", "Kon Tum", AFTER),
    Located("Pô Kô", "", "Đăk Tô", AFTER),
    Located("Đăk Psi", "", "Đăk Pxi", AFTER),
)

#: Public works whose land clearance people complain about; households come from a rural
#: commune of the district unless the commune is named.
PROJECTS: tuple[Located, ...] = (
    Located("đường tránh thành phố Kon Tum", CITY),
    Located("đường giao thông phía Tây thành phố Kon Tum", CITY),
    Located("cụm công nghiệp Hòa Bình", CITY, "Hòa Bình"),
    Located("khu du lịch sinh thái Măng Đen", "Kon Plông"),
    Located("cụm công nghiệp Hòa Bình", "", "Đăk Rơ Wa", AFTER),
    Located("khu du lịch sinh thái Măng Đen", "", "Măng Đen", AFTER),
)
