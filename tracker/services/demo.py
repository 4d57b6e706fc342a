"""The Kon Tum demo: fills an empty database with seven agencies, three terms of agreements,
ten years of reports and a few hundred public-opinion issues, all relative to ``today``.

Everything is drawn from one ``random.Random(rng_seed)``, so two runs with the same ``today``
and seed give the same data. The facts (agencies, resolutions, places) come from the two
source articles on the Kon Tum and Điện Biên programmes and are copied here as literals. The
strings are data, in Vietnamese, and do not go through gettext.

``seed`` flushes but never commits: the caller (``flask seed-demo``) commits.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import holidays as holidays_lib
import sqlalchemy as sa

from tracker.enums import (
    AgencyLevel,
    AgreementStatus,
    CommitmentStatus,
    Field,
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
    Sensitivity,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    Holiday,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    Setting,
    Term,
    User,
)
from tracker.services import calendar, compliance
from tracker.services.passwords import hash_password
from tracker.text import normalise

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "DemoSummary", "database_is_empty", "seed"]

DEMO_PASSWORD = "tracker-demo"

# ---------------------------------------------------------------------------------------------
# Agencies, people and terms
# ---------------------------------------------------------------------------------------------

OFFICE_CODE = "BTGTU"

#: (code, Vietnamese name, English name, primary field); the Office first.
AGENCIES: tuple[tuple[str, str, str, Field | None], ...] = (
    (OFFICE_CODE, "Ban Tuyên giáo Tỉnh ủy", "Propaganda and Education Commission", None),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training", Field.EDUCATION),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology", Field.SCIENCE),
    ("SYT", "Sở Y tế", "Department of Health", Field.HEALTH),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        Field.CULTURE,
    ),
    (
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
        Field.LABOUR,
    ),
    (
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
        Field.ENVIRONMENT,
    ),
)
DEPARTMENT_CODES = tuple(code for code, *_ in AGENCIES[1:])

#: (username, full name, role, agency code). Every account's password is DEMO_PASSWORD.
DEMO_USERS: list[tuple[str, str, Role, str | None]] = [
    ("admin", "Lê Minh Tuấn", Role.ADMIN, None),
    ("office", "Trần Thị Hồng Nhung", Role.OFFICE, OFFICE_CODE),
    ("office2", "Nguyễn Văn Hải", Role.OFFICE, OFFICE_CODE),
    ("office3", "Phan Thị Thu Hà", Role.OFFICE, OFFICE_CODE),
    ("leader", "Đặng Văn Thành", Role.LEADERSHIP, OFFICE_CODE),
    ("sgddt", "Võ Thị Thanh Hương", Role.LIAISON, "SGDDT"),
    ("skhcn", "Phạm Đức Long", Role.LIAISON, "SKHCN"),
    ("syt", "Nguyễn Thị Mai Anh", Role.LIAISON, "SYT"),
    ("svhttdl", "A Thuyên", Role.LIAISON, "SVHTTDL"),
    ("sldtbxh", "Hoàng Thị Lan", Role.LIAISON, "SLDTBXH"),
    ("stnmt", "Bùi Quang Vinh", Role.LIAISON, "STNMT"),
]
OFFICE_STAFF = ("office", "office2", "office3")

#: (name, start, end) of the three terms (giai đoạn).
TERMS: tuple[tuple[str, date, date], ...] = (
    ("2017-2021", date(2017, 1, 1), date(2021, 9, 30)),
    ("2021-2025", date(2021, 10, 1), date(2025, 12, 31)),
    ("2026-2030", date(2026, 1, 1), date(2030, 12, 31)),
)
#: Per term: first possible signing day, signing window in days, leading agreement number.
SIGNING: tuple[tuple[date, int, int], ...] = (
    (date(2017, 1, 9), 40, 3),
    (date(2021, 10, 11), 45, 14),
    (date(2026, 1, 12), 35, 2),
)

#: The signatories of the Office and of each department, per term (fictional people).
SIGNATORIES: dict[str, tuple[str, str, str]] = {
    OFFICE_CODE: (
        "Nguyễn Văn Bình - Phó Trưởng Ban Thường trực Ban Tuyên giáo Tỉnh ủy",
        "Lê Thị Thu Trang - Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Đặng Văn Thành - Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
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
        "Lương Thị Hồng - Giám đốc Sở Lao động - Thương binh và Xã hội",
    ),
    "STNMT": (
        "Phan Văn Thế - Giám đốc Sở Tài nguyên và Môi trường",
        "Trương Quang Khải - Giám đốc Sở Tài nguyên và Môi trường",
        "Lê Minh Quân - Giám đốc Sở Tài nguyên và Môi trường",
    ),
}

#: How each department's field reads inside a sentence ("trên lĩnh vực ...").
AREAS: dict[str, str] = {
    "SGDDT": "giáo dục và đào tạo",
    "SKHCN": "khoa học và công nghệ",
    "SYT": "y tế, dân số",
    "SVHTTDL": "văn hóa, thể thao và du lịch",
    "SLDTBXH": "lao động, người có công và xã hội",
    "STNMT": "tài nguyên và môi trường",
}

# ---------------------------------------------------------------------------------------------
# Commitments (nội dung phối hợp)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    """A commitment template. ``notes`` may use {n} (the metric value), {k} (a small number),
    {area} and {year}; ``terms`` lists the terms (0, 1, 2) the clause belongs to."""

    title: str
    description: str
    recurrence: Recurrence
    metric: Metric | None
    notes: tuple[str, ...]
    value: tuple[int, int] = (2, 12)
    terms: tuple[int, ...] = (0, 1, 2)
    always: bool = False


R = Recurrence
M = Metric

CLAUSES: dict[str, tuple[_Clause, ...]] = {
    "SGDDT": (
        _Clause(
            "Phối hợp tuyên truyền Nghị quyết số 29-NQ/TW, ngày 04-11-2013 của Ban Chấp hành "
            "Trung ương Đảng khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo",
            "Định hướng tư tưởng chính trị, chỉ đạo, hướng dẫn tuyên truyền trong cán bộ, đảng "
            "viên, giáo viên, học sinh và các tầng lớp Nhân dân về chủ trương đổi mới căn bản, "
            "toàn diện giáo dục và đào tạo, đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa và hội "
            "nhập quốc tế.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            (
                "Phối hợp đăng tải {n} tin, bài về đổi mới căn bản, toàn diện giáo dục và đào "
                "tạo trên Báo Kon Tum và Trang thông tin điện tử của ngành",
                "Xây dựng chuyên mục “Giáo dục Kon Tum” trên Đài Phát thanh - Truyền hình tỉnh; "
                "phát sóng {n} chương trình",
            ),
            (6, 48),
        ),
        _Clause(
            "Tổ chức bồi dưỡng chính trị hè cho đội ngũ cán bộ quản lý và giáo viên",
            "Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn, cử báo cáo viên; Sở Giáo dục và Đào tạo "
            "tổ chức các lớp bồi dưỡng chính trị hè hằng năm cho cán bộ quản lý, giáo viên toàn "
            "ngành.",
            R.ANNUAL,
            M.PEOPLE_TRAINED,
            (
                "Tổ chức {k} lớp bồi dưỡng chính trị hè cho {n} cán bộ quản lý và giáo viên",
                "Hoàn thành bồi dưỡng chính trị hè năm {year} cho {n} cán bộ quản lý, giáo viên "
                "tại {k} điểm cầu",
            ),
            (650, 1800),
        ),
        _Clause(
            "Tuyên truyền triển khai Chương trình giáo dục phổ thông 2018 và lựa chọn sách giáo "
            "khoa",
            "Thông tin đầy đủ, kịp thời về lộ trình thực hiện chương trình, sách giáo khoa mới; "
            "nắm bắt, định hướng dư luận của phụ huynh và giáo viên.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                "Tổ chức {n} hội nghị tuyên truyền, đối thoại với phụ huynh về Chương trình giáo "
                "dục phổ thông 2018",
                "Phối hợp tổ chức tọa đàm về lựa chọn sách giáo khoa với {n} cán bộ, giáo viên "
                "tham dự",
            ),
            (2, 25),
        ),
        _Clause(
            "Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho học sinh; thực hiện Chỉ "
            "thị số 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
            "trong trường học",
            "Lồng ghép nội dung giáo dục chính trị, đạo đức, pháp luật vào các hoạt động ngoại "
            "khóa; nhân rộng gương người tốt, việc tốt trong ngành giáo dục.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                "Các trường tổ chức {n} buổi sinh hoạt ngoại khóa về lý tưởng cách mạng, đạo "
                "đức, lối sống cho học sinh",
                "Biểu dương {n} tập thể, cá nhân điển hình trong học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh",
            ),
            (8, 60),
        ),
        _Clause(
            "Nắm bắt tình hình tư tưởng, dư luận trong cán bộ, giáo viên về thu, chi đầu năm "
            "học, tuyển sinh đầu cấp và chế độ, chính sách đối với nhà giáo",
            "Chủ động phát hiện, báo cáo kịp thời các vấn đề nổi cộm, bức xúc trong ngành; phối "
            "hợp định hướng thông tin trên báo chí và mạng xã hội.",
            R.MONTHLY,
            M.OTHER,
            (
                "Nắm bắt, xử lý {n} phản ánh về các khoản thu đầu năm học và tuyển sinh đầu cấp",
                "Cung cấp thông tin về {n} vụ việc liên quan đến chế độ, chính sách nhà giáo",
            ),
            (2, 14),
        ),
        _Clause(
            "Phối hợp sơ kết, tổng kết việc thực hiện Nghị quyết số 29-NQ/TW trên địa bàn tỉnh",
            "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết, tổng kết; đánh giá kết quả, hạn chế và đề ra "
            "giải pháp cho giai đoạn tiếp theo.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Xây dựng dự thảo báo cáo sơ kết; tổ chức {k} hội nghị lấy ý kiến các địa phương",),
            (1, 4),
        ),
    ),
    "SKHCN": (
        _Clause(
            "Phối hợp tuyên truyền Nghị quyết số 20-NQ/TW, ngày 01-11-2012 của Ban Chấp hành "
            "Trung ương Đảng khóa XI về phát triển khoa học và công nghệ phục vụ sự nghiệp công "
            "nghiệp hóa, hiện đại hóa",
            "Tuyên truyền, phổ biến rộng rãi nghị quyết trong cán bộ, đảng viên, doanh nghiệp và "
            "Nhân dân; nâng cao nhận thức về vai trò của khoa học và công nghệ.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            (
                "Đăng tải {n} tin, bài tuyên truyền Nghị quyết số 20-NQ/TW trên Báo Kon Tum, "
                "Đài Phát thanh - Truyền hình tỉnh",
                "Phát hành {n} số Bản tin Khoa học và Công nghệ Kon Tum",
            ),
            (4, 36),
        ),
        _Clause(
            "Tuyên truyền thành tựu khoa học và công nghệ phục vụ tái cơ cấu kinh tế, phát triển "
            "nông nghiệp công nghệ cao, công nghệ sinh học",
            "Giới thiệu các mô hình ứng dụng tiến bộ khoa học kỹ thuật hiệu quả; gắn với chuyển "
            "đổi mô hình tăng trưởng, nâng cao năng suất, chất lượng sản phẩm hàng hóa.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                "Tổ chức {n} hội thảo, tham quan mô hình nông nghiệp ứng dụng công nghệ cao",
                "Chuyển giao {n} mô hình ứng dụng công nghệ sinh học cho các hợp tác xã",
            ),
            (2, 15),
        ),
        _Clause(
            "Tuyên truyền bảo hộ chỉ dẫn địa lý “Ngọc Linh” cho sản phẩm sâm củ và phòng, chống "
            "hàng giả, hàng kém chất lượng",
            "Phổ biến quy định sử dụng chỉ dẫn địa lý, truy xuất nguồn gốc sâm Ngọc Linh; phối "
            "hợp định hướng dư luận khi xuất hiện sâm giả trên thị trường.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            (
                "Đăng tải {n} tin, bài, phóng sự về bảo hộ chỉ dẫn địa lý “Ngọc Linh”",
                "Phối hợp cấp {n} tem truy xuất nguồn gốc cho cơ sở trồng sâm tại Tu Mơ Rông, "
                "Đăk Glei",
            ),
            (3, 40),
        ),
        _Clause(
            "Phổ biến chính sách hỗ trợ doanh nghiệp đổi mới công nghệ, nâng cao năng suất, chất "
            "lượng sản phẩm hàng hóa",
            "Tổ chức hội nghị, tập huấn giới thiệu chính sách; tuyên truyền doanh nghiệp điển "
            "hình trong đổi mới sáng tạo.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị phổ biến chính sách cho doanh nghiệp, hợp tác xã",),
            (1, 6),
        ),
        _Clause(
            "Phối hợp tổ chức Hội thi sáng tạo kỹ thuật tỉnh và tuyên truyền các sáng kiến được "
            "ứng dụng",
            "Phát động hội thi trong cán bộ, giáo viên, học sinh và người lao động; giới thiệu "
            "giải pháp đạt giải trên các phương tiện thông tin đại chúng.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Tiếp nhận {n} giải pháp dự thi; tổ chức lễ tổng kết, trao giải",),
            (18, 75),
        ),
        _Clause(
            "Phối hợp sơ kết việc thực hiện Nghị quyết số 20-NQ/TW trên địa bàn tỉnh",
            "Đánh giá kết quả thực hiện nghị quyết, đề xuất nhiệm vụ, giải pháp phát triển khoa "
            "học và công nghệ của tỉnh.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Xây dựng dự thảo báo cáo sơ kết; tổ chức {k} cuộc làm việc với các sở, ngành",),
            (1, 4),
        ),
    ),
    "SYT": (
        _Clause(
            "Giáo dục chính trị tư tưởng, y đức cho đội ngũ y, bác sỹ và nhân viên y tế; thực "
            "hiện quy tắc ứng xử của công chức, viên chức ngành y tế",
            "Tổ chức học tập chính trị, đạo đức nghề nghiệp; đổi mới phong cách, thái độ phục "
            "vụ hướng tới sự hài lòng của người bệnh.",
            R.ONGOING,
            M.PEOPLE_TRAINED,
            (
                "Tổ chức {k} lớp giáo dục y đức, quy tắc ứng xử cho {n} y, bác sỹ và nhân viên "
                "y tế",
                "Khảo sát sự hài lòng của người bệnh tại {k} cơ sở y tế; {n} phiếu khảo sát",
            ),
            (120, 900),
        ),
        _Clause(
            "Tuyên truyền Nghị quyết số 20-NQ/TW, ngày 25-10-2017 của Hội nghị Trung ương 6 khóa "
            "XII về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong "
            "tình hình mới",
            "Phối hợp nghiên cứu, tham mưu, đề xuất và triển khai các nghị quyết, chỉ thị của "
            "Đảng và Nhà nước về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} tin, bài về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",),
            (5, 40),
        ),
        _Clause(
            "Phối hợp thông tin, tuyên truyền phòng, chống dịch Covid-19 và các dịch bệnh trên "
            "người",
            "Cung cấp thông tin chính thống về tình hình dịch bệnh; nâng cao nhận thức, tinh "
            "thần trách nhiệm của các cấp, các ngành và Nhân dân; đấu tranh với tin giả.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            (
                "Cung cấp {n} bản tin, thông cáo về tình hình dịch bệnh cho các cơ quan báo chí",
                "Phối hợp xử lý {k} trường hợp đăng tải thông tin sai sự thật về dịch bệnh trên "
                "mạng xã hội",
            ),
            (10, 120),
            terms=(0, 1),
        ),
        _Clause(
            "Phối hợp tuyên truyền phòng, chống dịch bệnh truyền nhiễm, sốt xuất huyết, bạch "
            "hầu và tiêm chủng mở rộng",
            "Vận động Nhân dân, nhất là đồng bào dân tộc thiểu số, đưa trẻ đi tiêm chủng đầy đủ; "
            "thông tin kịp thời khi xuất hiện ổ dịch.",
            R.ONGOING,
            M.EVENTS_HELD,
            ("Tổ chức {n} buổi truyền thông tiêm chủng tại các thôn, làng vùng sâu, vùng xa",),
            (6, 45),
            terms=(2,),
        ),
        _Clause(
            "Tuyên truyền Nghị quyết số 21-NQ/TW, ngày 25-10-2017 về công tác dân số trong tình "
            "hình mới",
            "Tuyên truyền giảm thiểu tảo hôn, hôn nhân cận huyết thống; nâng cao chất lượng dân "
            "số vùng đồng bào dân tộc thiểu số.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức {n} buổi nói chuyện chuyên đề về tảo hôn, hôn nhân cận huyết thống",),
            (4, 30),
        ),
        _Clause(
            "Tuyên truyền bảo hiểm y tế toàn dân và nâng cao chất lượng khám, chữa bệnh tuyến "
            "huyện, tuyến xã",
            "Thông tin về quyền lợi người tham gia bảo hiểm y tế; tiếp nhận, phản hồi ý kiến "
            "người bệnh qua đường dây nóng của ngành.",
            R.ONGOING,
            M.OTHER,
            ("Tiếp nhận, trả lời {n} phản ánh của người bệnh qua đường dây nóng",),
            (10, 90),
        ),
        _Clause(
            "Phối hợp tuyên truyền bảo đảm an toàn thực phẩm, phòng ngừa ngộ độc thực phẩm",
            "Tuyên truyền trong Tháng hành động vì an toàn thực phẩm và dịp Tết Nguyên đán, "
            "lễ hội; nâng cao nhận thức, chuyển đổi hành vi trong sản xuất, kinh doanh.",
            R.ANNUAL,
            M.MISSIONS,
            ("Phối hợp {n} đoàn kiểm tra liên ngành về an toàn thực phẩm",),
            (2, 12),
        ),
    ),
    "SVHTTDL": (
        _Clause(
            "Nâng cao hiệu lực quản lý nhà nước về hoạt động lễ hội; tổ chức lễ hội văn minh, "
            "tiết kiệm",
            "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy đảng đối với hoạt động lễ hội; phòng "
            "ngừa thương mại hóa, mê tín dị đoan trong lễ hội.",
            R.ANNUAL,
            M.MISSIONS,
            ("Phối hợp {n} đoàn kiểm tra hoạt động lễ hội đầu năm {year}",),
            (2, 10),
        ),
        _Clause(
            "Phát triển văn hóa đọc trong cộng đồng; tổ chức Ngày Sách và Văn hóa đọc Việt Nam "
            "(21/4)",
            "Xây dựng tủ sách cơ sở, thư viện thân thiện; tổ chức cuộc thi Đại sứ văn hóa đọc "
            "cho học sinh.",
            R.ANNUAL,
            M.EVENTS_HELD,
            (
                "Tổ chức {n} hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm {year}",
                "Luân chuyển {n} bản sách về các thư viện, tủ sách cơ sở",
            ),
            (5, 60),
        ),
        _Clause(
            "Triển khai Chỉ thị số 46-CT/TW của Ban Bí thư (khóa X) về chống sự xâm nhập của "
            "các sản phẩm văn hóa độc hại gây hủy hoại đạo đức xã hội",
            "Phối hợp với Công an tỉnh kiểm soát việc xuất, nhập khẩu văn hóa phẩm; kiểm tra các "
            "tụ điểm kinh doanh karaoke, băng đĩa hình, trò chơi điện tử.",
            R.ONGOING,
            M.MISSIONS,
            ("Kiểm tra {n} cơ sở kinh doanh dịch vụ văn hóa; xử lý {k} trường hợp vi phạm",),
            (6, 48),
        ),
        _Clause(
            "Bảo tồn và phát huy giá trị văn hóa truyền thống các dân tộc thiểu số (cồng chiêng, "
            "nhà rông, lễ hội truyền thống)",
            "Phục dựng lễ hội truyền thống, mở lớp truyền dạy đánh chiêng, xoang cho thanh thiếu "
            "niên; tuyên truyền bảo vệ không gian văn hóa cồng chiêng Tây Nguyên.",
            R.ONGOING,
            M.CLASSES_HELD,
            ("Mở {n} lớp truyền dạy cồng chiêng, xoang cho thanh thiếu niên các làng",),
            (2, 16),
        ),
        _Clause(
            "Tuyên truyền phát triển du lịch Măng Đen và các sản phẩm du lịch gắn với văn hóa "
            "cộng đồng",
            "Quảng bá tiềm năng du lịch của tỉnh; định hướng thông tin khi có phản ánh về giá "
            "dịch vụ, an ninh trật tự tại các khu, điểm du lịch.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Phối hợp đăng tải {n} tin, bài, phóng sự quảng bá du lịch Măng Đen",),
            (5, 50),
        ),
        _Clause(
            "Đấu tranh phản bác thông tin, quan điểm sai trái, thù địch trên lĩnh vực văn hóa, "
            "văn học - nghệ thuật",
            "Bảo vệ nền tảng tư tưởng của Đảng; phòng, chống các biểu hiện “tự diễn biến”, “tự "
            "chuyển hóa” trong lĩnh vực văn hóa, văn nghệ.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} bài viết đấu tranh, phản bác quan điểm sai trái",),
            (3, 24),
        ),
    ),
    "SLDTBXH": (
        _Clause(
            "Tuyên truyền Chỉ thị số 20-CT/TW, ngày 05-11-2012 của Bộ Chính trị về tăng cường sự "
            "lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình "
            "hình mới",
            "Nâng cao ý thức trách nhiệm của cấp ủy, chính quyền và toàn xã hội đối với việc "
            "chăm sóc, giáo dục và bảo vệ trẻ em; phòng, chống xâm hại, bạo lực trẻ em.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                "Tổ chức {n} buổi truyền thông về phòng, chống xâm hại trẻ em tại trường học, "
                "thôn, làng",
                "Phối hợp hỗ trợ, can thiệp {k} trường hợp trẻ em bị xâm hại, bạo lực",
            ),
            (4, 40),
        ),
        _Clause(
            "Triển khai Chỉ thị số 19-CT/TW, ngày 05-11-2012 của Ban Bí thư (khóa XI) về tăng "
            "cường sự lãnh đạo của Đảng đối với công tác dạy nghề cho lao động nông thôn",
            "Tuyên truyền nâng cao nhận thức về đào tạo nghề, giải quyết việc làm cho lao động "
            "nông thôn, gắn với Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
            R.ONGOING,
            M.PEOPLE_TRAINED,
            (
                "Tổ chức đào tạo nghề cho {n} lao động nông thôn; {k} lớp tại các xã đặc biệt "
                "khó khăn",
                "Tư vấn, giới thiệu việc làm cho {n} lao động nông thôn sau học nghề",
            ),
            (150, 1400),
        ),
        _Clause(
            "Tuyên truyền Tháng hành động vì trẻ em và Tháng hành động về an toàn, vệ sinh lao "
            "động",
            "Tổ chức lễ phát động, treo băng rôn, khẩu hiệu; phát sóng chuyên mục trên Đài Phát "
            "thanh - Truyền hình tỉnh.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức lễ phát động và {n} hoạt động hưởng ứng Tháng hành động năm {year}",),
            (3, 20),
        ),
        _Clause(
            "Tuyên truyền chính sách giảm nghèo bền vững gắn với xây dựng nông thôn mới",
            "Phổ biến chính sách hỗ trợ hộ nghèo, hộ cận nghèo; biểu dương hộ thoát nghèo bền "
            "vững, mô hình sinh kế hiệu quả.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Phối hợp đăng tải {n} tin, bài về mô hình giảm nghèo hiệu quả",),
            (4, 30),
        ),
        _Clause(
            "Tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm thất nghiệp; phòng ngừa tình "
            "trạng nợ đóng bảo hiểm xã hội",
            "Phối hợp với Bảo hiểm xã hội tỉnh tuyên truyền quyền lợi của người lao động; định "
            "hướng dư luận về các doanh nghiệp nợ đóng kéo dài.",
            R.QUARTERLY,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị đối thoại với người lao động, người sử dụng lao động",),
            (1, 10),
        ),
        _Clause(
            "Tuyên truyền đưa người lao động đi làm việc ở nước ngoài theo hợp đồng và phòng, "
            "chống mua bán người",
            "Cảnh báo các thủ đoạn lừa đảo tuyển dụng lao động; giới thiệu doanh nghiệp được "
            "cấp phép hoạt động dịch vụ.",
            R.ONGOING,
            M.PEOPLE_TRAINED,
            ("Tư vấn cho {n} lao động có nhu cầu đi làm việc ở nước ngoài",),
            (40, 400),
        ),
    ),
    "STNMT": (
        _Clause(
            "Tuyên truyền chủ trương của Đảng, chính sách pháp luật của Nhà nước về quản lý tài "
            "nguyên và bảo vệ môi trường",
            "Định hướng tư tưởng, hướng dẫn tuyên truyền trong cán bộ, đảng viên và Nhân dân; "
            "phát huy sức mạnh tổng hợp của cả hệ thống chính trị tham gia bảo vệ môi trường.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} tin, bài về quản lý tài nguyên và bảo vệ môi trường",),
            (5, 45),
        ),
        _Clause(
            "Phối hợp nắm tình hình, định hướng dư luận trong giải quyết tranh chấp, khiếu nại "
            "về đất đai",
            "Kịp thời cung cấp thông tin về các vụ việc tranh chấp, khiếu kiện đông người; hạn "
            "chế đơn, thư khiếu nại vượt cấp.",
            R.MONTHLY,
            M.OTHER,
            ("Cung cấp thông tin về {n} vụ việc tranh chấp, khiếu nại đất đai",),
            (2, 16),
        ),
        _Clause(
            "Tuyên truyền phòng, chống khai thác khoáng sản trái phép, nhất là khai thác cát, "
            "sỏi lòng sông Đăk Bla",
            "Phối hợp với chính quyền địa phương vận động Nhân dân tố giác vi phạm; công khai "
            "kết quả xử lý trên phương tiện thông tin đại chúng.",
            R.ONGOING,
            M.MISSIONS,
            ("Phối hợp {n} đợt kiểm tra; xử lý {k} trường hợp khai thác cát, sỏi trái phép",),
            (2, 18),
        ),
        _Clause(
            "Tuyên truyền phòng ngừa, xử lý ô nhiễm môi trường tại các cơ sở chế biến tinh bột "
            "sắn, cà phê, cao su",
            "Phổ biến quy định về xả thải; định hướng dư luận khi Nhân dân phản ánh ô nhiễm; "
            "công khai kết quả quan trắc môi trường.",
            R.ONGOING,
            M.MISSIONS,
            ("Kiểm tra {n} cơ sở sản xuất, chế biến; yêu cầu {k} cơ sở khắc phục ô nhiễm",),
            (3, 25),
        ),
        _Clause(
            "Tổ chức các hoạt động hưởng ứng Ngày Môi trường thế giới (05/6) và Chiến dịch làm "
            "cho thế giới sạch hơn",
            "Phát động ra quân dọn vệ sinh, trồng cây xanh; tuyên truyền giảm thiểu rác thải "
            "nhựa trong cộng đồng.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức {n} hoạt động hưởng ứng Ngày Môi trường thế giới năm {year}",),
            (3, 25),
        ),
        _Clause(
            "Tuyên truyền Luật Đất đai năm 2024 và các văn bản hướng dẫn thi hành",
            "Phổ biến những điểm mới của luật đến cán bộ, đảng viên và Nhân dân; giải đáp vướng "
            "mắc về cấp giấy chứng nhận, bồi thường, hỗ trợ, tái định cư.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị phổ biến Luật Đất đai năm 2024",),
            (2, 12),
            terms=(1, 2),
        ),
        _Clause(
            "Tuyên truyền ứng phó với biến đổi khí hậu, phòng, chống thiên tai, sạt lở đất",
            "Cảnh báo nguy cơ sạt lở tại các huyện miền núi; hướng dẫn Nhân dân chủ động phòng "
            "tránh trong mùa mưa bão.",
            R.ANNUAL,
            M.ARTICLES_PUBLISHED,
            ("Phát hành {n} tin cảnh báo, hướng dẫn phòng tránh sạt lở đất",),
            (3, 30),
            terms=(0, 2),
        ),
    ),
}

#: The clauses every agreement has in some form; {area} is the department's field.
COMMON_CLAUSES: tuple[_Clause, ...] = (
    _Clause(
        "Ban hành kế hoạch triển khai Chương trình phối hợp và phân công cán bộ đầu mối",
        "Mỗi bên ban hành kế hoạch thực hiện, phân công lãnh đạo phụ trách và cán bộ đầu mối "
        "theo dõi, tổng hợp, báo cáo kết quả phối hợp trên lĩnh vực {area}.",
        R.ONCE,
        None,
        (
            "Ban hành kế hoạch thực hiện chương trình phối hợp; phân công cán bộ đầu mối",
            "Dự thảo kế hoạch thực hiện, lấy ý kiến các phòng chuyên môn",
        ),
        always=True,
    ),
    _Clause(
        "Thực hiện chế độ báo cáo định kỳ hằng tháng, hằng quý về kết quả phối hợp",
        "Gửi báo cáo tháng, quý, 6 tháng và năm về Ban Tuyên giáo Tỉnh ủy đúng thời hạn theo "
        "Nghị định số 09/2019/NĐ-CP; đánh giá kết quả từng nội dung phối hợp.",
        R.MONTHLY,
        None,
        (
            "Gửi đầy đủ báo cáo tháng, quý về Ban Tuyên giáo Tỉnh ủy",
            "Hoàn thành báo cáo năm {year} về kết quả thực hiện chương trình phối hợp",
        ),
        always=True,
    ),
    _Clause(
        "Cung cấp thông tin hai chiều về các vấn đề “nóng”, nhạy cảm, bức xúc mà báo chí phản "
        "ánh, dư luận xã hội quan tâm trên lĩnh vực {area}",
        "Kịp thời trao đổi thông tin, thống nhất nội dung định hướng; thiết lập đường dây nóng, "
        "chuyên mục hỏi đáp trên Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh.",
        R.ONGOING,
        M.OTHER,
        ("Cung cấp thông tin về {n} vấn đề dư luận xã hội quan tâm",),
        (2, 20),
        always=True,
    ),
    _Clause(
        "Phối hợp thành lập đoàn công tác khảo sát nắm tình hình tư tưởng, dư luận xã hội tại "
        "cơ sở",
        "Phát hiện kịp thời những vấn đề nổi cộm, bức xúc về tư tưởng và việc thực hiện nhiệm "
        "vụ trên lĩnh vực {area} để phối hợp xử lý.",
        R.ANNUAL,
        M.MISSIONS,
        ("Tổ chức {n} đoàn khảo sát tại các huyện Đăk Glei, Tu Mơ Rông, Ia H'Drai",),
        (1, 5),
    ),
    _Clause(
        "Phối hợp tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên và "
        "cán bộ làm công tác tuyên giáo của ngành",
        "Ban Tuyên giáo Tỉnh ủy cung cấp tài liệu, cử báo cáo viên; ngành bố trí học viên, "
        "kinh phí tổ chức lớp.",
        R.ANNUAL,
        M.PEOPLE_TRAINED,
        ("Tổ chức {k} lớp tập huấn cho {n} báo cáo viên, tuyên truyền viên",),
        (40, 220),
    ),
    _Clause(
        "Phối hợp kiểm tra, giám sát việc thực hiện các chỉ thị, nghị quyết của Đảng, chính "
        "sách, pháp luật của Nhà nước trên lĩnh vực {area}",
        "Xây dựng kế hoạch kiểm tra hằng năm; kiến nghị khắc phục hạn chế, xử lý sai phạm.",
        R.ANNUAL,
        M.MISSIONS,
        ("Phối hợp {n} cuộc kiểm tra, giám sát tại các huyện, thành phố",),
        (1, 6),
    ),
    _Clause(
        "Phối hợp tham mưu sơ kết, tổng kết các chỉ thị, nghị quyết của Trung ương, của Tỉnh ủy "
        "trên lĩnh vực {area}",
        "Tham mưu Thường trực, Ban Thường vụ Tỉnh ủy sơ kết, tổng kết; đề xuất chủ trương, giải "
        "pháp cho giai đoạn tiếp theo.",
        R.ONCE,
        M.EVENTS_HELD,
        ("Xây dựng {k} báo cáo sơ kết, tổng kết trình Ban Thường vụ Tỉnh ủy",),
        (1, 4),
    ),
    _Clause(
        "Cung cấp thông tin, tài liệu cho Hội nghị báo cáo viên và giao ban báo chí hằng quý",
        "Chuẩn bị nội dung thông tin chuyên đề về tình hình, kết quả hoạt động của ngành phục "
        "vụ công tác định hướng tư tưởng.",
        R.QUARTERLY,
        M.OTHER,
        ("Cung cấp {n} chuyên đề thông tin phục vụ Hội nghị báo cáo viên",),
        (1, 8),
    ),
    _Clause(
        "Xây dựng chuyên trang, chuyên mục phản ánh gương người tốt, việc tốt, mô hình hay "
        "trên lĩnh vực {area}",
        "Phối hợp định hướng Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh xây dựng chuyên "
        "trang, chuyên mục; nhân rộng cách làm hiệu quả.",
        R.ONGOING,
        M.ARTICLES_PUBLISHED,
        ("Phối hợp xây dựng {n} chuyên mục, phóng sự về gương người tốt, việc tốt",),
        (2, 24),
    ),
)

# ---------------------------------------------------------------------------------------------
# Places, outlets and issue templates
# ---------------------------------------------------------------------------------------------

CITY = "Thành phố Kon Tum"

#: district → [(kind of commune, commune name)]; Kon Tum before the 2025 reorganisation.
PLACES: dict[str, tuple[tuple[str, str], ...]] = {
    CITY: (
        ("phường", "Quyết Thắng"),
        ("phường", "Thắng Lợi"),
        ("phường", "Thống Nhất"),
        ("phường", "Duy Tân"),
        ("phường", "Ngô Mây"),
        ("phường", "Trường Chinh"),
        ("phường", "Lê Lợi"),
        ("phường", "Nguyễn Trãi"),
        ("xã", "Đăk Blà"),
        ("xã", "Đăk Rơ Wa"),
        ("xã", "Hòa Bình"),
        ("xã", "Ngọk Bay"),
        ("xã", "Vinh Quang"),
        ("xã", "Chư Hreng"),
        ("xã", "Đăk Cấm"),
        ("xã", "Ia Chim"),
        ("xã", "Kroong"),
        ("xã", "Đoàn Kết"),
    ),
    "Đăk Hà": (
        ("thị trấn", "Đăk Hà"),
        ("xã", "Hà Mòn"),
        ("xã", "Đăk La"),
        ("xã", "Đăk Mar"),
        ("xã", "Đăk Hring"),
        ("xã", "Đăk Ui"),
        ("xã", "Ngọk Wang"),
        ("xã", "Ngọk Réo"),
        ("xã", "Đăk Pxi"),
    ),
    "Đăk Tô": (
        ("thị trấn", "Đăk Tô"),
        ("xã", "Tân Cảnh"),
        ("xã", "Diên Bình"),
        ("xã", "Pô Kô"),
        ("xã", "Kon Đào"),
        ("xã", "Ngọk Tụ"),
        ("xã", "Văn Lem"),
        ("xã", "Đăk Rơ Nga"),
        ("xã", "Đăk Trăm"),
    ),
    "Ngọc Hồi": (
        ("thị trấn", "Plei Kần"),
        ("xã", "Bờ Y"),
        ("xã", "Pờ Y"),
        ("xã", "Sa Loong"),
        ("xã", "Đăk Ang"),
        ("xã", "Đăk Dục"),
        ("xã", "Đăk Nông"),
        ("xã", "Đăk Xú"),
    ),
    "Đăk Glei": (
        ("thị trấn", "Đăk Glei"),
        ("xã", "Đăk Long"),
        ("xã", "Đăk Pék"),
        ("xã", "Đăk Môn"),
        ("xã", "Đăk Man"),
        ("xã", "Đăk Choong"),
        ("xã", "Xốp"),
        ("xã", "Mường Hoong"),
        ("xã", "Ngọc Linh"),
        ("xã", "Đăk Plô"),
        ("xã", "Đăk Nhoong"),
        ("xã", "Đăk Kroong"),
    ),
    "Sa Thầy": (
        ("thị trấn", "Sa Thầy"),
        ("xã", "Sa Nhơn"),
        ("xã", "Sa Sơn"),
        ("xã", "Sa Nghĩa"),
        ("xã", "Sa Bình"),
        ("xã", "Rờ Kơi"),
        ("xã", "Mô Rai"),
        ("xã", "Ya Xiêr"),
        ("xã", "Ya Tăng"),
        ("xã", "Ya Ly"),
        ("xã", "Hơ Moong"),
    ),
    "Kon Rẫy": (
        ("thị trấn", "Đăk Rve"),
        ("xã", "Đăk Tờ Re"),
        ("xã", "Đăk Ruồng"),
        ("xã", "Tân Lập"),
        ("xã", "Đăk Pne"),
        ("xã", "Đăk Kôi"),
        ("xã", "Đăk Tơ Lung"),
    ),
    "Kon Plông": (
        ("thị trấn", "Măng Đen"),
        ("xã", "Hiếu"),
        ("xã", "Pờ Ê"),
        ("xã", "Măng Cành"),
        ("xã", "Ngọk Tem"),
        ("xã", "Đăk Tăng"),
        ("xã", "Măng Bút"),
        ("xã", "Đăk Ring"),
        ("xã", "Đăk Nên"),
    ),
    "Tu Mơ Rông": (
        ("xã", "Đăk Hà"),
        ("xã", "Tu Mơ Rông"),
        ("xã", "Đăk Tờ Kan"),
        ("xã", "Đăk Sao"),
        ("xã", "Đăk Na"),
        ("xã", "Ngọk Lây"),
        ("xã", "Măng Ri"),
        ("xã", "Tê Xăng"),
        ("xã", "Văn Xuôi"),
        ("xã", "Ngọk Yêu"),
        ("xã", "Đăk Rơ Ông"),
    ),
    "Ia H'Drai": (("xã", "Ia Dal"), ("xã", "Ia Dom"), ("xã", "Ia Tơi")),
}
#: How often each district turns up in the news (the city most).
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

VILLAGES = (
    "Kon Klor",
    "Kon Tum Kơ Nâm",
    "Plei Đôn",
    "Kon Jơ Ri",
    "Đăk Wơk",
    "Kon Hra Chót",
    "Plei Groi",
    "Kon Rẽ",
    "Măng Rương",
    "Tu Rét",
    "Đăk Giá",
    "Kon Braih",
)
RIVERS = ("Đăk Bla", "Pô Kô", "Sa Thầy", "Đăk Psi", "Đăk Snghé", "Đăk Tờ Kan")
# Fictional companies: the demo must not accuse a real business of anything.
COMPANIES = (
    "Công ty TNHH Nông lâm Đăk Rơ Wa",
    "Công ty CP Tinh bột sắn Bắc Tây Nguyên",
    "Công ty TNHH Xây dựng Trường Sơn KT",
    "Công ty CP Khoáng sản Ngọc Sơn",
    "Công ty TNHH Gỗ Phú Thịnh Kon Tum",
    "Công ty CP Dược liệu Măng Đen Xanh",
    "Công ty TNHH Chế biến nông sản Sa Thầy",
    "Công ty TNHH Dịch vụ Việc làm Tây Nguyên",
)
FESTIVALS = (
    "Lễ hội Văn hóa cồng chiêng",
    "Lễ mừng lúa mới",
    "Lễ hội đua thuyền độc mộc trên sông Đăk Bla",
    "Tuần Văn hóa - Du lịch Măng Đen",
    "Lễ hội cầu mưa",
    "Ngày hội Văn hóa, Thể thao các dân tộc thiểu số",
)
PROJECTS = (
    "đường tránh thành phố Kon Tum",
    "khu đô thị phía Nam cầu Đăk Bla",
    "hồ chứa nước Đăk Pokei",
    "đường giao thông phía Tây thành phố Kon Tum",
    "khu du lịch sinh thái Măng Đen",
    "cụm công nghiệp Hòa Bình",
)
TOPICS = (
    "cây dược liệu dưới tán rừng",
    "nuôi cá tầm nước lạnh",
    "cà phê xứ lạnh",
    "nhân giống sâm Ngọc Linh",
    "chăn nuôi bò lai",
)
HOLIDAY_NAMES = ("Tết Nguyên đán", "lễ 30/4 - 1/5", "lễ Quốc khánh 2/9", "Tết Dương lịch")


@dataclass(frozen=True)
class _IssueTpl:
    """A hot-issue template; placeholders are filled from the place and random numbers."""

    title: str
    summary: str
    years: tuple[int, int] = (2017, 2100)
    city: bool = False  # happens in the city's wards rather than anywhere


I = _IssueTpl  # noqa: E741 - a short name keeps the table below readable

ISSUE_TEMPLATES: dict[Field, tuple[_IssueTpl, ...]] = {
    Field.ENVIRONMENT: (
        I(
            "Tranh chấp đất rẫy giữa người dân {commune_full} và {company}",
            "{n} hộ dân {commune_full}, {district_full} phản ánh diện tích đất rẫy canh tác lâu "
            "năm bị đưa vào dự án trồng rừng của {company}; người dân tụ tập tại trụ sở xã, đề "
            "nghị trả lại đất sản xuất.",
        ),
        I(
            "Khai thác cát trái phép trên sông {river} đoạn qua {commune_full}",
            "Người dân phản ánh tàu hút cát hoạt động ban đêm trên sông {river}, gây sạt lở "
            "khoảng {m} m bờ sông, ảnh hưởng đất sản xuất của nhiều hộ dân {commune_full}.",
        ),
        I(
            "Nhà máy chế biến tinh bột sắn gây ô nhiễm tại {commune_full}",
            "Nước thải từ hồ sinh học của nhà máy chế biến tinh bột sắn tràn ra suối, bốc mùi "
            "hôi thối; khoảng {n} hộ dân {commune_full}, {district_full} bức xúc, kiến nghị đình "
            "chỉ hoạt động.",
        ),
        I(
            "Bãi rác quá tải, người dân {commune_full} chặn xe chở rác",
            "Bãi xử lý rác thải sinh hoạt quá tải, nước rỉ rác chảy vào ruộng; {n} hộ dân "
            "{commune_full} chặn xe chở rác, yêu cầu di dời bãi rác.",
        ),
        I(
            "Khai thác vàng sa khoáng trái phép tại {commune_full}, {district_full}",
            "Các nhóm đối tượng dùng máy nổ, máy xúc đào bới lòng suối tìm vàng, làm đục nguồn "
            "nước sinh hoạt của {n} hộ dân; chính quyền xã đã lập biên bản nhưng tình trạng tái "
            "diễn.",
        ),
        I(
            "{n} hộ dân khiếu nại giá bồi thường giải phóng mặt bằng dự án {project}",
            "{n} hộ dân {commune_full} không đồng ý đơn giá bồi thường đất và tài sản trên đất "
            "của dự án {project}; gửi đơn tập thể đến nhiều cơ quan.",
        ),
        I(
            "Lấn chiếm đất rừng phòng hộ tại {commune_full}",
            "Phát hiện khoảng {m} m² rừng phòng hộ bị chặt phá, lấn chiếm để trồng cây ăn quả "
            "tại {commune_full}, {district_full}; dư luận đặt câu hỏi về trách nhiệm quản lý.",
        ),
        I(
            "Sạt lở đất đe dọa {n} hộ dân tại {commune_full} sau mưa lớn",
            "Mưa lớn kéo dài gây sạt lở taluy dương, nhiều vết nứt xuất hiện sau nhà dân "
            "{commune_full}; người dân lo lắng, đề nghị sớm bố trí tái định cư.",
        ),
        I(
            "Chậm cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ dân {commune_full}",
            "Người dân phản ánh hồ sơ nộp từ nhiều năm nhưng chưa được cấp giấy chứng nhận "
            "quyền sử dụng đất, gây khó khăn khi vay vốn sản xuất.",
        ),
    ),
    Field.HEALTH: (
        I(
            "Người bệnh phải tự mua {k} loại thuốc tại Trung tâm Y tế {district_full}",
            "Người bệnh phản ánh phải tự mua {k} loại thuốc ngoài do cơ sở hết thuốc trong danh "
            "mục bảo hiểm y tế; nguyên nhân do chậm tổ chức đấu thầu thuốc.",
        ),
        I(
            "Thông tin sai sự thật về ca mắc Covid-19 tại {commune_full} lan truyền trên mạng",
            "Tài khoản mạng xã hội đăng tải thông tin về ca mắc Covid-19 và việc phong tỏa "
            "{commune_full}, thu hút {n} lượt chia sẻ, gây hoang mang trong Nhân dân.",
            years=(2020, 2022),
        ),
        I(
            "Phụ huynh lo ngại phản ứng sau tiêm vắc xin tại {commune_full}",
            "Sau đợt tiêm chủng, {k} trẻ có biểu hiện sốt, quấy khóc; thông tin lan truyền khiến "
            "nhiều phụ huynh {commune_full} không đưa con đi tiêm mũi tiếp theo.",
        ),
        I(
            "Xuất hiện ổ dịch bạch hầu tại {commune_full}, {district_full}",
            "Ghi nhận {k} ca dương tính với bạch hầu tại {commune_full}; tỷ lệ tiêm chủng tại "
            "địa bàn thấp, người dân chưa hợp tác cách ly, điều trị dự phòng.",
        ),
        I(
            "Ngộ độc thực phẩm sau đám cưới tại {commune_full}, {n} người nhập viện",
            "Sau khi ăn cỗ cưới, {n} người có biểu hiện đau bụng, nôn ói phải nhập viện cấp cứu; "
            "cơ quan chức năng lấy mẫu thực phẩm xét nghiệm.",
        ),
        I(
            "Clip nhân viên y tế Trung tâm Y tế {district_full} lớn tiếng với người nhà bệnh nhân",
            "Clip ghi lại cảnh nhân viên y tế lớn tiếng với người nhà bệnh nhân được chia sẻ "
            "{n} lần trên mạng xã hội, gây bức xúc trong dư luận.",
        ),
        I(
            "Sốt xuất huyết gia tăng tại {district_full}, {n} ca mắc",
            "Số ca mắc sốt xuất huyết tăng cao so với cùng kỳ; người dân phản ánh việc phun hóa "
            "chất diệt muỗi tại {commune_full} chưa kịp thời.",
        ),
        I(
            "Cơ sở bán thuốc không phép tại {commune_full}",
            "Người dân phản ánh một cơ sở bán thuốc kê đơn không có đơn, không có giấy chứng "
            "nhận đủ điều kiện kinh doanh dược tại {commune_full}, {district_full}.",
        ),
        I(
            "Tình trạng tảo hôn, hôn nhân cận huyết thống tại {commune_full}",
            "Trong năm ghi nhận {k} trường hợp tảo hôn tại {commune_full}, {district_full}; dư "
            "luận lo ngại ảnh hưởng đến chất lượng dân số vùng đồng bào dân tộc thiểu số.",
        ),
    ),
    Field.EDUCATION: (
        I(
            "Phụ huynh phản ánh lạm thu đầu năm học tại Trường Tiểu học {commune}",
            "Ban đại diện cha mẹ học sinh thu {money} đồng/học sinh các khoản ngoài quy định; "
            "nhiều phụ huynh {commune_full} bức xúc, đăng tải lên mạng xã hội.",
        ),
        I(
            "Giáo viên hợp đồng tại {district_full} bị nợ lương {k} tháng",
            "{n} giáo viên hợp đồng các trường mầm non, tiểu học tại {district_full} chưa được "
            "chi trả lương, gặp nhiều khó khăn trong cuộc sống.",
        ),
        I(
            "Thiếu giáo viên, phòng học tạm tại điểm trường làng {village}, {commune_full}",
            "Điểm trường làng {village} phải học ghép {k} lớp trong phòng học tạm dột nát; phụ "
            "huynh kiến nghị bố trí thêm giáo viên và xây dựng phòng học kiên cố.",
        ),
        I(
            "Học sinh bỏ học đi làm thuê tại {commune_full}",
            "{n} học sinh trung học cơ sở {commune_full} nghỉ học dài ngày theo gia đình đi làm "
            "thuê mùa cà phê; nhà trường vận động nhưng chưa hiệu quả.",
        ),
        I(
            "Clip học sinh đánh nhau tại Trường THCS {commune} lan truyền trên mạng xã hội",
            "Đoạn clip dài {k} phút ghi cảnh nhóm nữ sinh đánh bạn trong giờ ra chơi thu hút "
            "hàng nghìn lượt xem; dư luận đặt vấn đề về công tác quản lý học sinh.",
        ),
        I(
            "{n} giáo viên {district_full} phản ánh việc điều động thiếu công khai",
            "{n} giáo viên có đơn phản ánh việc điều động về các điểm trường vùng sâu thiếu "
            "công khai, không tính đến hoàn cảnh gia đình.",
        ),
        I(
            "Bếp ăn bán trú Trường PTDTBT THCS {commune} không bảo đảm vệ sinh",
            "Hình ảnh bữa ăn bán trú đạm bạc, bếp ăn xuống cấp được chia sẻ trên mạng xã hội; "
            "phụ huynh đề nghị công khai việc chi tiền hỗ trợ tiền ăn cho {n} học sinh.",
        ),
        I(
            "Phụ huynh {commune_full} băn khoăn về giá sách giáo khoa mới",
            "Nhiều phụ huynh {commune_full} phản ánh giá bộ sách giáo khoa mới tăng cao, gây "
            "khó khăn cho hộ nghèo; một số nơi thiếu sách đầu năm học.",
            years=(2019, 2100),
        ),
        I(
            "{n} học sinh bán trú {district_full} chậm nhận tiền hỗ trợ",
            "{n} học sinh thuộc diện hỗ trợ theo Nghị định số 116/2016/NĐ-CP chưa được nhận "
            "tiền hỗ trợ học kỳ I; phụ huynh gửi đơn đến xã.",
        ),
    ),
    Field.CULTURE: (
        I(
            "{festival} tại {commune_full} có dấu hiệu thương mại hóa",
            "Người dân phản ánh việc bán vé, thu phí dịch vụ cao, nhiều hàng quán lấn chiếm lối "
            "đi trong {festival}; có hiện tượng mê tín dị đoan.",
        ),
        I(
            "Cơ sở karaoke hoạt động quá giờ, gây ồn tại phường {commune}",
            "{n} hộ dân phường {commune} phản ánh cơ sở karaoke hoạt động đến 1-2 giờ sáng, mở "
            "nhạc lớn, tụ tập thanh thiếu niên gây mất an ninh trật tự.",
            city=True,
        ),
        I(
            "Bộ cồng chiêng cổ của làng {village} bị bán ra ngoài",
            "Một số hộ tại làng {village}, {commune_full} bán {k} bộ cồng chiêng cổ cho thương "
            "lái; dư luận lo ngại mai một di sản văn hóa cồng chiêng.",
        ),
        I(
            "Thu giữ {n} băng đĩa, ấn phẩm có nội dung độc hại tại {commune_full}",
            "Lực lượng chức năng thu giữ {n} băng đĩa, ấn phẩm có nội dung đồi trụy, bạo lực tại "
            "một cửa hàng ở {commune_full}.",
        ),
        I(
            "Nhà rông văn hóa làng {village} xuống cấp, sử dụng sai mục đích",
            "Nhà rông làng {village}, {commune_full} bị dột nát, một phần được dùng làm kho "
            "chứa nông sản; già làng kiến nghị hỗ trợ tu sửa.",
        ),
        I(
            "{k} công trình xây dựng không phép ảnh hưởng cảnh quan khu du lịch Măng Đen",
            "Dư luận phản ánh {k} công trình homestay xây dựng không phép, san ủi đồi thông tại "
            "Măng Đen; đề nghị xử lý nghiêm để bảo vệ cảnh quan.",
        ),
        I(
            "Trang mạng xã hội xuyên tạc về lễ hội, văn hóa các dân tộc ở {district_full}",
            "Một trang Facebook đăng tải {k} bài viết xuyên tạc lịch sử, bôi nhọ truyền thống "
            "văn hóa các dân tộc Kon Tum, thu hút {n} lượt bình luận.",
        ),
        I(
            "Giá dịch vụ lưu trú tại Măng Đen tăng đột biến dịp {holiday} năm {year}",
            "Du khách phản ánh giá phòng homestay, khách sạn tại Măng Đen tăng gấp {k} lần ngày "
            "thường; một số cơ sở không niêm yết giá.",
        ),
        I(
            "Trò chơi điện tử bạo lực thu hút học sinh tại {commune_full}",
            "Phụ huynh phản ánh {k} tiệm trò chơi điện tử gần trường học tại {commune_full} cho "
            "học sinh chơi game bạo lực đến khuya.",
        ),
    ),
    Field.LABOUR: (
        I(
            "{company} nợ bảo hiểm xã hội của {n} người lao động",
            "Người lao động phản ánh công ty trích tiền lương nhưng không đóng bảo hiểm xã hội "
            "trong {k} tháng, ảnh hưởng quyền lợi chế độ ốm đau, thai sản.",
        ),
        I(
            "Nghi vấn bạo hành trẻ em tại {commune_full}",
            "Hàng xóm phát hiện bé {k} tuổi ở {commune_full}, {district_full} có nhiều vết bầm "
            "tím, nghi bị người thân bạo hành; thông tin lan truyền trên mạng xã hội.",
        ),
        I(
            "{k} lao động {commune_full} đi làm việc ở nước ngoài bị lừa đảo",
            "{k} lao động {commune_full} nộp tiền cho đối tượng môi giới để đi làm việc ở nước "
            "ngoài nhưng không được đưa đi; gia đình gửi đơn cầu cứu.",
        ),
        I(
            "Học viên lớp dạy nghề tại {commune_full} không được nhận hỗ trợ",
            "{n} học viên lớp đào tạo nghề cho lao động nông thôn phản ánh chưa được nhận tiền "
            "hỗ trợ ăn, đi lại theo quy định.",
        ),
        I(
            "{n} người có công tại {district_full} chậm nhận trợ cấp hằng tháng",
            "{n} người có công với cách mạng tại {district_full} phản ánh chậm nhận trợ cấp "
            "hằng tháng do thay đổi phương thức chi trả.",
        ),
        I(
            "Bình xét hộ nghèo chưa công khai tại {commune_full}",
            "Người dân làng {village} phản ánh việc bình xét hộ nghèo, hộ cận nghèo không tổ "
            "chức họp dân, {k} hộ khó khăn không có tên trong danh sách.",
        ),
        I(
            "Học sinh {commune_full} đuối nước trên sông {river}",
            "{k} em học sinh {commune_full} đuối nước khi tắm sông {river} trong dịp nghỉ hè; "
            "dư luận đặt vấn đề về công tác phòng, chống đuối nước trẻ em.",
        ),
        I(
            "Tai nạn lao động tại công trình xây dựng ở {commune_full}",
            "Sập giàn giáo tại công trình của {company} làm {k} công nhân bị thương; người lao "
            "động chưa được trang bị bảo hộ và ký hợp đồng lao động.",
        ),
        I(
            "{n} lao động {district_full} mất việc do dịch Covid-19 cần được hỗ trợ",
            "Khoảng {n} lao động {district_full} mất việc, trở về địa phương; nhiều người chưa "
            "được tiếp cận gói hỗ trợ theo Nghị quyết số 68/NQ-CP.",
            years=(2020, 2022),
        ),
    ),
    Field.SCIENCE: (
        I(
            "Sâm Ngọc Linh giả rao bán trên mạng, người trồng sâm {commune_full} lo ngại",
            "Nhiều tài khoản rao bán “sâm Ngọc Linh” giá rẻ, thực chất là tam thất hoang, sâm "
            "Trung Quốc; người trồng sâm tại {commune_full} lo ngại ảnh hưởng thương hiệu.",
        ),
        I(
            "{n} hộ dân {commune_full} phản ánh giống cà phê kém chất lượng",
            "{n} hộ dân mua cây giống cà phê ghép của cơ sở trôi nổi, sau {k} năm cây không cho "
            "trái; đề nghị kiểm tra nguồn gốc giống.",
        ),
        I(
            "Dự án nông nghiệp ứng dụng công nghệ cao tại {commune_full} chậm triển khai",
            "Dự án được giao đất từ nhiều năm nhưng chậm triển khai, đất bỏ hoang; người dân "
            "kiến nghị thu hồi để sản xuất.",
        ),
        I(
            "Cân điện tử tại chợ {commune} bị phản ánh gian lận",
            "Người tiêu dùng phản ánh {k} quầy hàng sử dụng cân điện tử có gắn chip gian lận "
            "khối lượng tại chợ {commune}, {district_full}.",
        ),
        I(
            "Phòng khám tư nhân tại {commune_full} sử dụng thiết bị X-quang chưa được cấp phép",
            "Cơ sở sử dụng thiết bị X-quang chưa có giấy phép tiến hành công việc bức xạ; người "
            "dân lo ngại ảnh hưởng sức khỏe.",
        ),
        I(
            "{k} đề tài khoa học cấp tỉnh về {topic} nghiệm thu nhưng không được ứng dụng",
            "Dư luận đặt câu hỏi về hiệu quả của {k} đề tài khoa học đã nghiệm thu nhưng chưa "
            "được chuyển giao, gây lãng phí ngân sách.",
        ),
        I(
            "Clip trồng sâm “thần tốc” gây hoang mang cho người dân {commune_full}",
            "Clip quảng cáo phương pháp trồng sâm Ngọc Linh cho thu hoạch sau {k} năm được chia "
            "sẻ {n} lần; người trồng sâm hoang mang, nhiều người đặt mua giống.",
        ),
        I(
            "Sử dụng chỉ dẫn địa lý “Ngọc Linh” không đúng quy định tại {commune_full}",
            "Một số cơ sở tại {commune_full} gắn nhãn “sâm Ngọc Linh Kon Tum” cho sản phẩm không "
            "rõ nguồn gốc; cơ quan chức năng vào cuộc kiểm tra.",
        ),
    ),
}

FIELD_WEIGHTS: dict[Field, int] = {
    Field.ENVIRONMENT: 24,
    Field.HEALTH: 19,
    Field.EDUCATION: 20,
    Field.CULTURE: 14,
    Field.LABOUR: 15,
    Field.SCIENCE: 8,
}
SOURCE_WEIGHTS: dict[IssueSource, int] = {
    IssueSource.PRESS: 30,
    IssueSource.SOCIAL_MEDIA: 26,
    IssueSource.PETITION: 12,
    IssueSource.HOTLINE: 11,
    IssueSource.GRASSROOTS: 13,
    IssueSource.MEETING: 8,
}
SENSITIVITY_WEIGHTS: dict[Sensitivity, int] = {
    Sensitivity.LOW: 40,
    Sensitivity.MEDIUM: 39,
    Sensitivity.HIGH: 16,
    Sensitivity.CRITICAL: 5,
}
#: Days given to answer an issue, by sensitivity.
RESPONSE_DAYS = {
    Sensitivity.LOW: 15,
    Sensitivity.MEDIUM: 10,
    Sensitivity.HIGH: 5,
    Sensitivity.CRITICAL: 2,
}
#: (shortest, longest) days from first seen to resolution, by sensitivity.
RESOLUTION_DAYS = {
    Sensitivity.LOW: (8, 60),
    Sensitivity.MEDIUM: (6, 45),
    Sensitivity.HIGH: (4, 30),
    Sensitivity.CRITICAL: (2, 14),
}

#: (outlet, site) of the press.
PRESS = (
    ("Báo Kon Tum", "baokontum.com.vn"),
    ("Báo Kon Tum", "baokontum.com.vn"),
    ("Đài Phát thanh - Truyền hình Kon Tum", "kontumtv.vn"),
    ("Báo Tuổi Trẻ", "tuoitre.vn"),
    ("Báo Thanh Niên", "thanhnien.vn"),
    ("Báo Lao Động", "laodong.vn"),
    ("Báo Người Lao Động", "nld.com.vn"),
    ("Báo Dân trí", "dantri.com.vn"),
)
SOCIAL = (
    ("Facebook nhóm Kon Tum 24h", "kontum24h"),
    ("Facebook nhóm Hội những người yêu Kon Tum", "yeukontum"),
    ("Facebook nhóm Chợ Măng Đen", "chomangden"),
    ("Facebook nhóm Phụ huynh Kon Tum", "phuhuynhkontum"),
    ("TikTok", ""),
)
HOTLINES = {
    "SGDDT": "Đường dây nóng Sở Giáo dục và Đào tạo",
    "SKHCN": "Đường dây nóng Sở Khoa học và Công nghệ",
    "SYT": "Đường dây nóng Sở Y tế",
    "SVHTTDL": "Đường dây nóng Sở Văn hóa, Thể thao và Du lịch",
    "SLDTBXH": "Tổng đài quốc gia bảo vệ trẻ em 111",
    "STNMT": "Đường dây nóng Sở Tài nguyên và Môi trường",
}

DISMISS_REASONS = (
    "Thông tin không chính xác; đã xác minh tại cơ sở, không có vụ việc như phản ánh.",
    "Vụ việc thuộc thẩm quyền giải quyết của UBND {district_full}; đã chuyển đơn, không "
    "theo dõi tại Ban.",
    "Trùng với vấn đề đang được theo dõi trước đó.",
    "Bài đăng đã được gỡ bỏ, không có phản ứng tiếp theo trong dư luận.",
)
COMMENTS = (
    "Đã đề nghị {responsible} kiểm tra, xác minh và báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy.",
    "Đã trao đổi với phóng viên, định hướng thông tin đúng bản chất vụ việc.",
    "UBND {district_full} đã thành lập đoàn kiểm tra, làm việc với các bên liên quan.",
    "Đề nghị theo dõi sát diễn biến dư luận trên mạng xã hội, kịp thời cung cấp thông tin chính "
    "thống.",
    "Đã cung cấp thông tin cho Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh để đăng tải.",
    "Đã họp với các ngành liên quan thống nhất phương án xử lý, trả lời công dân.",
    "Ngành đã cử cán bộ xuống {commune_full} nắm tình hình, tuyên truyền, vận động Nhân dân.",
    "Đề nghị báo cáo viên cơ sở tiếp tục nắm bắt tâm tư, nguyện vọng của Nhân dân.",
)
RESOLVE_COMMENTS = (
    "Vụ việc đã được giải quyết dứt điểm; dư luận ổn định.",
    "Cơ quan chức năng đã xử lý vi phạm, công khai kết quả trên phương tiện thông tin đại chúng.",
    "Đã trả lời công dân bằng văn bản; người dân đồng tình với kết quả giải quyết.",
    "Các bên đã thống nhất phương án khắc phục; địa phương tiếp tục theo dõi.",
)
CLOSE_COMMENTS = (
    "Đóng hồ sơ theo dõi sau khi xác nhận dư luận ổn định.",
    "Kết thúc theo dõi; lưu hồ sơ vụ việc.",
    "Không phát sinh phản ánh mới; đóng vụ việc.",
)

# ---------------------------------------------------------------------------------------------
# Report text
# ---------------------------------------------------------------------------------------------

SITUATION_COMMON = (
    "Tình hình tư tưởng của cán bộ, đảng viên, công chức, viên chức và người lao động trong "
    "ngành cơ bản ổn định; tin tưởng vào sự lãnh đạo của Đảng, sự quản lý, điều hành của Nhà "
    "nước.",
    "Cán bộ, đảng viên chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà "
    "nước; không có biểu hiện “tự diễn biến”, “tự chuyển hóa”.",
    "Dư luận xã hội quan tâm đến tình hình phát triển kinh tế - xã hội, giá cả một số mặt hàng "
    "thiết yếu và việc giải quyết chế độ, chính sách cho người dân.",
    "Một số đối tượng lợi dụng mạng xã hội đăng tải thông tin sai lệch, xuyên tạc; ngành đã chủ "
    "động nắm tình hình, kịp thời cung cấp thông tin chính thống.",
)
#: (first year, last year, sentence) about the political calendar.
SITUATION_BY_YEAR = (
    (
        2017,
        2018,
        "Cán bộ, đảng viên tích cực học tập, quán triệt Nghị quyết Đại hội XII của Đảng và "
        "Nghị quyết Đại hội XV Đảng bộ tỉnh.",
    ),
    (
        2019,
        2020,
        "Cán bộ, đảng viên quan tâm đến công tác chuẩn bị Đại hội Đảng bộ các cấp tiến tới Đại "
        "hội đại biểu toàn quốc lần thứ XIII của Đảng.",
    ),
    (
        2020,
        2022,
        "Dư luận quan tâm đến diễn biến dịch Covid-19; Nhân dân đồng tình với các biện pháp "
        "phòng, chống dịch của tỉnh.",
    ),
    (
        2021,
        2021,
        "Cán bộ, Nhân dân phấn khởi trước thành công của Cuộc bầu cử đại biểu Quốc hội khóa XV "
        "và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
    ),
    (
        2022,
        2024,
        "Cán bộ, đảng viên tích cực học tập, làm theo Nghị quyết Đại hội XIII của Đảng và Nghị "
        "quyết Đại hội XVI Đảng bộ tỉnh.",
    ),
    (
        2025,
        2025,
        "Cán bộ, đảng viên quan tâm đến việc sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu "
        "lực, hiệu quả và công tác chuẩn bị Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030.",
    ),
    (
        2026,
        2100,
        "Cán bộ, đảng viên phấn khởi, tin tưởng vào thành công của Đại hội đại biểu toàn quốc "
        "lần thứ XIV của Đảng; tích cực học tập, quán triệt Nghị quyết Đại hội.",
    ),
)
SITUATION: dict[str, tuple[str, ...]] = {
    "SGDDT": (
        "Đội ngũ cán bộ quản lý, giáo viên yên tâm công tác, tâm huyết với nghề; phụ huynh quan "
        "tâm đến chất lượng dạy và học, công tác tuyển sinh đầu cấp.",
        "Dư luận quan tâm đến việc triển khai Chương trình giáo dục phổ thông 2018, lựa chọn "
        "sách giáo khoa và các khoản thu đầu năm học.",
        "Một bộ phận giáo viên hợp đồng ở vùng sâu, vùng xa còn băn khoăn về chế độ, chính sách "
        "và việc tuyển dụng viên chức.",
    ),
    "SKHCN": (
        "Cán bộ, viên chức trong ngành đồng tình với chủ trương đẩy mạnh ứng dụng khoa học, "
        "công nghệ và đổi mới sáng tạo.",
        "Doanh nghiệp, người dân quan tâm đến chính sách hỗ trợ phát triển sâm Ngọc Linh, dược "
        "liệu và nông nghiệp ứng dụng công nghệ cao.",
        "Dư luận phản ánh tình trạng sâm Ngọc Linh giả, kém chất lượng được rao bán trên mạng "
        "xã hội.",
    ),
    "SYT": (
        "Đội ngũ y, bác sỹ và nhân viên y tế thực hiện tốt quy tắc ứng xử, nâng cao y đức, tinh "
        "thần phục vụ người bệnh.",
        "Nhân dân quan tâm đến chất lượng khám, chữa bệnh tại tuyến huyện, tuyến xã và việc "
        "cung ứng thuốc, vật tư y tế.",
        "Một số ý kiến phản ánh thái độ phục vụ của một bộ phận nhân viên y tế chưa tốt; ngành "
        "đã chỉ đạo chấn chỉnh kịp thời.",
    ),
    "SVHTTDL": (
        "Các hoạt động văn hóa, văn nghệ, thể dục thể thao diễn ra sôi nổi, đáp ứng nhu cầu "
        "hưởng thụ văn hóa của Nhân dân.",
        "Dư luận quan tâm đến công tác quản lý lễ hội, bảo tồn không gian văn hóa cồng chiêng và "
        "phát triển du lịch Măng Đen.",
        "Hoạt động kinh doanh dịch vụ karaoke, trò chơi điện tử cơ bản chấp hành quy định; vẫn "
        "còn một số cơ sở hoạt động quá giờ.",
    ),
    "SLDTBXH": (
        "Người lao động, người có công và đối tượng bảo trợ xã hội cơ bản yên tâm, đồng tình với "
        "các chính sách an sinh xã hội của tỉnh.",
        "Dư luận quan tâm đến tình trạng một số doanh nghiệp chậm đóng, nợ bảo hiểm xã hội cho "
        "người lao động.",
        "Công tác chăm sóc, bảo vệ trẻ em được các cấp, các ngành quan tâm; một số vụ việc xâm "
        "hại trẻ em gây bức xúc trong dư luận.",
    ),
    "STNMT": (
        "Dư luận quan tâm đến công tác quản lý đất đai, cấp giấy chứng nhận quyền sử dụng đất "
        "và bồi thường, giải phóng mặt bằng các dự án.",
        "Tình trạng khai thác cát, sỏi trái phép trên các sông, suối cơ bản được kiểm soát; vẫn "
        "còn xảy ra ở một số địa bàn giáp ranh.",
        "Người dân một số nơi bức xúc về ô nhiễm môi trường do nước thải, mùi hôi từ các cơ sở "
        "chế biến nông sản.",
    ),
}
#: (sentence, low, high): {n} is drawn from [low, high], {k} from 2..9.
RESULTS_COMMON = (
    (
        "Phối hợp đăng tải {n} tin, bài trên Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh và "
        "Trang thông tin điện tử của ngành về lĩnh vực {area}.",
        4,
        36,
    ),
    (
        "Cung cấp {k} báo cáo, thông tin hai chiều về các vấn đề dư luận xã hội quan tâm cho Ban "
        "Tuyên giáo Tỉnh ủy.",
        0,
        0,
    ),
    (
        "Phối hợp chuẩn bị nội dung, tài liệu phục vụ Hội nghị báo cáo viên và giao ban báo chí "
        "của tỉnh.",
        0,
        0,
    ),
    (
        "Tổ chức {k} buổi sinh hoạt chính trị, tư tưởng cho {n} cán bộ, đảng viên, công chức, "
        "viên chức của ngành.",
        60,
        450,
    ),
)
RESULTS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "SGDDT": (
        (
            "Tổ chức {k} lớp bồi dưỡng chính trị hè cho {n} cán bộ quản lý và giáo viên toàn "
            "ngành.",
            650,
            1800,
        ),
        (
            "Chỉ đạo các trường lồng ghép giáo dục lý tưởng cách mạng, đạo đức, lối sống cho "
            "{n} học sinh qua các hoạt động ngoại khóa.",
            1200,
            9000,
        ),
        (
            "Tuyên truyền kết quả thực hiện Nghị quyết số 29-NQ/TW; có thêm {k} trường đạt "
            "chuẩn quốc gia.",
            0,
            0,
        ),
    ),
    "SKHCN": (
        (
            "Phát hành {k} số Bản tin Khoa học và Công nghệ; đăng tải {n} tin, bài về Nghị quyết "
            "số 20-NQ/TW.",
            6,
            30,
        ),
        (
            "Hỗ trợ {k} doanh nghiệp, hợp tác xã đăng ký nhãn hiệu, truy xuất nguồn gốc sản "
            "phẩm sâm Ngọc Linh.",
            0,
            0,
        ),
        (
            "Tổ chức {k} hội thảo giới thiệu mô hình nông nghiệp ứng dụng công nghệ cao với {n} "
            "đại biểu tham dự.",
            60,
            260,
        ),
    ),
    "SYT": (
        (
            "Tổ chức {k} lớp giáo dục y đức, quy tắc ứng xử cho {n} y, bác sỹ và nhân viên y tế.",
            120,
            900,
        ),
        (
            "Cung cấp {n} bản tin về tình hình dịch bệnh cho các cơ quan báo chí; xử lý kịp "
            "thời thông tin sai sự thật trên mạng xã hội.",
            4,
            40,
        ),
        (
            "Tiếp nhận và trả lời {n} ý kiến phản ánh của người bệnh qua đường dây nóng của ngành.",
            8,
            70,
        ),
    ),
    "SVHTTDL": (
        (
            "Kiểm tra {n} cơ sở kinh doanh dịch vụ văn hóa theo Chỉ thị số 46-CT/TW; xử lý {k} "
            "trường hợp vi phạm.",
            6,
            40,
        ),
        (
            "Tổ chức {k} hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam, luân chuyển {n} "
            "bản sách về cơ sở.",
            300,
            4000,
        ),
        ("Mở {k} lớp truyền dạy cồng chiêng, xoang cho {n} thanh thiếu niên.", 40, 260),
    ),
    "SLDTBXH": (
        ("Tổ chức đào tạo nghề cho {n} lao động nông thôn, trong đó có {k} lớp tại xã.", 80, 900),
        (
            "Tổ chức {k} buổi truyền thông về phòng, chống xâm hại trẻ em với {n} lượt người "
            "tham dự.",
            150,
            1500,
        ),
        (
            "Giải quyết việc làm cho {n} lao động; tư vấn {k} đợt cho lao động đi làm việc ở "
            "nước ngoài.",
            120,
            1100,
        ),
    ),
    "STNMT": (
        (
            "Phối hợp {k} đợt kiểm tra, xử lý khai thác cát, sỏi trái phép; đăng tải {n} tin, "
            "bài về kết quả xử lý.",
            3,
            20,
        ),
        (
            "Cung cấp thông tin về {n} vụ việc tranh chấp, khiếu nại đất đai; phối hợp định "
            "hướng dư luận.",
            2,
            16,
        ),
        (
            "Kiểm tra {n} cơ sở sản xuất, chế biến nông sản; yêu cầu {k} cơ sở khắc phục ô nhiễm "
            "môi trường.",
            4,
            25,
        ),
    ),
}
EMERGING_NONE = (
    "Trong kỳ không phát sinh vấn đề nổi cộm, phức tạp thuộc lĩnh vực {area}.",
    "Các vấn đề dư luận quan tâm trong kỳ đã được ngành chủ động nắm bắt, cung cấp thông tin và "
    "định hướng kịp thời.",
    "Tiếp tục theo dõi dư luận trên mạng xã hội về các nội dung liên quan đến lĩnh vực {area}.",
    "Một số ý kiến phản ánh nhỏ lẻ qua đường dây nóng đã được tiếp nhận, trả lời theo quy định.",
)
PROPOSALS_COMMON = (
    "Đề nghị Ban Tuyên giáo Tỉnh ủy tiếp tục cung cấp tài liệu, định hướng tuyên truyền các sự "
    "kiện chính trị quan trọng của đất nước, của tỉnh.",
    "Đề nghị tổ chức lớp tập huấn nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên và cán "
    "bộ làm công tác tuyên giáo của ngành.",
    "Đề nghị Ban Tuyên giáo Tỉnh ủy định hướng các cơ quan báo chí phản ánh khách quan, đúng bản "
    "chất các vụ việc thuộc lĩnh vực {area}.",
    "Đề nghị tăng cường phối hợp kiểm tra, giám sát việc thực hiện các chỉ thị, nghị quyết của "
    "Đảng tại cơ sở.",
    "Đề nghị cấp có thẩm quyền quan tâm bố trí kinh phí cho công tác thông tin, tuyên truyền của "
    "ngành.",
)
PROPOSALS: dict[str, str] = {
    "SGDDT": "Đề nghị quan tâm bố trí đủ biên chế giáo viên cho các huyện vùng sâu, vùng xa như "
    "Tu Mơ Rông, Đăk Glei, Ia H'Drai.",
    "SKHCN": "Đề nghị hỗ trợ xây dựng, quảng bá thương hiệu sâm Ngọc Linh và các sản phẩm OCOP "
    "của tỉnh.",
    "SYT": "Đề nghị quan tâm tháo gỡ khó khăn trong đấu thầu, mua sắm thuốc, vật tư y tế cho "
    "tuyến huyện.",
    "SVHTTDL": "Đề nghị hỗ trợ kinh phí phục dựng lễ hội truyền thống, bảo tồn cồng chiêng ở các "
    "làng đồng bào dân tộc thiểu số.",
    "SLDTBXH": "Đề nghị chỉ đạo cơ quan chức năng xử lý nghiêm các doanh nghiệp nợ đóng bảo hiểm "
    "xã hội kéo dài.",
    "STNMT": "Đề nghị chỉ đạo các địa phương tăng cường kiểm tra, xử lý dứt điểm các điểm khai "
    "thác cát, sỏi trái phép.",
}
NEXT_COMMON = (
    "Tiếp tục nắm bắt tình hình tư tưởng, dư luận xã hội trong cán bộ, đảng viên và Nhân dân; "
    "kịp thời báo cáo các vấn đề phát sinh.",
    "Duy trì chế độ báo cáo định kỳ và cung cấp thông tin hai chiều với Ban Tuyên giáo Tỉnh ủy.",
    "Phối hợp tuyên truyền các ngày lễ lớn, sự kiện quan trọng của đất nước và của tỉnh trong "
    "{next}.",
    "Triển khai các nội dung phối hợp còn lại theo chương trình đã ký kết.",
)
NEXT: dict[str, tuple[str, ...]] = {
    "SGDDT": (
        "Chuẩn bị tổ chức lớp bồi dưỡng chính trị hè cho cán bộ quản lý và giáo viên.",
        "Tuyên truyền công tác tuyển sinh, chuẩn bị các điều kiện cho năm học mới.",
    ),
    "SKHCN": (
        "Tuyên truyền kết quả các đề tài, dự án khoa học được ứng dụng vào thực tiễn.",
        "Phối hợp kiểm tra việc sử dụng chỉ dẫn địa lý “Ngọc Linh”.",
    ),
    "SYT": (
        "Tăng cường truyền thông phòng, chống dịch bệnh mùa mưa và tiêm chủng mở rộng.",
        "Tiếp tục chấn chỉnh thái độ phục vụ người bệnh tại các cơ sở y tế.",
    ),
    "SVHTTDL": (
        "Tăng cường kiểm tra hoạt động kinh doanh dịch vụ văn hóa, lễ hội.",
        "Tổ chức các hoạt động văn hóa, văn nghệ chào mừng các ngày lễ lớn.",
    ),
    "SLDTBXH": (
        "Tuyên truyền Tháng hành động vì trẻ em, phòng, chống đuối nước trẻ em.",
        "Đẩy mạnh đào tạo nghề, giải quyết việc làm cho lao động nông thôn.",
    ),
    "STNMT": (
        "Phối hợp nắm tình hình các vụ việc tranh chấp, khiếu nại đất đai phức tạp.",
        "Tuyên truyền phòng, chống sạt lở đất, bảo vệ môi trường trong mùa mưa.",
    ),
}
RETURN_COMMENTS: dict[str, tuple[str, ...]] = {
    "SGDDT": ("số lớp bồi dưỡng chính trị hè và số cán bộ, giáo viên tham gia",),
    "SKHCN": ("kết quả hỗ trợ truy xuất nguồn gốc sâm Ngọc Linh",),
    "SYT": ("tình hình cung ứng thuốc, vật tư y tế tại tuyến huyện",),
    "SVHTTDL": ("kết quả kiểm tra cơ sở kinh doanh dịch vụ văn hóa",),
    "SLDTBXH": ("số lao động nông thôn được đào tạo nghề và giải quyết việc làm",),
    "STNMT": ("các vụ việc tranh chấp, khiếu nại đất đai đang theo dõi",),
}
RETURN_TEMPLATES = (
    "Đề nghị bổ sung số liệu về {topic} trong kỳ báo cáo.",
    "Đề nghị làm rõ kết quả thực hiện từng nội dung phối hợp đã ký kết, bổ sung số liệu về "
    "{topic}.",
    "Báo cáo còn chung chung; đề nghị bổ sung số liệu về {topic} và đề xuất cụ thể.",
)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# ---------------------------------------------------------------------------------------------
# The summary
# ---------------------------------------------------------------------------------------------


@dataclass
class DemoSummary:
    agencies: int = 0
    users: int = 0
    terms: int = 0
    agreements: int = 0
    commitments: int = 0
    updates: int = 0
    reports: int = 0
    versions: int = 0
    issues: int = 0
    events: int = 0
    holidays: int = 0
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        counts = (
            ("agencies", self.agencies),
            ("users", self.users),
            ("terms", self.terms),
            ("agreements", self.agreements),
            ("commitments", self.commitments),
            ("commitment updates", self.updates),
            ("reports", self.reports),
            ("report versions", self.versions),
            ("issues", self.issues),
            ("issue events", self.events),
            ("holidays", self.holidays),
        )
        lines = ["Kon Tum demo data created:"]
        lines += [f"  {label:<20}{value:>6}" for label, value in counts]
        header = ("username", "role", "agency", "password", "full name")
        rows = [header, *((u, r, a or "-", DEMO_PASSWORD, n) for u, n, r, a in self.accounts)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines += ["", "Demo accounts:"]
        for row in rows:
            lines.append(
                "  "
                + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
        return "\n".join(lines)


def database_is_empty() -> bool:
    """True when there is no agency, user, term, report or issue at all."""
    for model in (Agency, User, Term, Report, Issue):
        if db.session.scalar(sa.select(model.id).limit(1)) is not None:
            return False
    return True


def seed(today: date | None = None, rng_seed: int = 2017) -> DemoSummary:
    """Fill an empty database with the Kon Tum demo as of ``today``; flush, never commit."""
    return _Seeder(today or calendar.today_local(), random.Random(rng_seed)).run()


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """The UTC instant of a local (Asia/Ho_Chi_Minh) wall-clock time."""
    local = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=calendar.LOCAL_TZ)
    return local.astimezone(UTC)


def _num(n: int) -> str:
    """Numbers as Vietnamese documents write them: 03, 45, 1.250."""
    if n < 10:
        return f"{n:02d}"
    return f"{n:,}".replace(",", ".")


def _slug(text: str, limit: int = 70) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")
    return slug[:limit].rstrip("-")


def _period_words(kind: ReportKind, label: str) -> str:
    """'tháng 03/2025', 'quý I/2025', '6 tháng đầu năm 2025', 'năm 2025'."""
    if kind is ReportKind.MONTHLY:
        year, month = label.split("-")
        return f"tháng {month}/{year}"
    if kind is ReportKind.QUARTERLY:
        year, quarter = label.split("-Q")
        return f"quý {ROMAN[int(quarter)]}/{year}"
    if kind is ReportKind.SIX_MONTH:
        return f"6 tháng đầu năm {label[:4]}"
    if kind is ReportKind.AD_HOC:
        return "thời gian qua"
    return f"năm {label}"


def _next_words(kind: ReportKind, year: int) -> str:
    return {
        ReportKind.MONTHLY: "tháng tiếp theo",
        ReportKind.QUARTERLY: "quý tiếp theo",
        ReportKind.SIX_MONTH: f"6 tháng cuối năm {year}",
        ReportKind.ANNUAL: f"năm {year + 1}",
    }.get(kind, "thời gian tới")


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


@dataclass
class _Plan:
    """An issue's timeline before the events exist: (moment, kind, actor, from, to, text, data)."""

    issue: Issue
    steps: list[tuple] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# The seeder
