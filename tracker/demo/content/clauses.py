"""Commitment templates (nội dung phối hợp), per department and common to every agreement,
in the words of the seed articles.

A clause goes into an agreement only if its ``when`` allows the signing day: no Covid-19
clause in a 2017 programme, no 2024 Land Law before 2024. Its progress notes carry their own
spans and seasons: summer political training is reported in summer, festival inspections at
the start of the year. ``{n}`` in a note is the number the update counts (drawn from
``value``), ``{k}`` a small number, ``{year}`` the update's year, ``{area}`` the field.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

from tracker.demo.content.agencies import MERGED, REORGANISED
from tracker.demo.content.timing import ALWAYS, Phrase, When, between, season, since, until
from tracker.enums import Metric, Recurrence

R = Recurrence
M = Metric

# Dates the texts depend on.
COVID = date(2020, 2, 1)  # the first cases in Vietnam: 23/01/2020
COVID_OVER = date(2023, 5, 31)
GDPT_2018 = date(2018, 12, 26)  # Thông tư 32/2018/TT-BGDĐT adopts the new programme
TEXTBOOK_CHOICE = date(2020, 2, 1)  # Thông tư 01/2020: schools choose textbooks from 2020
RESOLUTIONS_OCT_2017 = date(2017, 10, 25)  # Nghị quyết 20-NQ/TW and 21-NQ/TW (TW6, khóa XII)
DECREE_09 = date(2019, 1, 24)  # Nghị định 09/2019/NĐ-CP on reporting
READING_DAY = date(2021, 11, 4)  # Ngày Sách Việt Nam becomes Ngày Sách và Văn hóa đọc
READING_AMBASSADOR = date(2019, 3, 1)  # the first Đại sứ Văn hóa đọc contest
LAND_LAW_2024 = date(2024, 1, 18)  # passed; in force from 01/08/2024
LAND_LAW_2013_END = date(2024, 7, 31)
GI_CERTIFICATES = date(2023, 8, 10)  # first certificates to use the "Ngọc Linh" indication
RESOLUTION_57 = date(2024, 12, 22)  # Nghị quyết 57-NQ/TW: science, innovation, digital
DECREE_178 = date(2024, 12, 31)  # Nghị định 178/2024/NĐ-CP: staff leaving in the streamlining
RESOLUTION_60 = date(2025, 4, 12)  # Nghị quyết 60-NQ/TW (TW11, khóa XIII): two-tier government
RESOLUTION_71 = date(2025, 8, 22)  # Nghị quyết 71-NQ/TW: breakthroughs in education
RESOLUTION_72 = date(2025, 9, 9)  # Nghị quyết 72-NQ/TW: breakthroughs in people's health


class Due(enum.Enum):
    """When a one-off clause falls due."""

    SOON = "soon"  # within weeks of signing (the implementation plan)
    MIDTERM = "midterm"  # halfway through the term (a mid-term review)
    ANYTIME = "anytime"


@dataclass(frozen=True)
class Clause:
    title: str
    description: str
    recurrence: Recurrence
    metric: Metric | None
    #: Progress notes; the update that completes a one-off clause uses ``done`` if given.
    notes: tuple[str | Phrase, ...]
    value: tuple[int, int] = (2, 12)
    #: When an agreement signed on a day may contain the clause.
    when: When = ALWAYS
    #: Every agreement has it.
    always: bool = False
    due: Due = Due.ANYTIME
    done: tuple[str | Phrase, ...] = ()
    #: Progress is the agency's own reports: each note names a report ``{report}`` that
    #: was really sent by the update's date.
    from_reports: bool = False
    #: What the Office expects as evidence (by default, what suits the metric).
    evidence: str = ""


#: What a note's small number {k} counts, by the word after it, when the note also counts
#: {n}: an update then has both figures ("{k} lớp ... cho {n} giáo viên").
COUNTED_BY_K: dict[str, Metric] = {
    "lớp": M.CLASSES_HELD,
    "hội nghị": M.EVENTS_HELD,
    "buổi": M.EVENTS_HELD,
    "đoàn": M.MISSIONS,
    "cuộc": M.MISSIONS,
    "đợt": M.MISSIONS,
    "trường hợp": M.OTHER,
}
#: The evidence the Office expects of a commitment, by what it counts.
EVIDENCE_EXPECTED: dict[Metric | None, str] = {
    M.ARTICLES_PUBLISHED: "Đường dẫn các tin, bài đã đăng tải; số tin, bài trong kỳ.",
    M.PEOPLE_TRAINED: "Kế hoạch, danh sách học viên; số người được bồi dưỡng, tập huấn.",
    M.CLASSES_HELD: "Kế hoạch mở lớp; số lớp và số học viên.",
    M.EVENTS_HELD: "Kế hoạch, báo cáo kết quả; số hội nghị, hoạt động đã tổ chức.",
    M.MISSIONS: "Quyết định thành lập đoàn, biên bản hoặc thông báo kết quả kiểm tra.",
    M.OTHER: "Văn bản cung cấp thông tin, báo cáo kết quả xử lý.",
    None: "Văn bản đã ban hành (bản chụp hoặc tệp PDF).",
}


CLAUSES: dict[str, tuple[Clause, ...]] = {
    "SGDDT": (
        Clause(
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
        Clause(
            "Tổ chức bồi dưỡng chính trị hè cho đội ngũ cán bộ quản lý và giáo viên",
            "Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn, cử báo cáo viên; Sở Giáo dục và Đào tạo "
            "tổ chức các lớp bồi dưỡng chính trị hè hằng năm cho cán bộ quản lý, giáo viên toàn "
            "ngành.",
            R.ANNUAL,
            M.PEOPLE_TRAINED,
            (
                Phrase(
                    "Tổ chức {k} lớp bồi dưỡng chính trị hè cho {n} cán bộ quản lý và giáo viên",
                    season(6, 7, 8),
                ),
                Phrase(
                    "Hoàn thành bồi dưỡng chính trị hè năm {year} cho {n} cán bộ quản lý, giáo "
                    "viên tại {k} điểm cầu",
                    season(8, 9),
                ),
            ),
            (650, 1800),
        ),
        Clause(
            "Tuyên truyền triển khai Chương trình giáo dục phổ thông 2018 và lựa chọn sách giáo "
            "khoa",
            "Thông tin đầy đủ, kịp thời về lộ trình thực hiện chương trình, sách giáo khoa mới; "
            "nắm bắt, định hướng dư luận của phụ huynh và giáo viên.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                "Tổ chức {n} hội nghị tuyên truyền, đối thoại với phụ huynh về Chương trình giáo "
                "dục phổ thông 2018",
                Phrase(
                    "Phối hợp tổ chức tọa đàm về lựa chọn sách giáo khoa với {n} cán bộ, giáo "
                    "viên tham dự",
                    season(2, 3, 4, 5),
                ),
            ),
            (2, 25),
            when=since(TEXTBOOK_CHOICE),
        ),
        Clause(
            "Tuyên truyền lộ trình đổi mới chương trình, sách giáo khoa giáo dục phổ thông",
            "Thông tin về dự thảo chương trình giáo dục phổ thông mới; nắm bắt ý kiến của giáo "
            "viên, phụ huynh để phản ánh với cơ quan soạn thảo.",
            R.ONGOING,
            M.EVENTS_HELD,
            ("Tổ chức {n} buổi lấy ý kiến giáo viên về dự thảo chương trình giáo dục phổ thông",),
            (2, 20),
            when=until(GDPT_2018),
        ),
        Clause(
            "Giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho học sinh; thực hiện Chỉ "
            "thị số 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
            "trong trường học",
            "Lồng ghép nội dung giáo dục chính trị, đạo đức, pháp luật vào các hoạt động ngoại "
            "khóa; nhân rộng gương người tốt, việc tốt trong ngành giáo dục.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Các trường tổ chức {n} buổi sinh hoạt ngoại khóa về lý tưởng cách mạng, "
                    "đạo đức, lối sống cho học sinh",
                    season(9, 10, 11, 12, 1, 2, 3, 4, 5),
                ),
                "Biểu dương {n} tập thể, cá nhân điển hình trong học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh",
            ),
            (8, 60),
        ),
        Clause(
            "Nắm bắt tình hình tư tưởng, dư luận trong cán bộ, giáo viên về thu, chi đầu năm "
            "học, tuyển sinh đầu cấp và chế độ, chính sách đối với nhà giáo",
            "Chủ động phát hiện, báo cáo kịp thời các vấn đề nổi cộm, bức xúc trong ngành; phối "
            "hợp định hướng thông tin trên báo chí và mạng xã hội.",
            R.MONTHLY,
            M.OTHER,
            (
                Phrase(
                    "Nắm bắt, xử lý {n} phản ánh về các khoản thu đầu năm học và tuyển sinh đầu "
                    "cấp",
                    season(7, 8, 9, 10),
                ),
                "Cung cấp thông tin về {n} vụ việc liên quan đến chế độ, chính sách nhà giáo",
            ),
            (2, 14),
        ),
        Clause(
            "Phối hợp sơ kết, tổng kết việc thực hiện Nghị quyết số 29-NQ/TW trên địa bàn tỉnh",
            "Tham mưu Ban Thường vụ Tỉnh ủy sơ kết, tổng kết; đánh giá kết quả, hạn chế và đề ra "
            "giải pháp cho giai đoạn tiếp theo.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Xây dựng dự thảo báo cáo sơ kết; tổ chức {k} hội nghị lấy ý kiến các địa phương",),
            (1, 4),
            due=Due.MIDTERM,
            done=("Tổ chức hội nghị sơ kết; báo cáo sơ kết được Ban Thường vụ Tỉnh ủy thông qua",),
        ),
    ),
    "SKHCN": (
        Clause(
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
        Clause(
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
        Clause(
            "Tuyên truyền bảo hộ chỉ dẫn địa lý “Ngọc Linh” cho sản phẩm sâm củ và phòng, chống "
            "hàng giả, hàng kém chất lượng",
            "Phổ biến quy định sử dụng chỉ dẫn địa lý, truy xuất nguồn gốc sâm Ngọc Linh; phối "
            "hợp định hướng dư luận khi xuất hiện sâm giả trên thị trường.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            (
                "Đăng tải {n} tin, bài, phóng sự về bảo hộ chỉ dẫn địa lý “Ngọc Linh”",
                Phrase(
                    "Hướng dẫn {n} cơ sở trồng sâm tại Tu Mơ Rông, Đăk Glei hoàn thiện hồ sơ "
                    "đề nghị cấp quyền sử dụng chỉ dẫn địa lý",
                    until(GI_CERTIFICATES),
                ),
                Phrase(
                    "Phối hợp cấp {n} tem chỉ dẫn địa lý cho cơ sở trồng sâm tại Tu Mơ Rông, "
                    "Đăk Glei",
                    since(GI_CERTIFICATES),
                ),
            ),
            (3, 40),
        ),
        Clause(
            "Phổ biến chính sách hỗ trợ doanh nghiệp đổi mới công nghệ, nâng cao năng suất, chất "
            "lượng sản phẩm hàng hóa",
            "Tổ chức hội nghị, tập huấn giới thiệu chính sách; tuyên truyền doanh nghiệp điển "
            "hình trong đổi mới sáng tạo.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị phổ biến chính sách cho doanh nghiệp, hợp tác xã",),
            (1, 6),
        ),
        Clause(
            "Phối hợp tổ chức Hội thi sáng tạo kỹ thuật tỉnh và tuyên truyền các sáng kiến được "
            "ứng dụng",
            "Phát động hội thi trong cán bộ, giáo viên, học sinh và người lao động; giới thiệu "
            "giải pháp đạt giải trên các phương tiện thông tin đại chúng.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Phát động hội thi; tiếp nhận {n} giải pháp dự thi",),
            (18, 75),
            done=("Tổ chức lễ tổng kết, trao giải cho {k} giải pháp đạt giải",),
        ),
        Clause(
            "Phối hợp sơ kết việc thực hiện Nghị quyết số 20-NQ/TW trên địa bàn tỉnh",
            "Đánh giá kết quả thực hiện nghị quyết, đề xuất nhiệm vụ, giải pháp phát triển khoa "
            "học và công nghệ của tỉnh.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Xây dựng dự thảo báo cáo sơ kết; tổ chức {k} cuộc làm việc với các sở, ngành",),
            (1, 4),
            due=Due.MIDTERM,
        ),
    ),
    "SYT": (
        Clause(
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
        Clause(
            "Tuyên truyền Nghị quyết số 20-NQ/TW, ngày 25-10-2017 của Hội nghị Trung ương 6 khóa "
            "XII về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong "
            "tình hình mới",
            "Phối hợp nghiên cứu, tham mưu, đề xuất và triển khai các nghị quyết, chỉ thị của "
            "Đảng và Nhà nước về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} tin, bài về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",),
            (5, 40),
            when=since(RESOLUTIONS_OCT_2017),
        ),
        Clause(
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
            when=between(COVID, COVID_OVER),
        ),
        Clause(
            "Phối hợp tuyên truyền phòng, chống dịch bệnh truyền nhiễm, sốt xuất huyết, bạch "
            "hầu và tiêm chủng mở rộng",
            "Vận động Nhân dân, nhất là đồng bào dân tộc thiểu số, đưa trẻ đi tiêm chủng đầy đủ; "
            "thông tin kịp thời khi xuất hiện ổ dịch.",
            R.ONGOING,
            M.EVENTS_HELD,
            ("Tổ chức {n} buổi truyền thông tiêm chủng tại các thôn, làng vùng sâu, vùng xa",),
            (6, 45),
        ),
        Clause(
            "Tuyên truyền Nghị quyết số 21-NQ/TW, ngày 25-10-2017 về công tác dân số trong tình "
            "hình mới",
            "Tuyên truyền giảm thiểu tảo hôn, hôn nhân cận huyết thống; nâng cao chất lượng dân "
            "số vùng đồng bào dân tộc thiểu số.",
            R.ANNUAL,
            M.EVENTS_HELD,
            ("Tổ chức {n} buổi nói chuyện chuyên đề về tảo hôn, hôn nhân cận huyết thống",),
            (4, 30),
            when=since(RESOLUTIONS_OCT_2017),
        ),
        Clause(
            "Tuyên truyền bảo hiểm y tế toàn dân và nâng cao chất lượng khám, chữa bệnh tuyến "
            "huyện, tuyến xã",
            "Thông tin về quyền lợi người tham gia bảo hiểm y tế; tiếp nhận, phản hồi ý kiến "
            "người bệnh qua đường dây nóng của ngành.",
            R.ONGOING,
            M.OTHER,
            ("Tiếp nhận, trả lời {n} phản ánh của người bệnh qua đường dây nóng",),
            (10, 90),
        ),
        Clause(
            "Phối hợp tuyên truyền bảo đảm an toàn thực phẩm, phòng ngừa ngộ độc thực phẩm",
            "Tuyên truyền trong Tháng hành động vì an toàn thực phẩm và dịp Tết Nguyên đán, "
            "lễ hội; nâng cao nhận thức, chuyển đổi hành vi trong sản xuất, kinh doanh.",
            R.ANNUAL,
            M.MISSIONS,
            (
                "Phối hợp {n} đoàn kiểm tra liên ngành về an toàn thực phẩm",
                Phrase(
                    "Phối hợp {n} đoàn kiểm tra an toàn thực phẩm dịp Tết Nguyên đán năm {year}",
                    season(1, 2),
                ),
                Phrase(
                    "Tổ chức {n} hoạt động hưởng ứng Tháng hành động vì an toàn thực phẩm năm "
                    "{year}",
                    season(4, 5),
                ),
            ),
            (2, 12),
        ),
    ),
    "SVHTTDL": (
        Clause(
            "Nâng cao hiệu lực quản lý nhà nước về hoạt động lễ hội; tổ chức lễ hội văn minh, "
            "tiết kiệm",
            "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy đảng đối với hoạt động lễ hội; phòng "
            "ngừa thương mại hóa, mê tín dị đoan trong lễ hội.",
            R.ANNUAL,
            M.MISSIONS,
            (
                Phrase(
                    "Phối hợp {n} đoàn kiểm tra hoạt động lễ hội đầu năm {year}", season(1, 2, 3)
                ),
                "Hướng dẫn các địa phương tổ chức {n} lễ hội truyền thống văn minh, tiết kiệm",
            ),
            (2, 10),
        ),
        Clause(
            "Phát triển văn hóa đọc trong cộng đồng; hưởng ứng Ngày Sách Việt Nam (21/4)",
            "Xây dựng tủ sách cơ sở, thư viện thân thiện; luân chuyển sách về các xã vùng sâu, "
            "vùng xa.",
            R.ANNUAL,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Tổ chức {n} hoạt động hưởng ứng Ngày Sách Việt Nam năm {year}", season(4, 5)
                ),
                "Luân chuyển {n} bản sách về các thư viện, tủ sách cơ sở",
            ),
            (5, 60),
            when=until(READING_DAY),
        ),
        Clause(
            "Phát triển văn hóa đọc trong cộng đồng; tổ chức Ngày Sách và Văn hóa đọc Việt Nam "
            "(21/4)",
            "Xây dựng tủ sách cơ sở, thư viện thân thiện; tổ chức cuộc thi Đại sứ văn hóa đọc "
            "cho học sinh.",
            R.ANNUAL,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Tổ chức {n} hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam năm {year}",
                    season(4, 5),
                ),
                "Luân chuyển {n} bản sách về các thư viện, tủ sách cơ sở",
            ),
            (5, 60),
            when=since(READING_DAY),
        ),
        Clause(
            "Triển khai Chỉ thị số 46-CT/TW của Ban Bí thư (khóa X) về chống sự xâm nhập của "
            "các sản phẩm văn hóa độc hại gây hủy hoại đạo đức xã hội",
            "Phối hợp với Công an tỉnh kiểm soát việc xuất, nhập khẩu văn hóa phẩm; kiểm tra các "
            "tụ điểm kinh doanh karaoke, băng đĩa hình, trò chơi điện tử.",
            R.ONGOING,
            M.MISSIONS,
            ("Kiểm tra {n} cơ sở kinh doanh dịch vụ văn hóa; xử lý {k} trường hợp vi phạm",),
            (6, 48),
        ),
        Clause(
            "Bảo tồn và phát huy giá trị văn hóa truyền thống các dân tộc thiểu số (cồng chiêng, "
            "nhà rông, lễ hội truyền thống)",
            "Phục dựng lễ hội truyền thống, mở lớp truyền dạy đánh chiêng, xoang cho thanh thiếu "
            "niên; tuyên truyền bảo vệ không gian văn hóa cồng chiêng Tây Nguyên.",
            R.ONGOING,
            M.CLASSES_HELD,
            ("Mở {n} lớp truyền dạy cồng chiêng, xoang cho thanh thiếu niên các làng",),
            (2, 16),
        ),
        Clause(
            "Tuyên truyền phát triển du lịch Măng Đen và các sản phẩm du lịch gắn với văn hóa "
            "cộng đồng",
            "Quảng bá tiềm năng du lịch của tỉnh; định hướng thông tin khi có phản ánh về giá "
            "dịch vụ, an ninh trật tự tại các khu, điểm du lịch.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Phối hợp đăng tải {n} tin, bài, phóng sự quảng bá du lịch Măng Đen",),
            (5, 50),
        ),
        Clause(
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
        Clause(
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
        Clause(
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
        Clause(
            "Tuyên truyền Tháng hành động vì trẻ em và Tháng hành động về an toàn, vệ sinh lao "
            "động",
            "Tổ chức lễ phát động, treo băng rôn, khẩu hiệu; phát sóng chuyên mục trên Đài Phát "
            "thanh - Truyền hình tỉnh.",
            R.ANNUAL,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Tổ chức lễ phát động và {n} hoạt động hưởng ứng Tháng hành động về an toàn, "
                    "vệ sinh lao động năm {year}",
                    season(5),
                ),
                Phrase(
                    "Tổ chức lễ phát động và {n} hoạt động hưởng ứng Tháng hành động vì trẻ em "
                    "năm {year}",
                    season(6),
                ),
            ),
            (3, 20),
        ),
        Clause(
            "Tuyên truyền chính sách giảm nghèo bền vững gắn với xây dựng nông thôn mới",
            "Phổ biến chính sách hỗ trợ hộ nghèo, hộ cận nghèo; biểu dương hộ thoát nghèo bền "
            "vững, mô hình sinh kế hiệu quả.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Phối hợp đăng tải {n} tin, bài về mô hình giảm nghèo hiệu quả",),
            (4, 30),
        ),
        Clause(
            "Tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm thất nghiệp; phòng ngừa tình "
            "trạng nợ đóng bảo hiểm xã hội",
            "Phối hợp với Bảo hiểm xã hội tỉnh tuyên truyền quyền lợi của người lao động; định "
            "hướng dư luận về các doanh nghiệp nợ đóng kéo dài.",
            R.QUARTERLY,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị đối thoại với người lao động, người sử dụng lao động",),
            (1, 10),
        ),
        Clause(
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
        Clause(
            "Tuyên truyền chủ trương của Đảng, chính sách pháp luật của Nhà nước về quản lý tài "
            "nguyên và bảo vệ môi trường",
            "Định hướng tư tưởng, hướng dẫn tuyên truyền trong cán bộ, đảng viên và Nhân dân; "
            "phát huy sức mạnh tổng hợp của cả hệ thống chính trị tham gia bảo vệ môi trường.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} tin, bài về quản lý tài nguyên và bảo vệ môi trường",),
            (5, 45),
        ),
        Clause(
            "Phối hợp nắm tình hình, định hướng dư luận trong giải quyết tranh chấp, khiếu nại "
            "về đất đai",
            "Kịp thời cung cấp thông tin về các vụ việc tranh chấp, khiếu kiện đông người; hạn "
            "chế đơn, thư khiếu nại vượt cấp.",
            R.MONTHLY,
            M.OTHER,
            ("Cung cấp thông tin về {n} vụ việc tranh chấp, khiếu nại đất đai",),
            (2, 16),
        ),
        Clause(
            "Tuyên truyền phòng, chống khai thác khoáng sản trái phép, nhất là khai thác cát, "
            "sỏi lòng sông Đăk Bla",
            "Phối hợp với chính quyền địa phương vận động Nhân dân tố giác vi phạm; công khai "
            "kết quả xử lý trên phương tiện thông tin đại chúng.",
            R.ONGOING,
            M.MISSIONS,
            ("Phối hợp {n} đợt kiểm tra; xử lý {k} trường hợp khai thác cát, sỏi trái phép",),
            (2, 18),
        ),
        Clause(
            "Tuyên truyền phòng ngừa, xử lý ô nhiễm môi trường tại các cơ sở chế biến tinh bột "
            "sắn, cà phê, cao su",
            "Phổ biến quy định về xả thải; định hướng dư luận khi Nhân dân phản ánh ô nhiễm; "
            "công khai kết quả quan trắc môi trường.",
            R.ONGOING,
            M.MISSIONS,
            ("Kiểm tra {n} cơ sở sản xuất, chế biến; yêu cầu {k} cơ sở khắc phục ô nhiễm",),
            (3, 25),
        ),
        Clause(
            "Tổ chức các hoạt động hưởng ứng Ngày Môi trường thế giới (05/6) và Chiến dịch làm "
            "cho thế giới sạch hơn",
            "Phát động ra quân dọn vệ sinh, trồng cây xanh; tuyên truyền giảm thiểu rác thải "
            "nhựa trong cộng đồng.",
            R.ANNUAL,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Tổ chức {n} hoạt động hưởng ứng Ngày Môi trường thế giới năm {year}",
                    season(5, 6),
                ),
                Phrase(
                    "Ra quân hưởng ứng Chiến dịch làm cho thế giới sạch hơn năm {year} tại {n} "
                    "xã, phường, thị trấn",
                    season(9, 10),
                ),
            ),
            (3, 25),
        ),
        Clause(
            "Tuyên truyền Luật Đất đai năm 2013 và các văn bản hướng dẫn thi hành",
            "Phổ biến quy định về cấp giấy chứng nhận, bồi thường, hỗ trợ, tái định cư; giải "
            "đáp vướng mắc của Nhân dân.",
            R.ONGOING,
            M.EVENTS_HELD,
            (
                Phrase(
                    "Tổ chức {n} buổi phổ biến Luật Đất đai năm 2013 tại các xã, phường",
                    until(LAND_LAW_2013_END),
                ),
                "Giải đáp {n} kiến nghị của Nhân dân về cấp giấy chứng nhận, bồi thường, hỗ trợ, "
                "tái định cư",
            ),
            (2, 12),
            when=until(LAND_LAW_2024),
        ),
        Clause(
            "Tuyên truyền Luật Đất đai năm 2024 và các văn bản hướng dẫn thi hành",
            "Phổ biến những điểm mới của luật đến cán bộ, đảng viên và Nhân dân; giải đáp vướng "
            "mắc về cấp giấy chứng nhận, bồi thường, hỗ trợ, tái định cư.",
            R.ONCE,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị phổ biến Luật Đất đai năm 2024",),
            (2, 12),
            when=since(LAND_LAW_2024),
        ),
        Clause(
            "Tuyên truyền ứng phó với biến đổi khí hậu, phòng, chống thiên tai, sạt lở đất",
            "Cảnh báo nguy cơ sạt lở tại các huyện miền núi; hướng dẫn Nhân dân chủ động phòng "
            "tránh trong mùa mưa bão.",
            R.ANNUAL,
            M.ARTICLES_PUBLISHED,
            (
                Phrase(
                    "Phát hành {n} tin cảnh báo, hướng dẫn phòng tránh sạt lở đất trong mùa mưa",
                    season(6, 7, 8, 9, 10, 11),
                ),
            ),
            (3, 30),
        ),
    ),
}

# -- after the 2025 reorganisation: who took over what -----------------------------------------


def _labour(start: str) -> Clause:
    return next(c for c in CLAUSES["SLDTBXH"] if c.title.startswith(start))


_CHILDREN = _labour("Tuyên truyền Chỉ thị số 20-CT/TW")
_WORKERS_ABROAD = _labour("Tuyên truyền đưa người lao động đi làm việc ở nước ngoài")
_POVERTY = _labour("Tuyên truyền chính sách giảm nghèo")

CLAUSES["SGDDT"] += (
    Clause(
        "Tuyên truyền giáo dục nghề nghiệp, phân luồng học sinh và đào tạo nghề cho lao động "
        "nông thôn theo Chỉ thị số 19-CT/TW của Ban Bí thư",
        "Nhiệm vụ tiếp nhận từ Sở Lao động - Thương binh và Xã hội từ ngày 01/3/2025: tư vấn "
        "hướng nghiệp, phân luồng học sinh sau trung học cơ sở; nâng cao nhận thức về học nghề, "
        "việc làm của lao động nông thôn.",
        R.ONGOING,
        M.PEOPLE_TRAINED,
        (
            "Tư vấn hướng nghiệp, phân luồng cho {n} học sinh lớp 9 và lớp 12",
            "Phối hợp đào tạo nghề cho {n} lao động nông thôn; mở {k} lớp tại các xã đặc biệt "
            "khó khăn",
        ),
        (120, 1400),
        when=since(REORGANISED),
    ),
)
# Child care and protection went to Health.
CLAUSES["SYT"] += (replace(_CHILDREN, when=since(REORGANISED)),)
CLAUSES["SKHCN"] += (
    Clause(
        "Tuyên truyền Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát "
        "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "Phổ biến nghị quyết trong cán bộ, đảng viên, doanh nghiệp và Nhân dân; thông tin về "
        "chuyển đổi số, an toàn thông tin mạng (nhiệm vụ tiếp nhận từ Sở Thông tin và Truyền "
        "thông từ ngày 01/3/2025).",
        R.ONGOING,
        M.ARTICLES_PUBLISHED,
        (
            "Đăng tải {n} tin, bài tuyên truyền Nghị quyết số 57-NQ/TW và chuyển đổi số",
            "Tổ chức {k} hội nghị phổ biến kỹ năng số; đăng tải {n} tin, bài về an toàn thông "
            "tin mạng",
        ),
        (5, 60),
        when=since(REORGANISED),
    ),
)
# Press and publishing went to Culture.
CLAUSES["SVHTTDL"] += (
    Clause(
        "Phối hợp quản lý, định hướng hoạt động báo chí, xuất bản trên địa bàn tỉnh",
        "Nhiệm vụ tiếp nhận từ Sở Thông tin và Truyền thông từ ngày 01/3/2025: phối hợp định "
        "hướng thông tin, giao ban báo chí; kiểm tra hoạt động xuất bản, in và phát hành.",
        R.ONGOING,
        M.MISSIONS,
        (
            "Phối hợp {n} cuộc kiểm tra hoạt động xuất bản, in và phát hành; xử lý {k} trường "
            "hợp vi phạm",
            "Tham gia {n} đoàn kiểm tra, định hướng hoạt động báo chí trên địa bàn tỉnh",
        ),
        (1, 8),
        when=since(REORGANISED),
    ),
)
CLAUSES["SNV"] = (
    Clause(
        "Tuyên truyền chính sách, pháp luật về lao động, việc làm, tiền lương; phòng ngừa tranh "
        "chấp lao động, ngừng việc tập thể",
        "Phổ biến quyền, nghĩa vụ của người lao động và người sử dụng lao động; nắm bắt, định "
        "hướng dư luận khi phát sinh tranh chấp lao động tại doanh nghiệp.",
        R.ONGOING,
        M.EVENTS_HELD,
        (
            "Tổ chức {n} hội nghị đối thoại với người lao động, người sử dụng lao động",
            "Tổ chức {n} phiên giao dịch việc làm; tư vấn, giới thiệu việc làm cho người lao động",
        ),
        (1, 12),
    ),
    Clause(
        "Tuyên truyền Luật Bảo hiểm xã hội năm 2024 (có hiệu lực từ ngày 01/7/2025) và chính "
        "sách bảo hiểm thất nghiệp; phòng ngừa tình trạng nợ đóng bảo hiểm xã hội",
        "Phối hợp với Bảo hiểm xã hội tỉnh tuyên truyền những điểm mới của luật; định hướng dư "
        "luận về các doanh nghiệp nợ đóng kéo dài.",
        R.QUARTERLY,
        M.EVENTS_HELD,
        (
            "Phối hợp với Bảo hiểm xã hội tỉnh tổ chức {n} hội nghị tuyên truyền Luật Bảo hiểm "
            "xã hội năm 2024",
        ),
        (1, 10),
    ),
    Clause(
        "Tuyên truyền chính sách ưu đãi người có công với cách mạng; kỷ niệm Ngày Thương binh - "
        "Liệt sĩ (27/7)",
        "Tổ chức các hoạt động đền ơn đáp nghĩa; tuyên truyền gương thương binh, gia đình liệt "
        "sĩ, người có công tiêu biểu.",
        R.ANNUAL,
        M.EVENTS_HELD,
        (
            Phrase(
                "Tổ chức {n} hoạt động tri ân nhân kỷ niệm Ngày Thương binh - Liệt sĩ năm {year}",
                season(7),
            ),
            "Tổ chức {n} buổi tuyên truyền chính sách ưu đãi người có công tại các xã, phường",
        ),
        (3, 30),
    ),
    Clause(
        "Thông tin, tuyên truyền việc sắp xếp tổ chức bộ máy, xây dựng chính quyền địa phương "
        "hai cấp theo Nghị quyết số 60-NQ/TW, ngày 12-4-2025 của Hội nghị Trung ương 11 khóa XIII",
        "Kịp thời thông tin chủ trương, lộ trình sắp xếp; nắm bắt tâm tư cán bộ, công chức, viên "
        "chức; định hướng dư luận, đấu tranh với thông tin sai lệch.",
        R.ONGOING,
        M.ARTICLES_PUBLISHED,
        (
            "Cung cấp {n} tin, bài về sắp xếp tổ chức bộ máy, chính quyền địa phương hai cấp",
            Phrase(
                "Nắm bắt tâm tư cán bộ, công chức cấp xã sau sắp xếp; cung cấp {n} tin, bài định "
                "hướng dư luận",
                since(MERGED),
            ),
        ),
        (4, 40),
        when=since(RESOLUTION_60),
    ),
    Clause(
        "Phổ biến chính sách đối với cán bộ, công chức, viên chức, người lao động nghỉ việc do "
        "sắp xếp tổ chức bộ máy theo Nghị định số 178/2024/NĐ-CP",
        "Giải thích rõ chế độ, chính sách; công khai danh sách, kinh phí; kịp thời giải đáp "
        "thắc mắc, không để phát sinh khiếu nại.",
        R.ONCE,
        M.EVENTS_HELD,
        ("Tổ chức {n} hội nghị phổ biến chính sách theo Nghị định số 178/2024/NĐ-CP",),
        (1, 8),
        when=between(DECREE_178, date(2025, 12, 31)),
        done=("Hoàn thành giải quyết chính sách; công khai kết quả, không phát sinh khiếu nại",),
    ),
    Clause(
        "Tuyên truyền Tháng hành động về an toàn, vệ sinh lao động",
        "Tổ chức lễ phát động, hội thảo, tập huấn về an toàn, vệ sinh lao động tại các doanh "
        "nghiệp, công trình xây dựng.",
        R.ANNUAL,
        M.EVENTS_HELD,
        (
            Phrase(
                "Tổ chức lễ phát động và {n} hoạt động hưởng ứng Tháng hành động về an toàn, vệ "
                "sinh lao động năm {year}",
                season(5),
            ),
        ),
        (3, 20),
    ),
    replace(_WORKERS_ABROAD, when=since(REORGANISED)),
)
# Poverty reduction went to Agriculture and Environment.
CLAUSES["SNNMT"] = (
    *(clause for clause in CLAUSES["STNMT"]),
    replace(_POVERTY, when=since(REORGANISED)),
    Clause(
        "Tuyên truyền bảo vệ và phát triển rừng, phòng cháy, chữa cháy rừng mùa khô",
        "Vận động Nhân dân các thôn, làng giáp rừng ký cam kết bảo vệ rừng; công khai kết quả "
        "xử lý các vụ phá rừng, lấn chiếm đất rừng.",
        R.ANNUAL,
        M.MISSIONS,
        (
            Phrase(
                "Phối hợp {n} đợt tuần tra, kiểm tra phòng cháy, chữa cháy rừng mùa khô năm {year}",
                season(1, 2, 3, 4),
            ),
            "Phối hợp {n} đợt kiểm tra; xử lý {k} vụ phá rừng, lấn chiếm đất rừng",
        ),
        (2, 20),
    ),
    Clause(
        "Tuyên truyền Chương trình mỗi xã một sản phẩm (OCOP) và phát triển nông nghiệp xanh, "
        "hữu cơ",
        "Giới thiệu các sản phẩm OCOP, mô hình nông nghiệp hữu cơ hiệu quả; kết nối tiêu thụ "
        "nông sản cho hợp tác xã.",
        R.ONGOING,
        M.ARTICLES_PUBLISHED,
        ("Đăng tải {n} tin, bài giới thiệu sản phẩm OCOP, mô hình nông nghiệp hữu cơ",),
        (3, 30),
    ),
)


@dataclass(frozen=True)
class Proposal:
    """A commitment a liaison proposed under a programme of the 2026-2030 term. ``days``:
    how many days after ``start`` (or, for one still ``pending``, before today) it was
    proposed; a confirmed one is confirmed a week or two later and then followed up."""

    code: str
    clause: Clause
    start: date
    days: int
    pending: bool = False


PROPOSALS: tuple[Proposal, ...] = (
    Proposal(
        "SGDDT",
        Clause(
            "Tuyên truyền Nghị quyết số 71-NQ/TW, ngày 22-8-2025 của Bộ Chính trị về đột phá "
            "phát triển giáo dục và đào tạo",
            "Sở đề xuất bổ sung: phối hợp biên soạn tài liệu, tổ chức hội nghị quán triệt "
            "nghị quyết cho cán bộ quản lý, giáo viên; tuyên truyền chính sách miễn học phí "
            "từ năm học 2025-2026.",
            R.ONGOING,
            M.EVENTS_HELD,
            ("Tổ chức {n} hội nghị quán triệt Nghị quyết số 71-NQ/TW cho cán bộ quản lý",),
            (2, 12),
            evidence="Kế hoạch tuyên truyền, danh sách đại biểu dự hội nghị quán triệt.",
        ),
        date(2026, 2, 23),
        12,
    ),
    Proposal(
        "SYT",
        Clause(
            "Tuyên truyền Nghị quyết số 72-NQ/TW, ngày 09-9-2025 của Bộ Chính trị về một số "
            "giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
            "Sở đề xuất bổ sung: truyền thông về khám sức khỏe định kỳ, lập sổ sức khỏe điện "
            "tử cho người dân; lồng ghép tại các trạm y tế xã, phường.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Đăng tải {n} tin, bài tuyên truyền Nghị quyết số 72-NQ/TW",),
            (4, 30),
            evidence="Đường dẫn tin, bài; số người dân được lập sổ sức khỏe điện tử.",
        ),
        date(2026, 3, 16),
        9,
    ),
    Proposal(
        "SVHTTDL",
        Clause(
            "Quảng bá du lịch Măng Đen gắn với hình ảnh du lịch Quảng Ngãi sau hợp nhất tỉnh",
            "Sở đề xuất bổ sung: phối hợp xây dựng chuyên mục, phóng sự giới thiệu tuyến du "
            "lịch Măng Đen - Lý Sơn; định hướng thông tin về giá dịch vụ mùa cao điểm.",
            R.ONGOING,
            M.ARTICLES_PUBLISHED,
            ("Phối hợp đăng tải {n} tin, bài, phóng sự quảng bá tuyến du lịch Măng Đen - Lý Sơn",),
            (3, 24),
            evidence="Đường dẫn chuyên mục, phóng sự đã phát sóng, đăng tải.",
        ),
        MERGED,
        24,
        pending=True,
    ),
    Proposal(
        "SNNMT",
        Clause(
            "Tuyên truyền phòng, chống khai thác, vận chuyển lâm sản trái phép ở vùng giáp ranh "
            "các xã Ngọc Linh, Măng Ri, Măng Bút",
            "Sở đề xuất bổ sung: phối hợp với Đảng ủy các xã tuyên truyền, vận động Nhân dân "
            "tố giác vi phạm; công khai kết quả xử lý.",
            R.ANNUAL,
            M.MISSIONS,
            ("Phối hợp {n} đợt tuyên truyền, kiểm tra tại vùng giáp ranh",),
            (1, 6),
            evidence="Kế hoạch, biên bản các đợt kiểm tra.",
        ),
        MERGED,
        9,
        pending=True,
    ),
    Proposal(
        "SNV",
        Clause(
            "Nắm bắt tâm tư, nguyện vọng của cán bộ, công chức cấp xã sau một năm vận hành chính "
            "quyền địa phương hai cấp",
            "Sở đề xuất bổ sung: phối hợp khảo sát tại một số xã, phường; tổng hợp kiến nghị "
            "về chế độ, chính sách, điều kiện làm việc.",
            R.ONCE,
            M.MISSIONS,
            ("Phối hợp {n} đoàn khảo sát tại các xã, phường",),
            (1, 4),
            evidence="Báo cáo kết quả khảo sát.",
        ),
        date(2026, 7, 1),
        4,
        pending=True,
    ),
)
#: Why a dissolved department's unfinished commitments were cancelled (by the Office).
TRANSFER_REASON = (
    "{agency} kết thúc hoạt động từ ngày {day} theo chủ trương sắp xếp tổ chức bộ máy; nội dung "
    "phối hợp được chuyển sang {successor}."
)

#: The clauses every agreement has in some form (``always``) or may have; {area} is the
#: department's field.
COMMON_CLAUSES: tuple[Clause, ...] = (
    Clause(
        "Ban hành kế hoạch triển khai Chương trình phối hợp và phân công cán bộ đầu mối",
        "Mỗi bên ban hành kế hoạch thực hiện, phân công lãnh đạo phụ trách và cán bộ đầu mối "
        "theo dõi, tổng hợp, báo cáo kết quả phối hợp trên lĩnh vực {area}.",
        R.ONCE,
        None,
        ("Dự thảo kế hoạch thực hiện, lấy ý kiến các phòng chuyên môn",),
        always=True,
        due=Due.SOON,
        done=("Ban hành kế hoạch thực hiện chương trình phối hợp; phân công cán bộ đầu mối",),
    ),
    Clause(
        "Thực hiện chế độ báo cáo định kỳ hằng tháng, hằng quý về kết quả phối hợp",
        "Gửi báo cáo tháng, quý, 6 tháng và năm về Ban Tuyên giáo Tỉnh ủy đúng thời hạn; đánh "
        "giá kết quả từng nội dung phối hợp.",
        R.MONTHLY,
        None,
        ("Đã gửi {report} về Ban Tuyên giáo Tỉnh ủy",),
        always=True,
        when=until(DECREE_09),
        from_reports=True,
    ),
    Clause(
        "Thực hiện chế độ báo cáo định kỳ hằng tháng, hằng quý về kết quả phối hợp",
        "Gửi báo cáo tháng, quý, 6 tháng và năm về Ban Tuyên giáo Tỉnh ủy đúng thời hạn theo "
        "Nghị định số 09/2019/NĐ-CP; đánh giá kết quả từng nội dung phối hợp.",
        R.MONTHLY,
        None,
        ("Đã gửi {report} về Ban Tuyên giáo Tỉnh ủy",),
        always=True,
        when=since(DECREE_09),
        from_reports=True,
    ),
    Clause(
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
    Clause(
        "Phối hợp thành lập đoàn công tác khảo sát nắm tình hình tư tưởng, dư luận xã hội tại "
        "cơ sở",
        "Phát hiện kịp thời những vấn đề nổi cộm, bức xúc về tư tưởng và việc thực hiện nhiệm "
        "vụ trên lĩnh vực {area} để phối hợp xử lý.",
        R.ANNUAL,
        M.MISSIONS,
        ("Tổ chức {n} đoàn khảo sát tại các huyện Đăk Glei, Tu Mơ Rông, Ia H'Drai",),
        (1, 5),
    ),
    Clause(
        "Phối hợp tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên và "
        "cán bộ làm công tác tuyên giáo của ngành",
        "Ban Tuyên giáo Tỉnh ủy cung cấp tài liệu, cử báo cáo viên; ngành bố trí học viên, "
        "kinh phí tổ chức lớp.",
        R.ANNUAL,
        M.PEOPLE_TRAINED,
        ("Tổ chức {k} lớp tập huấn cho {n} báo cáo viên, tuyên truyền viên",),
        (40, 220),
    ),
    Clause(
        "Phối hợp kiểm tra, giám sát việc thực hiện các chỉ thị, nghị quyết của Đảng, chính "
        "sách, pháp luật của Nhà nước trên lĩnh vực {area}",
        "Xây dựng kế hoạch kiểm tra hằng năm; kiến nghị khắc phục hạn chế, xử lý sai phạm.",
        R.ANNUAL,
        M.MISSIONS,
        ("Phối hợp {n} cuộc kiểm tra, giám sát tại các huyện, thành phố",),
        (1, 6),
    ),
    Clause(
        "Phối hợp tham mưu sơ kết, tổng kết các chỉ thị, nghị quyết của Trung ương, của Tỉnh ủy "
        "trên lĩnh vực {area}",
        "Tham mưu Thường trực, Ban Thường vụ Tỉnh ủy sơ kết, tổng kết; đề xuất chủ trương, giải "
        "pháp cho giai đoạn tiếp theo.",
        R.ONCE,
        M.EVENTS_HELD,
        ("Xây dựng {k} báo cáo sơ kết, tổng kết trình Ban Thường vụ Tỉnh ủy",),
        (1, 4),
        due=Due.MIDTERM,
    ),
    Clause(
        "Cung cấp thông tin, tài liệu cho Hội nghị báo cáo viên và giao ban báo chí hằng quý",
        "Chuẩn bị nội dung thông tin chuyên đề về tình hình, kết quả hoạt động của ngành phục "
        "vụ công tác định hướng tư tưởng.",
        R.QUARTERLY,
        M.OTHER,
        ("Cung cấp {n} chuyên đề thông tin phục vụ Hội nghị báo cáo viên",),
        (1, 8),
    ),
    Clause(
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

#: What the Office wrote on each agreement, by its state; a term's note must be true on the
#: signing day (the 14th Party Congress sat 19-23/01/2026).
AGREEMENT_NOTES_DRAFT = "Dự thảo đang lấy ý kiến các đơn vị, chưa ký kết."
AGREEMENT_NOTES_REPLACED = (
    "Đã tổng kết tháng 10/2021; các nội dung còn lại được kế thừa trong chương trình phối hợp "
    "giai đoạn 2021-2025."
)
#: A dissolved department's programme, taken over by its successor's.
AGREEMENT_NOTES_TRANSFERRED = (
    "{agency} kết thúc hoạt động từ ngày {day}; các nội dung phối hợp còn lại được kế thừa "
    "trong Chương trình phối hợp số {number} với {successor}."
)
AGREEMENT_NOTES: tuple[str | Phrase, ...] = (
    Phrase(
        "Thực hiện theo Nghị quyết Đại hội XII của Đảng và Nghị quyết Đại hội XV Đảng bộ tỉnh "
        "về lĩnh vực khoa giáo.",
        between(date(2016, 2, 1), date(2020, 10, 14)),
    ),
    Phrase(
        "Thực hiện theo Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XVI Đảng bộ tỉnh "
        "về lĩnh vực khoa giáo.",
        between(date(2021, 2, 1), date(2025, 10, 31)),
    ),
    Phrase(
        "Triển khai các nhiệm vụ công tác khoa giáo giai đoạn 2026-2030 theo chỉ đạo của Ban "
        "Thường vụ Tỉnh ủy.",
        between(date(2025, 11, 1), date(2026, 1, 23)),
    ),
    Phrase(
        "Triển khai Nghị quyết Đại hội XIV của Đảng trên lĩnh vực khoa giáo.",
        since(date(2026, 1, 24)),
    ),
)