# ---------------------------------------------------------------------------------------------


class _Seeder:
    def __init__(self, today: date, rng: random.Random) -> None:
        self.today = today
        self.rng = rng
        # Nothing generated happens after yesterday's office hours (today has not happened yet).
        self.cap = _utc(today - timedelta(days=1), 17, 30)
        self.summary = DemoSummary()
        self.agencies: dict[str, Agency] = {}
        self.users: dict[str, User] = {}
        self.liaison: dict[str, User] = {}
        self.terms: list[Term] = []
        self.holidays: set[date] = set()
        # (department code, term index) → agreement and its commitments
        self.agreements: dict[tuple[str, int], Agreement] = {}
        self.commitments: dict[tuple[str, int], list[Commitment]] = {}
        self.issues: list[Issue] = []
        self.plans: dict[int, _Plan] = {}  # keyed by id(issue) until the issues are flushed
        self.office_staff: list[User] = []

    # -- small helpers ------------------------------------------------------------------------

    def office_time(self, day: date) -> datetime:
        """A moment during local office hours (08:00-16:59) of ``day``."""
        rng = self.rng
        return _utc(day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59))

    def spread(self, start: datetime, end: datetime, count: int) -> list[datetime]:
        """``count`` strictly increasing moments after ``start``, by ``end`` where possible,
        each during office hours (local time) of its day."""
        rng = self.rng
        first = calendar.local_date(start)
        days_span = max(0, (calendar.local_date(end) - first).days)
        moments = sorted(
            self.office_time(first + timedelta(days=rng.randint(0, days_span)))
            for _ in range(count)
        )
        out: list[datetime] = []
        last = start
        for moment in moments:
            if moment <= last:
                moment = last + timedelta(minutes=rng.randint(5, 50), seconds=rng.randint(0, 59))
            out.append(moment)
            last = moment
        return out

    def clause_note(self, clause: _Clause, code: str, year: int) -> tuple[str, int]:
        """A progress note from the clause's templates and the number it counts."""
        rng = self.rng
        template = rng.choice(clause.notes)
        number = rng.randint(*clause.value)
        values = {"n": _num(number), "k": _num(rng.randint(2, 9)), "year": year}
        if "{n}" not in template:  # the small number is then the one counted
            values["k"] = _num(number)
        return template.format(area=AREAS[code], **values), number

    def working_days(self, first: date, last: date) -> list[date]:
        days = []
        day = first
        while day <= last:
            if calendar.is_working_day(day, self.holidays):
                days.append(day)
            day += timedelta(days=1)
        return days

    def next_working_day(self, day: date) -> date:
        while not calendar.is_working_day(day, self.holidays):
            day += timedelta(days=1)
        return day

    def fill(self, text: str, lo: int = 2, hi: int = 12, **extra) -> str:
        rng = self.rng
        values = {
            "n": _num(rng.randint(lo, max(lo, hi))),
            "k": _num(rng.randint(2, 9)),
            **extra,
        }
        return text.format(**values)

    def term_index(self, day: date) -> int | None:
        for index, (_, start, end) in enumerate(TERMS):
            if start <= day <= end:
                return index
        return None

    # -- the steps ------------------------------------------------------------------------------

    def run(self) -> DemoSummary:
        self.reference_data()
        self.people()
        db.session.flush()
        self.agreements_and_commitments()
        db.session.flush()
        self.make_issues()
        db.session.flush()
        self.periodic_reports()
        self.ad_hoc_reports()
        db.session.flush()
        self.issue_events()
        db.session.flush()
        return self.summary

    def reference_data(self) -> None:
        created = _utc(date(2017, 1, 3), 8)
        for code, name_vi, name_en, primary in AGENCIES:
            is_office = code == OFFICE_CODE
            self.agencies[code] = Agency(
                code=code,
                name_vi=name_vi,
                name_en=name_en,
                level=AgencyLevel.PROVINCE,
                is_office=is_office,
                in_bloc=not is_office,
                primary_field=primary,
                active=True,
                created_at=created,
                updated_at=created,
            )
        for name, start, end in TERMS:
            self.terms.append(
                Term(
                    name=name,
                    start_date=start,
                    end_date=end,
                    created_at=created,
                    updated_at=created,
                )
            )
        years = list(range(2017, self.today.year + 2))
        try:
            calendar_days = holidays_lib.Vietnam(years=years, language="vi")
        except (TypeError, ValueError, NotImplementedError):  # an older holidays package
            calendar_days = holidays_lib.Vietnam(years=years)
        rows = []
        for day, name in sorted(calendar_days.items()):
            self.holidays.add(day)
            rows.append(Holiday(day=day, name=str(name)[:200]))
        settings_rows = [
            Setting(key="province_name", value="Kon Tum"),
            Setting(key="office_name", value="Ban Tuyên giáo Tỉnh ủy"),
        ]
        db.session.add_all([*self.agencies.values(), *self.terms, *rows, *settings_rows])
        self.summary.agencies = len(self.agencies)
        self.summary.terms = len(self.terms)
        self.summary.holidays = len(rows)

    def people(self) -> None:
        password_hash = hash_password(DEMO_PASSWORD)  # slow: once for every account
        created = _utc(date(2017, 1, 3), 9)
        changed = _utc(self.today - timedelta(days=1), 8)
        for username, full_name, role, agency_code in DEMO_USERS:
            user = User(
                username=username,
                full_name=full_name,
                email=f"{username}@kontum.tracker.example",
                password_hash=password_hash,
                role=role,
                agency=self.agencies[agency_code] if agency_code else None,
                active=True,
                locale="vi",
                password_changed_at=changed,
                created_at=created,
                updated_at=created,
            )
            self.users[username] = user
            if role is Role.LIAISON and agency_code:
                self.liaison[agency_code] = user
            self.summary.accounts.append((username, full_name, role.value, agency_code or ""))
        self.office_staff = [self.users[name] for name in OFFICE_STAFF]
        db.session.add_all(self.users.values())
        self.summary.users = len(self.users)

    # -- agreements -----------------------------------------------------------------------------

    def agreement_status(self, index: int, signed: bool, next_signed: bool) -> AgreementStatus:
        _, _, end = TERMS[index]
        if not signed:
            return AgreementStatus.DRAFT
        if index == 0 and next_signed:
            return AgreementStatus.REPLACED
        if self.today > end:
            return AgreementStatus.EXPIRED
        return AgreementStatus.IN_FORCE

    def agreements_and_commitments(self) -> None:
        rng = self.rng
        office = self.agencies[OFFICE_CODE]
        office_user = self.users["office"]
        signing_days: dict[tuple[str, int], date] = {}
        for index in range(len(TERMS)):
            first, window, _ = SIGNING[index]
            for code in DEPARTMENT_CODES:
                day = self.next_working_day(first + timedelta(days=rng.randint(0, window)))
                signing_days[(code, index)] = day
        agreements: list[Agreement] = []
        all_commitments: list[Commitment] = []
        all_updates: list[CommitmentUpdate] = []
        # Later terms first, so that a replaced agreement can point at its successor.
        for index in reversed(range(len(TERMS))):
            term_name, start, end = TERMS[index]
            _, _, base_number = SIGNING[index]
            for position, code in enumerate(DEPARTMENT_CODES):
                agency = self.agencies[code]
                signed_day = signing_days[(code, index)]
                signed = signed_day <= self.today
                next_signed = (
                    index + 1 < len(TERMS) and signing_days[(code, index + 1)] <= self.today
                )
                status = self.agreement_status(index, signed, next_signed)
                record_day = signed_day if signed else min(self.today, start)
                created = self.office_time(min(record_day, self.today - timedelta(days=1)))
                agreement = Agreement(
                    number=f"{base_number + position:02d}-CTr/BTGTU-{code}",
                    title=(
                        f"Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy và {agency.name_vi} "
                        f"giai đoạn {term_name}"
                    ),
                    term=self.terms[index],
                    signed_on=signed_day if signed else None,
                    status=status,
                    notes=self._agreement_notes(index, status),
                    created_by_id=office_user.id,
                    created_at=created,
                    updated_at=created,
                )
                if status is AgreementStatus.REPLACED:
                    agreement.replaced_by = self.agreements[(code, index + 1)]
                agreement.parties = [
                    AgreementParty(
                        agency=office,
                        role=PartyRole.LEAD,
                        signatory=SIGNATORIES[OFFICE_CODE][index],
                    ),
                    AgreementParty(
                        agency=agency, role=PartyRole.PARTNER, signatory=SIGNATORIES[code][index]
                    ),
                ]
                self.agreements[(code, index)] = agreement
                agreements.append(agreement)
                commitments, updates = self._commitments(agreement, code, index, signed_day, signed)
                self.commitments[(code, index)] = commitments
                all_commitments += commitments
                all_updates += updates
        db.session.add_all(agreements)
        db.session.add_all(all_commitments)
        db.session.add_all(all_updates)
        self.summary.agreements = len(agreements)
        self.summary.commitments = len(all_commitments)
        self.summary.updates = len(all_updates)

    @staticmethod
    def _agreement_notes(index: int, status: AgreementStatus) -> str:
        if status is AgreementStatus.DRAFT:
            return "Dự thảo đang lấy ý kiến các đơn vị, chưa ký kết."
        if index == 0:
            return (
                "Đã tổng kết tháng 10/2021; các nội dung còn lại được kế thừa trong chương trình "
                "phối hợp giai đoạn 2021-2025."
            )
        if index == 1:
            return (
                "Thực hiện theo Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XVI Đảng "
                "bộ tỉnh về lĩnh vực khoa giáo."
            )
        return "Triển khai Nghị quyết Đại hội XIV của Đảng trên lĩnh vực khoa giáo."

    def _commitments(
        self, agreement: Agreement, code: str, index: int, signed_day: date, signed: bool
    ) -> tuple[list[Commitment], list[CommitmentUpdate]]:
        rng = self.rng
        agency = self.agencies[code]
        area = AREAS[code]
        own = [c for c in CLAUSES[code] if index in c.terms]
        always = [c for c in COMMON_CLAUSES if c.always]
        optional = [c for c in COMMON_CLAUSES if not c.always]
        total = rng.randint(max(9, len(own) + len(always)), min(14, len(own) + len(COMMON_CLAUSES)))
        chosen_common = always + rng.sample(optional, total - len(own) - len(always))
        clauses = [*always, *own, *[c for c in chosen_common if not c.always]]
        _, term_start, term_end = TERMS[index]
        start = signed_day if signed else term_start
        commitments: list[Commitment] = []
        updates: list[CommitmentUpdate] = []
        for position, clause in enumerate(clauses, start=1):
            due = self._due_date(clause, index, start, term_end)
            status, progress = self._commitment_state(clause, index, start, due, signed)
            created = self.office_time(min(start, self.today - timedelta(days=1)))
            commitment = Commitment(
                agreement=agreement,
                position=position,
                responsible_agency=agency,
                field=agency.primary_field,
                title=clause.title.format(area=area),
                description=clause.description.format(area=area),
                due_date=due,
                recurrence=clause.recurrence,
                status=status,
                progress=progress,
                created_at=created,
                updated_at=created,
            )
            commitments.append(commitment)
            updates += self._updates(commitment, clause, code, index, start, due, status, progress)
        return commitments, updates

    def _due_date(self, clause: _Clause, index: int, start: date, term_end: date) -> date:
        """Recurring clauses run to the end of the term; one-off ones have their own date."""
        rng = self.rng
        if clause.recurrence is not Recurrence.ONCE:
            return term_end
        span = (term_end - start).days
        if clause.always:  # the implementation plan: within weeks of signing
            day = start + timedelta(days=rng.randint(30, 75))
        elif "sơ kết" in clause.title:  # mid-term reviews fall halfway through
            day = start + timedelta(days=span // 2 + rng.randint(-20, 20))
        elif "2024" in clause.title and index == 1:  # the 2024 Land Law
            day = date(2024, 9, 30) + timedelta(days=rng.randint(0, 300))
        else:
            day = start + timedelta(days=rng.randint(60, span * 2 // 3))
        return self.next_working_day(min(day, term_end))

    def _commitment_state(
        self, clause: _Clause, index: int, start: date, due: date, signed: bool
    ) -> tuple[CommitmentStatus, int]:
        rng = self.rng
        _, _, term_end = TERMS[index]
        S = CommitmentStatus
        if not signed or start >= self.today:
            return S.NOT_STARTED, 0
        if term_end < self.today:  # a past term
            roll = rng.random()
            if roll < 0.86:
                return S.DONE, 100
            if roll < 0.92:
                return S.CANCELLED, rng.choice((0, 10, 20, 30, 40))
            return S.IN_PROGRESS, rng.choice((80, 85, 90, 95))
        # The current term.
        elapsed = (self.today - start).days / max(1, (term_end - start).days)
        if clause.recurrence is Recurrence.ONCE:
            if due < self.today:
                if rng.random() < 0.62:
                    return S.DONE, 100
                return S.OVERDUE, rng.choice((20, 30, 40, 50, 60, 70, 80))
            roll = rng.random()
            if roll < 0.15:
                return S.DONE, 100
            if roll < 0.55:
                return S.NOT_STARTED, 0
            return S.IN_PROGRESS, rng.choice((10, 15, 20, 25, 30, 40))
        if rng.random() < 0.15:
            return S.NOT_STARTED, 0
        base = elapsed * 100 + rng.randint(-8, 12)
        return S.IN_PROGRESS, int(min(95, max(5, round(base / 5) * 5)))

    def _updates(
        self,
        commitment: Commitment,
        clause: _Clause,
        code: str,
        index: int,
        start: date,
        due: date,
        status: CommitmentStatus,
        progress: int,
    ) -> list[CommitmentUpdate]:
        rng = self.rng
        if progress <= 0:
            return []
        term_end = TERMS[index][2]
        last_day = min(
            self.today - timedelta(days=1), due if status is CommitmentStatus.DONE else term_end
        )
        first_day = start + timedelta(days=14)
        if last_day < first_day:
            first_day = start
        if last_day < first_day:
            return []
        past = term_end < self.today
        wanted = rng.randint(3, 6) if past else rng.randint(1, 3)
        count = max(1, min(wanted, progress // 10 or 1, (last_day - first_day).days + 1))
        span = (last_day - first_day).days
        days = sorted(rng.sample(range(span + 1), count))
        steps = sorted(rng.sample(range(1, progress // 5), count - 1)) if count > 1 else []
        values = [5 * s for s in steps] + [progress]
        liaison = self.liaison[code]
        site = f"{code.lower()}.kontum.gov.vn"
        out = []
        for offset, value in zip(days, values, strict=True):
            day = first_day + timedelta(days=offset)
            note, number = self.clause_note(clause, code, day.year)
            if value == 100:
                note += "; hoàn thành nội dung phối hợp."
            else:
                note += "."
            metric = clause.metric
            evidence = None
            if metric is Metric.ARTICLES_PUBLISHED and rng.random() < 0.5:
                evidence = f"https://{site}/tin-tuc/{_slug(commitment.title, 50)}-{day:%Y%m%d}.html"
            out.append(
                CommitmentUpdate(
                    commitment=commitment,
                    author=liaison,
                    recorded_on=day,
                    created_at=self.office_time(day),
                    note=note,
                    progress=value,
                    metric=metric,
                    metric_value=number if metric is not None else None,
                    evidence_url=evidence,
                )
            )
        return out

    # -- issues ---------------------------------------------------------------------------------

    def make_issues(self) -> None:
        rng = self.rng
        today = self.today
        first_day = date(2017, 1, 10)
        old_last = today - timedelta(days=91)
        # (first seen, age band): 268 older issues spread evenly, 32 recent ones.
        days: list[tuple[date, str]] = []
        span = (old_last - first_day).days
        for _ in range(268):
            days.append((first_day + timedelta(days=rng.randint(0, span)), "old"))
        for _ in range(6):
            days.append((today - timedelta(days=rng.randint(1, 7)), "week"))
        for _ in range(10):
            days.append((today - timedelta(days=rng.randint(8, 30)), "month"))
        for _ in range(16):
            days.append((today - timedelta(days=rng.randint(31, 90)), "quarter"))
        days.sort(key=lambda pair: pair[0])
        statuses = [self._final_status(band, seen) for seen, band in days]
        self._cover_statuses(days, statuses)
        code_for = {self.agencies[c].primary_field: c for c in DEPARTMENT_CODES}
        for number, ((seen, _), status) in enumerate(zip(days, statuses, strict=True)):
            # The first few issues take each value once, so that every value is present.
            sensitivity = (
                list(Sensitivity)[number]
                if number < len(Sensitivity)
                else _weighted(rng, SENSITIVITY_WEIGHTS)
            )
            source = (
                list(IssueSource)[number - 4]
                if 4 <= number < 4 + len(IssueSource)
                else _weighted(rng, SOURCE_WEIGHTS)
            )
            field_ = self._pick_field(rng, seen)
            issue, plan = self._issue(seen, field_, code_for[field_], source, sensitivity, status)
            self.issues.append(issue)
            self.plans[id(issue)] = plan
        db.session.add_all(self.issues)
        self.summary.issues = len(self.issues)

    @staticmethod
    def _cover_statuses(days: list[tuple[date, str]], statuses: list[IssueStatus]) -> None:
        """Make sure every status occurs, whatever the draw (open ones among the recent)."""
        S = IssueStatus
        recent = [i for i, (_, band) in enumerate(days) if band != "old"]
        old = [i for i, (_, band) in enumerate(days) if band == "old"]
        wanted = {
            S.NEW: recent[-1],
            S.UNDER_REVIEW: recent[-2],
            S.BEING_HANDLED: recent[len(recent) // 2],
            S.CLOSED: old[0],
            S.RESOLVED: old[-1],
            S.DISMISSED: old[len(old) // 2],
        }
        for status, position in wanted.items():
            if status not in statuses:
                statuses[position] = status

    def _pick_field(self, rng: random.Random, seen: date) -> Field:
        while True:
            field_ = _weighted(rng, FIELD_WEIGHTS)
            if any(t.years[0] <= seen.year <= t.years[1] for t in ISSUE_TEMPLATES[field_]):
                return field_

    def _final_status(self, band: str, seen: date) -> IssueStatus:
        rng = self.rng
        S = IssueStatus
        age = (self.today - seen).days
        if band == "week":
            return S.NEW if age <= 4 or rng.random() < 0.6 else S.UNDER_REVIEW
        if band == "month":
            return _weighted(
                rng,
                {S.NEW: 1, S.UNDER_REVIEW: 3, S.BEING_HANDLED: 5, S.RESOLVED: 2, S.DISMISSED: 1},
            )
        if band == "quarter":
            return _weighted(rng, {S.BEING_HANDLED: 9, S.RESOLVED: 4, S.CLOSED: 3})
        if age < 400 and rng.random() < 0.25:
            return S.BEING_HANDLED  # a long-running case (a land dispute, a debt to workers)
        return _weighted(rng, {S.CLOSED: 62, S.RESOLVED: 26, S.DISMISSED: 12})

    def _place(self, rng: random.Random, city: bool) -> tuple[str, str, str, str]:
        """(district, commune, district phrase, commune phrase)."""
        district = CITY if city else _weighted(rng, DISTRICT_WEIGHTS)
        communes = PLACES[district]
        if city:
            communes = tuple(c for c in communes if c[0] == "phường")
        kind, commune = rng.choice(communes)
        district_full = "thành phố Kon Tum" if district == CITY else f"huyện {district}"
        return district, commune, district_full, f"{kind} {commune}"

    def _issue(
        self,
        seen: date,
        field_: Field,
        code: str,
        source: IssueSource,
        sensitivity: Sensitivity,
        status: IssueStatus,
    ) -> tuple[Issue, _Plan]:
        rng = self.rng
        templates = [t for t in ISSUE_TEMPLATES[field_] if t.years[0] <= seen.year <= t.years[1]]
        template = rng.choice(templates)
        district, commune, district_full, commune_full = self._place(rng, template.city)
        department = self.agencies[code]
        values = {
            "commune": commune,
            "commune_full": commune_full,
            "district": district,
            "district_full": district_full,
            "n": _num(rng.randint(12, 240)),
            "m": _num(rng.randint(3, 60) * 10),
            "k": _num(rng.randint(2, 9)),
            "money": _num(rng.randint(15, 90) * 10_000),
            "company": rng.choice(COMPANIES),
            "river": rng.choice(RIVERS),
            "village": rng.choice(VILLAGES),
            "festival": rng.choice(FESTIVALS),
            "project": rng.choice(PROJECTS),
            "holiday": rng.choice(HOLIDAY_NAMES),
            "year": seen.year,
            "topic": rng.choice(TOPICS),
            "responsible": department.name_vi,
        }
        title = template.title.format(**values)
        title = title[0].upper() + title[1:]
        summary = template.summary.format(**values)
        summary = summary[0].upper() + summary[1:]
        outlet, url, source_date = self._source(rng, source, title, seen, code, district_full)
        by_office = rng.random() < 0.3
        reporter_agency = self.agencies[OFFICE_CODE] if by_office else department
        creator = rng.choice(self.office_staff) if by_office else self.liaison[code]
        assignee = None
        if status is not IssueStatus.NEW or rng.random() < 0.5:
            assignee = rng.choice(self.office_staff)
        issue = Issue(
            title=title[:300],
            summary=summary,
            field=field_,
            source=source,
            source_outlet=outlet,
            source_url=url,
            source_date=source_date,
            district=district,
            commune=commune,
            first_seen_on=seen,
            sensitivity=sensitivity,
            reporting_agency=reporter_agency,
            responsible_agency=department,
            assignee=assignee,
            response_due_on=seen + timedelta(days=RESPONSE_DAYS[sensitivity]),
            status=status,
            created_by=creator,
        )
        plan = self._timeline(issue, creator, assignee, code, values)
        return issue, plan

    def _source(
        self,
        rng: random.Random,
        source: IssueSource,
        title: str,
        seen: date,
        code: str,
        district_full: str,
    ) -> tuple[str, str | None, date | None]:
        published = seen - timedelta(days=rng.randint(0, 2))
        if source is IssueSource.PRESS:
            outlet, site = rng.choice(PRESS)
            slug = _slug(title)
            if site == "baokontum.com.vn":
                url = f"https://{site}/xa-hoi/{slug}-{rng.randint(10_000, 99_999)}.html"
            else:
                url = f"https://{site}/{slug}-{published:%Y%m%d}{rng.randint(1000, 9999)}.htm"
            return outlet, url, published
        if source is IssueSource.SOCIAL_MEDIA:
            outlet, group = rng.choice(SOCIAL)
            if group:
                url = f"https://www.facebook.com/groups/{group}/posts/{rng.randint(10**14, 10**15)}"
            else:
                url = f"https://www.tiktok.com/@kontum.news/video/{rng.randint(10**18, 10**19)}"
            return outlet, url, published
        if source is IssueSource.PETITION:
            outlet = rng.choice(
                (
                    "Đơn kiến nghị tập thể gửi Ban Tiếp công dân tỉnh",
                    f"Đơn của công dân gửi UBND {district_full}",
                    "Đơn thư chuyển từ Văn phòng Tỉnh ủy",
                )
            )
            return outlet, None, seen
        if source is IssueSource.HOTLINE:
            return HOTLINES[code], None, None
        if source is IssueSource.GRASSROOTS:
            outlet = rng.choice(
                (
                    f"Báo cáo viên cơ sở {district_full}",
                    f"Cộng tác viên dư luận xã hội {district_full}",
                    f"Ban Tuyên giáo Huyện ủy {district_full.removeprefix('huyện ')}"
                    if district_full.startswith("huyện")
                    else "Ban Tuyên giáo Thành ủy Kon Tum",
                )
            )
            return outlet, None, None
        quarter = (seen.month - 1) // 3 + 1
        outlet = rng.choice(
            (
                f"Hội nghị giao ban báo chí quý {ROMAN[quarter]}/{seen.year}",
                f"Hội nghị báo cáo viên tháng {seen.month:02d}/{seen.year}",
                f"Tiếp xúc cử tri tại {district_full}",
            )
        )
        return outlet, None, seen

    def _timeline(
        self, issue: Issue, creator: User, assignee: User | None, code: str, values: dict
    ) -> _Plan:
        """Plan CREATED, ASSIGNED, STATUS_CHANGED and COMMENTED steps ending at the status."""
        rng = self.rng
        S = IssueStatus
        K = IssueEventKind
        status = issue.status
        start = self.office_time(issue.first_seen_on)
        if start >= self.cap:
            start = self.cap - timedelta(hours=6)
        path = {
            S.NEW: [],
            S.UNDER_REVIEW: [S.UNDER_REVIEW],
            S.BEING_HANDLED: [S.UNDER_REVIEW, S.BEING_HANDLED],
            S.RESOLVED: [S.UNDER_REVIEW, S.BEING_HANDLED, S.RESOLVED],
            S.CLOSED: [S.UNDER_REVIEW, S.BEING_HANDLED, S.RESOLVED, S.CLOSED],
            S.DISMISSED: [S.UNDER_REVIEW, S.DISMISSED],
        }[status]
        lo, hi = RESOLUTION_DAYS[issue.sensitivity]
        if status in (S.RESOLVED, S.CLOSED, S.DISMISSED):
            end = start + timedelta(days=rng.randint(lo, hi), hours=rng.randint(0, 6))
            if status is S.CLOSED:
                end += timedelta(days=rng.randint(3, 20))
        else:
            end = self.cap
        end = min(end, self.cap)
        fmt = values
        # Steps between creation and the last change: assignment, transitions and comments.
        kinds: list[tuple] = []
        if assignee is not None:
            kinds.append(("assign",))
        comments = 0 if status is S.NEW else rng.randint(1, 2)
        middle: list[tuple] = [("status", s) for s in path]
        # Comments go after the review starts and before the final change.
        insert_at = 1 if len(middle) > 1 else len(middle)
        for _ in range(comments):
            middle.insert(insert_at, ("comment",))
        kinds += middle
        moments = self.spread(start, end, len(kinds))
        plan = _Plan(issue)
        plan.steps.append(
            (start, K.CREATED, creator, None, S.NEW, "", {"source": issue.source.value})
        )
        previous = S.NEW
        office_lead = self.users["office"]
        for moment, step in zip(moments, kinds, strict=True):
            if step[0] == "assign":
                plan.steps.append(
                    (
                        moment,
                        K.ASSIGNED,
                        office_lead,
                        None,
                        None,
                        "",
                        {"assignee_id": None, "assignee": assignee.username},
                    )
                )
            elif step[0] == "comment":
                actor = rng.choice([assignee or office_lead, self.liaison[code]])
                text = rng.choice(COMMENTS).format(**fmt)
                plan.steps.append((moment, K.COMMENTED, actor, None, None, text, {}))
            else:
                target = step[1]
                actor = assignee or office_lead
                text = self._transition_comment(target, issue, fmt, moment)
                plan.steps.append((moment, K.STATUS_CHANGED, actor, previous, target, text, {}))
                previous = target
                if target is S.RESOLVED:
                    issue.resolved_at = moment
                if target in (S.CLOSED, S.DISMISSED):
                    issue.closed_at = moment
        issue.created_at = start
        issue.updated_at = plan.steps[-1][0]
        return plan

    def _transition_comment(
        self, target: IssueStatus, issue: Issue, fmt: dict, moment: datetime
    ) -> str:
        rng = self.rng
        S = IssueStatus
        if target is S.UNDER_REVIEW:
            return "Tiếp nhận, xem xét thông tin ban đầu."
        if target is S.BEING_HANDLED:
            due = max(issue.response_due_on, calendar.local_date(moment) + timedelta(days=7))
            return (
                f"Chuyển {fmt['responsible']} chủ trì xử lý, báo cáo kết quả trước ngày "
                f"{due:%d/%m/%Y}."
            )
        if target is S.RESOLVED:
            return rng.choice(RESOLVE_COMMENTS)
        if target is S.CLOSED:
            return rng.choice(CLOSE_COMMENTS)
        reason = rng.choice(DISMISS_REASONS).format(**fmt)
        issue.dismissed_reason = reason
        return reason

    def issue_events(self) -> None:
        events: list[IssueEvent] = []
        for issue in self.issues:
            plan = self.plans[id(issue)]
            for moment, kind, actor, from_status, to_status, text, data in sorted(
                plan.steps, key=lambda step: step[0]
            ):
                if kind is IssueEventKind.ASSIGNED:
                    data = {**data, "assignee_id": issue.assignee_id}
                elif kind is IssueEventKind.LINKED_REPORT:
                    report = data["report"]
                    data = {
                        "report_id": report.id,
                        "report_kind": report.kind.value,
                        "period": report.period,
                    }
                events.append(
                    IssueEvent(
                        issue_id=issue.id,
                        actor_id=actor.id if actor is not None else None,
                        created_at=moment,
                        kind=kind,
                        from_status=from_status,
                        to_status=to_status,
                        comment=text,
                        data=data,
                    )
                )
        db.session.add_all(events)
        self.summary.events = len(events)

    # -- reports --------------------------------------------------------------------------------

    def periodic_reports(self) -> None:
        rng = self.rng
        today = self.today
        agency_ids = [self.agencies[c].id for c in DEPARTMENT_CODES]
        code_by_id = {self.agencies[c].id: c for c in DEPARTMENT_CODES}
        rows = compliance.expected_reports(
            date(2017, 1, 1), today + timedelta(days=62), today=today, agency_ids=agency_ids
        )
        # The latest monthly period already past its deadline: one or two departments missed it.
        closed_monthly = [r for r in rows if r.kind is ReportKind.MONTHLY and r.deadline < today]
        last_label = max((r.period.label for r in closed_monthly), default=None)
        chasing = set(rng.sample(DEPARTMENT_CODES, rng.randint(1, 2)))
        # Issues per agency, to mention in the monthly reports that cover them.
        issues_by_agency: dict[int, list[Issue]] = {}
        for issue in self.issues:
            issues_by_agency.setdefault(issue.responsible_agency_id, []).append(issue)
            if issue.reporting_agency_id != issue.responsible_agency_id:
                issues_by_agency.setdefault(issue.reporting_agency_id, []).append(issue)

        reports: list[Report] = []
        # (code, report, first submission) of everything submitted, to pick the review queue.
        submitted: list[tuple[str, Report, datetime, dict]] = []
        for row in rows:
            code = code_by_id[row.agency_id]
            period = row.period
            outcome = self._outcome(row, code, last_label, chasing)
            if outcome == "none":
                continue
            agency = self.agencies[code]
            liaison = self.liaison[code]
            report = Report(
                agency=agency,
                kind=period.kind,
                period=period.label,
                period_start=period.start,
                period_end=period.end,
                deadline=row.deadline,
                title=f"Báo cáo {_period_words(period.kind, period.label)} – {agency.name_vi}",
                status=ReportStatus.DRAFT,
                created_by=liaison,
            )
            if outcome == "draft":
                content = self._content(code, period.kind, period.label, period.end, [])
                content.update(emerging_issues="", proposals="", next_tasks="")
                if rng.random() < 0.5:
                    content.update(commitment_notes={})
                self._set_sections(report, content)
                opened = min(period.end, today - timedelta(days=1))
                report.created_at = report.updated_at = self.office_time(opened)
                reports.append(report)
                continue
            first_at = self._submission_moment(row, outcome)
            linked: list[Issue] = []
            if period.kind is ReportKind.MONTHLY:
                candidates = [
                    i
                    for i in issues_by_agency.get(row.agency_id, [])
                    if period.start <= i.first_seen_on <= period.end and i.created_at < first_at
                ]
                if candidates:
                    linked = rng.sample(candidates, min(len(candidates), rng.randint(1, 2)))
            content = self._content(code, period.kind, period.label, period.end, linked)
            report.issues = linked
            report.first_submitted_at = first_at
            report.created_at = first_at - timedelta(days=rng.randint(1, 4), hours=2)
            reports.append(report)
            submitted.append((code, report, first_at, content))
            for issue in linked:
                self.plans[id(issue)].steps.append(
                    (
                        first_at,
                        IssueEventKind.LINKED_REPORT,
                        liaison,
                        None,
                        None,
                        "",
                        {"report": report},
                    )
                )
        versions = self._reviews(submitted)
        db.session.add_all(reports)
        db.session.add_all(versions)
        self.summary.reports += len(reports)
        self.summary.versions += len(versions)

    def _outcome(
        self, row: compliance.ExpectedReport, code: str, last_label: str | None, chasing: set
    ) -> str:
        """'none', 'draft', 'on_time' or 'late' for one expected report."""
        rng = self.rng
        today = self.today
        if row.deadline >= today:  # not due yet
            if row.period.end < today and rng.random() < 0.5:
                return "draft"
            return "none"
        if row.kind is ReportKind.MONTHLY and row.period.label == last_label:
            if code in chasing:
                return rng.choice(("none", "draft"))
            return "on_time"
        roll = rng.random()
        if roll < 0.83:
            return "on_time"
        if roll < 0.94 and (today - row.deadline).days >= 3:
            return "late"
        if roll < 0.94:
            return "on_time"
        return "draft" if rng.random() < 0.4 else "none"

    def _submission_moment(self, row: compliance.ExpectedReport, outcome: str) -> datetime:
        rng = self.rng
        if outcome == "on_time":
            window = self.working_days(row.period.end + timedelta(days=1), row.deadline)
            day = rng.choice(window or [row.deadline])
        else:
            latest = min(20, (self.today - row.deadline).days - 1)
            day = row.deadline + timedelta(days=rng.randint(1, max(1, latest)))
            day = self.next_working_day(day)
            if day >= self.today:
                day = row.deadline + timedelta(days=1)
        return self.office_time(day)

    def _review_moment(self, after: datetime) -> datetime | None:
        """A reviewer's working moment 1-5 days after ``after``, or None if still to come."""
        day = calendar.local_date(after) + timedelta(days=self.rng.randint(1, 5))
        day = self.next_working_day(day)
        moment = self.office_time(day)
        return moment if moment <= self.cap else None

    def _reviews(self, submitted: list[tuple[str, Report, datetime, dict]]) -> list[ReportVersion]:
        """Create the versions: accepted, returned then resubmitted, or awaiting review."""
        rng = self.rng
        # Per agency, the latest submissions wait in the Office's queue; two are returned.
        by_code: dict[str, list[int]] = {}
        for position, (code, *_) in enumerate(submitted):
            by_code.setdefault(code, []).append(position)
        pending: set[int] = set()
        returned_now: set[int] = set()
        returning = rng.sample(DEPARTMENT_CODES, 2)
        for code in DEPARTMENT_CODES:
            order = sorted(by_code.get(code, []), key=lambda p: submitted[p][2], reverse=True)
            if code in returning:
                for p in order:
                    if submitted[p][2] <= self.cap - timedelta(days=3):
                        returned_now.add(p)
                        break
            for p in order[: rng.randint(1, 2)]:
                if p not in returned_now and rng.random() < 0.85:
                    pending.add(p)
        versions: list[ReportVersion] = []
        for position, (code, report, first_at, content) in enumerate(submitted):
            liaison = self.liaison[code]
            reviewer = rng.choice(self.office_staff)
            review_at = None if position in pending else self._review_moment(first_at)
            if position in returned_now:
                review_at = review_at or first_at + timedelta(hours=3)
            if review_at is None:  # waiting in the Office's queue
                versions.append(self._version(report, 1, content, first_at, liaison))
                self._finish(report, ReportStatus.SUBMITTED, content, first_at)
                continue
            if position not in returned_now and rng.random() >= 0.065:
                versions.append(
                    self._version(
                        report,
                        1,
                        content,
                        first_at,
                        liaison,
                        ReviewDecision.ACCEPTED,
                        reviewer,
                        review_at,
                    )
                )
                self._finish(report, ReportStatus.ACCEPTED, content, first_at, review_at)
                continue
            versions.append(
                self._version(
                    report,
                    1,
                    content,
                    first_at,
                    liaison,
                    ReviewDecision.RETURNED,
                    reviewer,
                    review_at,
                    self._return_comment(code),
                )
            )
            if position in returned_now:  # still with the department, to be revised
                self._finish(report, ReportStatus.RETURNED, content, first_at, review_at)
                continue
            revised = dict(content)
            revised["results"] = (
                content["results"]
                + " Bổ sung: "
                + self.fill(rng.choice(RESULTS[code])[0], 20, 400, area=AREAS[code])
            )
            resubmit_day = self.next_working_day(
                calendar.local_date(review_at) + timedelta(days=rng.randint(1, 5))
            )
            resubmitted = self.office_time(resubmit_day)
            if resubmitted > self.cap:
                resubmitted = max(review_at + timedelta(hours=1), self.cap - timedelta(hours=1))
            second_review = self._review_moment(resubmitted)
            if second_review is None:
                versions.append(self._version(report, 2, revised, resubmitted, liaison))
                self._finish(report, ReportStatus.SUBMITTED, revised, resubmitted)
            else:
                versions.append(
                    self._version(
                        report,
                        2,
                        revised,
                        resubmitted,
                        liaison,
                        ReviewDecision.ACCEPTED,
                        reviewer,
                        second_review,
                    )
                )
                self._finish(report, ReportStatus.ACCEPTED, revised, resubmitted, second_review)
        return versions

    def _return_comment(self, code: str) -> str:
        topic = self.rng.choice(RETURN_COMMENTS[code])
        return self.rng.choice(RETURN_TEMPLATES).format(topic=topic)

    @staticmethod
    def _version(
        report: Report,
        number: int,
        content: dict,
        submitted_at: datetime,
        author: User,
        decision: ReviewDecision | None = None,
        reviewer: User | None = None,
        reviewed_at: datetime | None = None,
        comment: str | None = None,
    ) -> ReportVersion:
        """A frozen submission: its text and its review are both set here, once."""
        return ReportVersion(
            report=report,
            number=number,
            submitted_at=submitted_at,
            submitted_by=author,
            decision=decision,
            reviewer=reviewer if decision else None,
            reviewed_at=reviewed_at if decision else None,
            review_comment=comment,
            **{k: (dict(v) if isinstance(v, dict) else v) for k, v in content.items()},
        )

    @staticmethod
    def _set_sections(report: Report, content: dict) -> None:
        for name, value in content.items():
            setattr(report, name, dict(value) if isinstance(value, dict) else value)

    def _finish(
        self,
        report: Report,
        status: ReportStatus,
        content: dict,
        last_submitted: datetime,
        last_change: datetime | None = None,
    ) -> None:
        """The report's own columns mirror its latest version."""
        self._set_sections(report, content)
        report.status = status
        report.last_submitted_at = last_submitted
        report.accepted_at = last_change if status == ReportStatus.ACCEPTED else None
        report.updated_at = last_change or last_submitted

    def _content(
        self, code: str, kind: ReportKind, label: str, period_end: date, linked: Sequence[Issue]
    ) -> dict:
        """The six sections of one report, in the register of the source articles."""
        rng = self.rng
        area = AREAS[code]
        year = period_end.year
        words = _period_words(kind, label)
        yearly = [s for lo, hi, s in SITUATION_BY_YEAR if lo <= year <= hi]
        situation = [
            *rng.sample(SITUATION_COMMON, 1),
            *rng.sample(SITUATION[code], rng.randint(1, 2)),
            *yearly[:1],
        ]
        situation[0] = f"Trong {words}, " + situation[0][0].lower() + situation[0][1:]
        pool = list(RESULTS[code]) + list(RESULTS_COMMON)
        results = [
            self.fill(text, lo or 2, hi or 9, area=area)
            for text, lo, hi in rng.sample(pool, rng.randint(2, 4))
        ]
        if linked:
            emerging = []
            for issue in linked:
                emerging.append(f"Dư luận quan tâm vụ việc: {issue.title}.")
                emerging.append(
                    "Ngành đã phối hợp với địa phương kiểm tra, xác minh, cung cấp thông tin cho "
                    "Ban Tuyên giáo Tỉnh ủy và các cơ quan báo chí."
                )
        else:
            emerging = [s.format(area=area) for s in rng.sample(EMERGING_NONE, 2)]
        proposals = [s.format(area=area) for s in rng.sample(PROPOSALS_COMMON, rng.randint(1, 2))]
        proposals.insert(rng.randint(0, len(proposals)), PROPOSALS[code])
        next_tasks = [
            s.format(next=_next_words(kind, year))
            for s in rng.sample(NEXT_COMMON, rng.randint(1, 2))
        ]
        next_tasks += rng.sample(NEXT[code], rng.randint(1, 2))
        notes: dict[str, str] = {}
        index = self.term_index(period_end)
        commitments = self.commitments.get((code, index), []) if index is not None else []
        started = [c for c in commitments if c.progress > 0] or commitments
        for commitment in rng.sample(started, min(len(started), rng.randint(1, 3))):
            notes[str(commitment.id)] = self._commitment_note(commitment, code, year)
        return {
            "situation": " ".join(situation),
            "results": " ".join(results),
            "commitment_notes": notes,
            "emerging_issues": " ".join(emerging),
            "proposals": " ".join(proposals),
            "next_tasks": " ".join(next_tasks),
        }

    def _commitment_note(self, commitment: Commitment, code: str, year: int) -> str:
        clause = next(
            (
                c
                for c in (*CLAUSES[code], *COMMON_CLAUSES)
                if c.title.format(area=AREAS[code]) == commitment.title
            ),
            None,
        )
        if clause is None or self.rng.random() < 0.25:
            return "Tiếp tục triển khai theo kế hoạch; chưa phát sinh khó khăn, vướng mắc."
        return self.clause_note(clause, code, year)[0] + "."

    def ad_hoc_reports(self) -> None:
        """Đột xuất: a report on a hot issue within days of its first sighting."""
        rng = self.rng
        candidates = [
            i
            for i in self.issues
            if i.sensitivity in (Sensitivity.HIGH, Sensitivity.CRITICAL)
            and i.status is not IssueStatus.NEW
            and i.first_seen_on <= self.today - timedelta(days=12)
            and i.first_seen_on >= date(2017, 2, 1)
        ]
        chosen = sorted(
            rng.sample(candidates, min(len(candidates), 15)), key=lambda i: i.first_seen_on
        )
        counters: dict[tuple[int, int], int] = {}
        reports: list[Report] = []
        versions: list[ReportVersion] = []
        code_by_id = {a.id: code for code, a in self.agencies.items()}
        for position, issue in enumerate(chosen):
            agency = issue.responsible_agency
            code = code_by_id[agency.id]
            liaison = self.liaison[code]
            year = issue.first_seen_on.year
            counters[(agency.id, year)] = counters.get((agency.id, year), 0) + 1
            label = f"{year}-AH{counters[(agency.id, year)]:02d}"
            deadline = self.next_working_day(
                issue.first_seen_on + timedelta(days=rng.randint(3, 7))
            )
            late = position % 7 == 3
            day = (
                deadline + timedelta(days=rng.randint(1, 4))
                if late
                else self.next_working_day(issue.first_seen_on + timedelta(days=1))
            )
            day = min(day, self.today - timedelta(days=2))
            first_at = self.office_time(day)
            if first_at <= issue.created_at:
                first_at = issue.created_at + timedelta(hours=2)
            short = issue.title if len(issue.title) <= 200 else issue.title[:197] + "..."
            content = self._content(code, ReportKind.AD_HOC, label, issue.first_seen_on, [issue])
            content["situation"] = (
                f"Ngày {issue.first_seen_on:%d/%m/%Y}, {issue.source_outlet or 'dư luận'} "
                f"phản ánh: {issue.summary}"
            )
            content["results"] = (
                "Ngay sau khi nắm được thông tin, ngành đã cử cán bộ phối hợp với chính quyền địa "
                "phương kiểm tra, xác minh; báo cáo nhanh Ban Tuyên giáo Tỉnh ủy và thống nhất nội "
                "dung định hướng thông tin."
            )
            report = Report(
                agency=agency,
                kind=ReportKind.AD_HOC,
                period=label,
                period_start=issue.first_seen_on,
                period_end=min(day, deadline),
                deadline=deadline,
                title=f"Báo cáo đột xuất về vụ việc: {short} – {agency.name_vi}",
                status=ReportStatus.DRAFT,
                created_by=liaison,
                first_submitted_at=first_at,
                created_at=first_at - timedelta(hours=3),
            )
            report.issues = [issue]
            reviewer = rng.choice(self.office_staff)
            review_at = self._review_moment(first_at)
            if position >= len(chosen) - 1 or review_at is None:
                versions.append(self._version(report, 1, content, first_at, liaison))
                self._finish(report, ReportStatus.SUBMITTED, content, first_at)
            else:
                versions.append(
                    self._version(
                        report,
                        1,
                        content,
                        first_at,
                        liaison,
                        ReviewDecision.ACCEPTED,
                        reviewer,
                        review_at,
                    )
                )
                self._finish(report, ReportStatus.ACCEPTED, content, first_at, review_at)
            reports.append(report)
            self.plans[id(issue)].steps.append(
                (
                    first_at,
                    IssueEventKind.LINKED_REPORT,
                    liaison,
                    None,
                    None,
                    "",
                    {"report": report},
                )
            )
        db.session.add_all(reports)
        db.session.add_all(versions)
        self.summary.reports += len(reports)
        self.summary.versions += len(versions)
