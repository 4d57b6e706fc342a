"""The words of the reports: titles, the six sections, and the Office's review comments.

A report is about its period: its text may only say what was true by the period's cut-off
(the political calendar below has dates) and seasonal lines are chosen for the months the
report covers; "tasks for the next period" are chosen for the months of the next period.
Review comments follow the same rule, and a comment about timeliness matches the report's.
"""

from __future__ import annotations

from datetime import date

from tracker.demo.content.clauses import GDPT_2018, READING_DAY, TEXTBOOK_CHOICE
from tracker.demo.content.timing import Phrase, between, season, since, until
from tracker.enums import ReportKind

RAINY = (6, 7, 8, 9, 10)
TET = (12, 1, 2)

#: A report's title, by kind: {period} as people say it ("tháng 03/2025", "quý I/2025",
#: "6 tháng đầu năm 2025", "năm 2025"), {agency} the department's name.
TITLES: dict[ReportKind, str] = {
    ReportKind.MONTHLY: (
        "Báo cáo tình hình tư tưởng, dư luận xã hội và kết quả công tác phối hợp {period} "
        "của {agency}"
    ),
    ReportKind.QUARTERLY: (
        "Báo cáo tình hình tư tưởng và kết quả thực hiện Chương trình phối hợp {period} "
        "của {agency}"
    ),
    ReportKind.SIX_MONTH: "Báo cáo sơ kết công tác phối hợp {period} của {agency}",
    ReportKind.ANNUAL: (
        "Báo cáo tổng kết công tác phối hợp {period} và phương hướng, nhiệm vụ năm {next_year} "
        "của {agency}"
    ),
    ReportKind.AD_HOC: "Báo cáo đột xuất của {agency} về vụ việc: {issue}",
}
#: How the next period reads in "tasks for the next period".
NEXT_PERIOD: dict[ReportKind, str] = {
    ReportKind.MONTHLY: "tháng tiếp theo",
    ReportKind.QUARTERLY: "quý tiếp theo",
    ReportKind.SIX_MONTH: "6 tháng cuối năm {year}",
    ReportKind.ANNUAL: "năm {next_year}",
    ReportKind.AD_HOC: "thời gian tới",
}

# -- ideological situation and public opinion ------------------------------------------------

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
#: The political calendar: what was on people's minds, with the dates it was true.
SITUATION_TIMELINE: tuple[Phrase, ...] = (
    Phrase(
        "Cán bộ, đảng viên tích cực học tập, quán triệt Nghị quyết Đại hội XII của Đảng và "
        "Nghị quyết Đại hội XV Đảng bộ tỉnh.",
        between(date(2016, 2, 1), date(2019, 6, 30)),
    ),
    Phrase(
        "Cán bộ, đảng viên quan tâm đến công tác chuẩn bị Đại hội Đảng bộ các cấp tiến tới Đại "
        "hội đại biểu toàn quốc lần thứ XIII của Đảng.",
        between(date(2019, 7, 1), date(2020, 10, 14)),
    ),
    Phrase(
        "Cán bộ, Nhân dân phấn khởi trước thành công của Đại hội đại biểu Đảng bộ tỉnh lần thứ "
        "XVI, hướng về Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
        between(date(2020, 10, 15), date(2021, 1, 24)),
    ),
    Phrase(
        "Dư luận quan tâm đến diễn biến dịch Covid-19; Nhân dân đồng tình với các biện pháp "
        "phòng, chống dịch của tỉnh.",
        between(date(2020, 2, 1), date(2022, 6, 30)),
    ),
    Phrase(
        "Cán bộ, Nhân dân quan tâm đến công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và "
        "đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
        between(date(2021, 2, 2), date(2021, 5, 22)),
    ),
    Phrase(
        "Cán bộ, Nhân dân phấn khởi trước thành công của Cuộc bầu cử đại biểu Quốc hội khóa XV "
        "và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026.",
        between(date(2021, 5, 24), date(2021, 12, 31)),
    ),
    Phrase(
        "Cán bộ, đảng viên tích cực học tập, làm theo Nghị quyết Đại hội XIII của Đảng và Nghị "
        "quyết Đại hội XVI Đảng bộ tỉnh.",
        between(date(2021, 2, 2), date(2024, 11, 30)),
    ),
    Phrase(
        "Cán bộ, đảng viên quan tâm đến việc sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu "
        "lực, hiệu quả và công tác chuẩn bị Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030.",
        between(date(2024, 12, 1), date(2025, 10, 31)),
    ),
    Phrase(
        "Cán bộ, đảng viên và Nhân dân hướng về Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
        between(date(2025, 11, 1), date(2026, 1, 23)),
    ),
    Phrase(
        "Cán bộ, đảng viên phấn khởi, tin tưởng vào thành công của Đại hội đại biểu toàn quốc "
        "lần thứ XIV của Đảng; tích cực học tập, quán triệt Nghị quyết Đại hội.",
        since(date(2026, 1, 24)),
    ),
)
SITUATION: dict[str, tuple[str | Phrase, ...]] = {
    "SGDDT": (
        "Đội ngũ cán bộ quản lý, giáo viên yên tâm công tác, tâm huyết với nghề; phụ huynh quan "
        "tâm đến chất lượng dạy và học.",
        Phrase(
            "Phụ huynh quan tâm đến công tác tuyển sinh đầu cấp năm học mới.", season(5, 6, 7, 8)
        ),
        Phrase(
            "Dư luận quan tâm đến dự thảo chương trình giáo dục phổ thông mới và lộ trình đổi "
            "mới sách giáo khoa.",
            until(GDPT_2018),
        ),
        Phrase(
            "Dư luận quan tâm đến việc triển khai Chương trình giáo dục phổ thông 2018 và lựa "
            "chọn sách giáo khoa.",
            since(TEXTBOOK_CHOICE),
        ),
        Phrase(
            "Phụ huynh quan tâm đến các khoản thu đầu năm học; ngành đã chỉ đạo các trường thực "
            "hiện công khai, đúng quy định.",
            season(8, 9, 10),
        ),
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
        Phrase(
            "Nhân dân quan tâm đến tình hình dịch bệnh mùa mưa, nhất là sốt xuất huyết.",
            season(*RAINY),
        ),
    ),
    "SVHTTDL": (
        "Các hoạt động văn hóa, văn nghệ, thể dục thể thao diễn ra sôi nổi, đáp ứng nhu cầu "
        "hưởng thụ văn hóa của Nhân dân.",
        Phrase("Dư luận quan tâm đến công tác quản lý, tổ chức lễ hội đầu xuân.", season(1, 2, 3)),
        "Dư luận quan tâm đến công tác bảo tồn không gian văn hóa cồng chiêng và phát triển du "
        "lịch Măng Đen.",
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
    "SNV": (
        "Cán bộ, công chức, viên chức và người lao động cơ bản đồng tình với chủ trương sắp xếp "
        "tổ chức bộ máy; một bộ phận còn băn khoăn về vị trí việc làm sau sắp xếp.",
        "Người lao động, người có công quan tâm đến việc chi trả trợ cấp, chế độ sau khi chuyển "
        "giao nhiệm vụ từ Sở Lao động - Thương binh và Xã hội.",
        "Dư luận quan tâm đến tình trạng một số doanh nghiệp chậm đóng, nợ bảo hiểm xã hội cho "
        "người lao động.",
        Phrase(
            "Cán bộ, công chức cấp xã quan tâm đến chế độ, chính sách và điều kiện làm việc sau "
            "khi vận hành chính quyền địa phương hai cấp.",
            since(date(2025, 7, 1)),
        ),
    ),
    "SNNMT": (
        "Dư luận quan tâm đến công tác quản lý đất đai, cấp giấy chứng nhận quyền sử dụng đất "
        "và bồi thường, giải phóng mặt bằng các dự án.",
        "Người dân quan tâm đến giá nông sản, nhất là cà phê, sâm Ngọc Linh và các loại dược liệu.",
        "Tình trạng khai thác cát, sỏi, phá rừng trái phép cơ bản được kiểm soát; vẫn còn xảy "
        "ra ở một số địa bàn giáp ranh.",
        Phrase(
            "Nhân dân quan tâm đến công tác phòng cháy, chữa cháy rừng trong mùa khô.",
            season(1, 2, 3, 4),
        ),
    ),
}

# -- results of coordination: {n} drawn from the phrase's range, {k} from 2..9 ------------------

RESULTS_COMMON: tuple[Phrase, ...] = (
    Phrase(
        "Phối hợp đăng tải {n} tin, bài trên Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh và "
        "Trang thông tin điện tử của ngành về lĩnh vực {area}.",
        n=(4, 36),
    ),
    Phrase(
        "Cung cấp {k} báo cáo, thông tin hai chiều về các vấn đề dư luận xã hội quan tâm cho Ban "
        "Tuyên giáo Tỉnh ủy."
    ),
    Phrase(
        "Phối hợp chuẩn bị nội dung, tài liệu phục vụ Hội nghị báo cáo viên và giao ban báo chí "
        "của tỉnh."
    ),
    Phrase(
        "Tổ chức {k} buổi sinh hoạt chính trị, tư tưởng cho {n} cán bộ, đảng viên, công chức, "
        "viên chức của ngành.",
        n=(60, 450),
    ),
)
RESULTS: dict[str, tuple[Phrase, ...]] = {
    "SGDDT": (
        Phrase(
            "Tổ chức {k} lớp bồi dưỡng chính trị hè cho {n} cán bộ quản lý và giáo viên toàn "
            "ngành.",
            season(7, 8),
            (650, 1800),
        ),
        Phrase(
            "Chỉ đạo các trường lồng ghép giáo dục lý tưởng cách mạng, đạo đức, lối sống cho "
            "{n} học sinh qua các hoạt động ngoại khóa.",
            season(9, 10, 11, 12, 1, 2, 3, 4, 5),
            (1200, 9000),
        ),
        Phrase(
            "Tuyên truyền kết quả thực hiện Nghị quyết số 29-NQ/TW; có thêm {k} trường đạt "
            "chuẩn quốc gia."
        ),
    ),
    "SKHCN": (
        Phrase(
            "Phát hành {k} số Bản tin Khoa học và Công nghệ; đăng tải {n} tin, bài về Nghị quyết "
            "số 20-NQ/TW.",
            n=(6, 30),
        ),
        Phrase(
            "Hỗ trợ {k} doanh nghiệp, hợp tác xã đăng ký nhãn hiệu, truy xuất nguồn gốc sản "
            "phẩm sâm Ngọc Linh."
        ),
        Phrase(
            "Tổ chức {k} hội thảo giới thiệu mô hình nông nghiệp ứng dụng công nghệ cao với {n} "
            "đại biểu tham dự.",
            n=(60, 260),
        ),
    ),
    "SYT": (
        Phrase(
            "Tổ chức {k} lớp giáo dục y đức, quy tắc ứng xử cho {n} y, bác sỹ và nhân viên y tế.",
            n=(120, 900),
        ),
        Phrase(
            "Cung cấp {n} bản tin về tình hình dịch bệnh cho các cơ quan báo chí; xử lý kịp "
            "thời thông tin sai sự thật trên mạng xã hội.",
            n=(4, 40),
        ),
        Phrase(
            "Tiếp nhận và trả lời {n} ý kiến phản ánh của người bệnh qua đường dây nóng của ngành.",
            n=(8, 70),
        ),
    ),
    "SVHTTDL": (
        Phrase(
            "Kiểm tra {n} cơ sở kinh doanh dịch vụ văn hóa theo Chỉ thị số 46-CT/TW; xử lý {k} "
            "trường hợp vi phạm.",
            n=(6, 40),
        ),
        Phrase(
            "Tổ chức {k} hoạt động hưởng ứng Ngày Sách Việt Nam, luân chuyển {n} bản sách về cơ "
            "sở.",
            until(READING_DAY, 4, 5),
            (300, 4000),
        ),
        Phrase(
            "Tổ chức {k} hoạt động hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam, luân chuyển {n} "
            "bản sách về cơ sở.",
            since(READING_DAY, 4, 5),
            (300, 4000),
        ),
        Phrase("Mở {k} lớp truyền dạy cồng chiêng, xoang cho {n} thanh thiếu niên.", n=(40, 260)),
    ),
    "SLDTBXH": (
        Phrase(
            "Tổ chức đào tạo nghề cho {n} lao động nông thôn, trong đó có {k} lớp tại xã.",
            n=(80, 900),
        ),
        Phrase(
            "Tổ chức {k} buổi truyền thông về phòng, chống xâm hại trẻ em với {n} lượt người "
            "tham dự.",
            n=(150, 1500),
        ),
        Phrase(
            "Giải quyết việc làm cho {n} lao động; tư vấn {k} đợt cho lao động đi làm việc ở "
            "nước ngoài.",
            n=(120, 1100),
        ),
    ),
    "STNMT": (
        Phrase(
            "Phối hợp {k} đợt kiểm tra, xử lý khai thác cát, sỏi trái phép; đăng tải {n} tin, "
            "bài về kết quả xử lý.",
            n=(3, 20),
        ),
        Phrase(
            "Cung cấp thông tin về {n} vụ việc tranh chấp, khiếu nại đất đai; phối hợp định "
            "hướng dư luận.",
            n=(2, 16),
        ),
        Phrase(
            "Kiểm tra {n} cơ sở sản xuất, chế biến nông sản; yêu cầu {k} cơ sở khắc phục ô nhiễm "
            "môi trường.",
            n=(4, 25),
        ),
    ),
    "SNV": (
        Phrase(
            "Tổ chức {k} hội nghị đối thoại với người lao động, người sử dụng lao động; giải "
            "quyết việc làm cho {n} lao động.",
            n=(80, 900),
        ),
        Phrase(
            "Cung cấp {n} tin, bài về sắp xếp tổ chức bộ máy, chính quyền địa phương hai cấp.",
            since(date(2025, 4, 12)),
            (4, 30),
        ),
        Phrase(
            "Phối hợp với Bảo hiểm xã hội tỉnh tổ chức {k} hội nghị tuyên truyền Luật Bảo hiểm "
            "xã hội năm 2024 cho {n} người lao động.",
            n=(120, 900),
        ),
    ),
    "SNNMT": (
        Phrase(
            "Phối hợp {k} đợt kiểm tra, xử lý khai thác cát, sỏi, phá rừng trái phép; đăng tải "
            "{n} tin, bài về kết quả xử lý.",
            n=(3, 20),
        ),
        Phrase(
            "Cung cấp thông tin về {n} vụ việc tranh chấp, khiếu nại đất đai; phối hợp định "
            "hướng dư luận.",
            n=(2, 16),
        ),
        Phrase(
            "Đăng tải {n} tin, bài giới thiệu sản phẩm OCOP, mô hình nông nghiệp hữu cơ.",
            n=(3, 24),
        ),
    ),
}
#: A line added when a returned report is revised ("Bổ sung: ...").
REVISION_PREFIX = "Bổ sung: "

# -- emerging issues, proposals, next tasks ---------------------------------------------------

EMERGING_NONE = (
    "Trong kỳ không phát sinh vấn đề nổi cộm, phức tạp thuộc lĩnh vực {area}.",
    "Các vấn đề dư luận quan tâm trong kỳ đã được ngành chủ động nắm bắt, cung cấp thông tin và "
    "định hướng kịp thời.",
    "Tiếp tục theo dõi dư luận trên mạng xã hội về các nội dung liên quan đến lĩnh vực {area}.",
    "Một số ý kiến phản ánh nhỏ lẻ qua đường dây nóng đã được tiếp nhận, trả lời theo quy định.",
)
EMERGING_ISSUE = "Dư luận quan tâm vụ việc: {title}."
EMERGING_ACTION = (
    "Ngành đã phối hợp với địa phương kiểm tra, xác minh, cung cấp thông tin cho Ban Tuyên giáo "
    "Tỉnh ủy và các cơ quan báo chí."
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
PROPOSALS: dict[str, tuple[str | Phrase, ...]] = {
    "SGDDT": (
        "Đề nghị quan tâm bố trí đủ biên chế giáo viên cho các huyện vùng sâu, vùng xa như Tu Mơ "
        "Rông, Đăk Glei, Ia H'Drai.",
    ),
    "SKHCN": (
        Phrase(
            "Đề nghị hỗ trợ xây dựng, quảng bá thương hiệu sâm Ngọc Linh và các sản phẩm OCOP "
            "của tỉnh.",
            since(date(2018, 5, 7)),  # Chương trình OCOP: Quyết định 490/QĐ-TTg
        ),
        "Đề nghị hỗ trợ xây dựng, quảng bá thương hiệu sâm Ngọc Linh và các sản phẩm đặc "
        "trưng của tỉnh.",
    ),
    "SYT": (
        "Đề nghị quan tâm tháo gỡ khó khăn trong đấu thầu, mua sắm thuốc, vật tư y tế cho tuyến "
        "huyện.",
    ),
    "SVHTTDL": (
        "Đề nghị hỗ trợ kinh phí phục dựng lễ hội truyền thống, bảo tồn cồng chiêng ở các làng "
        "đồng bào dân tộc thiểu số.",
    ),
    "SLDTBXH": (
        "Đề nghị chỉ đạo cơ quan chức năng xử lý nghiêm các doanh nghiệp nợ đóng bảo hiểm xã "
        "hội kéo dài.",
    ),
    "STNMT": (
        "Đề nghị chỉ đạo các địa phương tăng cường kiểm tra, xử lý dứt điểm các điểm khai thác "
        "cát, sỏi trái phép.",
    ),
    "SNV": (
        "Đề nghị sớm hướng dẫn thống nhất việc chi trả trợ cấp người có công sau khi chuyển "
        "giao nhiệm vụ.",
    ),
    "SNNMT": (
        "Đề nghị chỉ đạo các xã tăng cường kiểm tra, xử lý dứt điểm các điểm khai thác cát, "
        "sỏi trái phép.",
    ),
}
#: Tasks for the next period; seasons are those of the next period.
NEXT_COMMON = (
    "Tiếp tục nắm bắt tình hình tư tưởng, dư luận xã hội trong cán bộ, đảng viên và Nhân dân; "
    "kịp thời báo cáo các vấn đề phát sinh.",
    "Duy trì chế độ báo cáo định kỳ và cung cấp thông tin hai chiều với Ban Tuyên giáo Tỉnh ủy.",
    "Phối hợp tuyên truyền các ngày lễ lớn, sự kiện quan trọng của đất nước và của tỉnh trong "
    "{next}.",
    "Triển khai các nội dung phối hợp còn lại theo chương trình đã ký kết.",
)
NEXT: dict[str, tuple[str | Phrase, ...]] = {
    "SGDDT": (
        Phrase(
            "Chuẩn bị tổ chức lớp bồi dưỡng chính trị hè cho cán bộ quản lý và giáo viên.",
            season(5, 6, 7),
        ),
        Phrase(
            "Tuyên truyền công tác tuyển sinh, chuẩn bị các điều kiện cho năm học mới.",
            season(6, 7, 8),
        ),
        "Tiếp tục nắm bắt tình hình tư tưởng đội ngũ nhà giáo, nhất là giáo viên vùng sâu, vùng "
        "xa.",
    ),
    "SKHCN": (
        "Tuyên truyền kết quả các đề tài, dự án khoa học được ứng dụng vào thực tiễn.",
        "Phối hợp kiểm tra việc sử dụng chỉ dẫn địa lý “Ngọc Linh”.",
    ),
    "SYT": (
        Phrase(
            "Tăng cường truyền thông phòng, chống dịch bệnh mùa mưa và tiêm chủng mở rộng.",
            season(5, 6, 7, 8, 9, 10),
        ),
        Phrase("Tuyên truyền bảo đảm an toàn thực phẩm dịp Tết Nguyên đán.", season(*TET)),
        "Tiếp tục chấn chỉnh thái độ phục vụ người bệnh tại các cơ sở y tế.",
    ),
    "SVHTTDL": (
        Phrase(
            "Tăng cường kiểm tra hoạt động kinh doanh dịch vụ văn hóa, lễ hội dịp đầu xuân.",
            season(*TET),
        ),
        "Tăng cường kiểm tra hoạt động kinh doanh dịch vụ văn hóa.",
        "Tổ chức các hoạt động văn hóa, văn nghệ chào mừng các ngày lễ lớn.",
    ),
    "SLDTBXH": (
        Phrase(
            "Tuyên truyền Tháng hành động vì trẻ em, phòng, chống đuối nước trẻ em dịp nghỉ hè.",
            season(5, 6, 7),
        ),
        Phrase("Chăm lo Tết cho hộ nghèo, gia đình chính sách, người có công.", season(*TET)),
        "Đẩy mạnh đào tạo nghề, giải quyết việc làm cho lao động nông thôn.",
    ),
    "STNMT": (
        "Phối hợp nắm tình hình các vụ việc tranh chấp, khiếu nại đất đai phức tạp.",
        Phrase(
            "Tuyên truyền phòng, chống sạt lở đất, bảo vệ môi trường trong mùa mưa.",
            season(5, 6, 7, 8, 9, 10),
        ),
    ),
    "SNV": (
        Phrase("Chăm lo Tết cho gia đình chính sách, người có công.", season(*TET)),
        Phrase("Tổ chức các hoạt động kỷ niệm Ngày Thương binh - Liệt sĩ (27/7).", season(6, 7)),
        "Tiếp tục nắm bắt tâm tư cán bộ, công chức, viên chức sau sắp xếp tổ chức bộ máy.",
    ),
    "SNNMT": (
        "Phối hợp nắm tình hình các vụ việc tranh chấp, khiếu nại đất đai phức tạp.",
        Phrase(
            "Tuyên truyền phòng cháy, chữa cháy rừng mùa khô.",
            season(12, 1, 2, 3, 4),
        ),
        Phrase(
            "Tuyên truyền phòng, chống sạt lở đất, bảo vệ môi trường trong mùa mưa.",
            season(5, 6, 7, 8, 9, 10),
        ),
    ),
}

# -- ad hoc reports -------------------------------------------------------------------------

AD_HOC_SITUATION = "Ngày {seen}, {outlet} phản ánh: {summary}"
AD_HOC_RESULTS = (
    "Ngay sau khi nắm được thông tin, ngành đã cử cán bộ phối hợp với chính quyền địa phương "
    "kiểm tra, xác minh; báo cáo nhanh Ban Tuyên giáo Tỉnh ủy và thống nhất nội dung định hướng "
    "thông tin."
)

# -- the Office's review comments -------------------------------------------------------------

#: What a returned report should add, per department; seasonal topics fit the period.
RETURN_TOPICS: dict[str, tuple[str | Phrase, ...]] = {
    "SGDDT": (
        Phrase("số lớp bồi dưỡng chính trị hè và số cán bộ, giáo viên tham gia", season(7, 8, 9)),
        Phrase("việc thực hiện các khoản thu đầu năm học", season(8, 9, 10)),
        "tình hình đội ngũ giáo viên hợp đồng tại các huyện vùng sâu, vùng xa",
    ),
    "SKHCN": (
        "kết quả hỗ trợ truy xuất nguồn gốc sâm Ngọc Linh",
        "các đề tài, dự án khoa học được nghiệm thu, ứng dụng trong kỳ",
    ),
    "SYT": (
        "tình hình cung ứng thuốc, vật tư y tế tại tuyến huyện",
        Phrase("công tác phòng, chống sốt xuất huyết", season(*RAINY)),
    ),
    "SVHTTDL": (
        "kết quả kiểm tra cơ sở kinh doanh dịch vụ văn hóa",
        Phrase("công tác quản lý lễ hội đầu năm", season(1, 2, 3)),
    ),
    "SLDTBXH": (
        "số lao động nông thôn được đào tạo nghề và giải quyết việc làm",
        Phrase("kết quả chăm lo Tết cho hộ nghèo, gia đình chính sách", season(1, 2)),
    ),
    "STNMT": (
        "các vụ việc tranh chấp, khiếu nại đất đai đang theo dõi",
        Phrase("tình hình sạt lở đất trong mùa mưa", season(6, 7, 8, 9, 10, 11)),
    ),
    "SNV": (
        "số lao động được giải quyết việc làm và kết quả đối thoại tại doanh nghiệp",
        "tình hình chi trả trợ cấp cho người có công sau chuyển giao nhiệm vụ",
    ),
    "SNNMT": (
        "các vụ việc tranh chấp, khiếu nại đất đai đang theo dõi",
        Phrase("tình hình cháy rừng trong mùa khô", season(1, 2, 3, 4)),
    ),
}
RETURN_TEMPLATES = (
    "Đề nghị bổ sung số liệu về {topic} trong kỳ báo cáo.",
    "Đề nghị làm rõ kết quả thực hiện từng nội dung phối hợp đã ký kết, bổ sung số liệu về "
    "{topic}.",
    "Báo cáo còn chung chung; đề nghị bổ sung số liệu về {topic} và đề xuất cụ thể.",
)
#: Returning a report: the comment the reviewer puts next to the "results" section, where the
#: revision then adds what was missing.
RETURN_SECTION_NOTES = (
    "Nêu rõ số liệu về {topic}: số buổi, số người tham dự, địa bàn.",
    "Phần này mới nêu chung; đề nghị ghi cụ thể kết quả về {topic}.",
    "Bổ sung kết quả về {topic}, đối chiếu với nội dung đã ký kết.",
)
#: Accepting a report: what the reviewer may write, by how the report came in.
ACCEPT_ON_TIME = (
    "Báo cáo gửi đúng hạn, nội dung đầy đủ, đánh giá cụ thể từng nội dung phối hợp.",
    "Báo cáo gửi đúng hạn; số liệu cụ thể, đề xuất sát thực tế.",
)
ACCEPT_LATE = (
    "Tiếp nhận báo cáo. Báo cáo gửi chậm so với thời hạn quy định; đề nghị rút kinh nghiệm "
    "trong kỳ tới.",
)
ACCEPT_REVISED = ("Tiếp nhận báo cáo đã bổ sung, hoàn chỉnh theo ý kiến của Ban.",)
ACCEPT_ANY: tuple[str | Phrase, ...] = (
    "Tiếp nhận báo cáo. Đề nghị tiếp tục nắm bắt tình hình tư tưởng, dư luận xã hội trên lĩnh "
    "vực {area}.",
    Phrase(
        "Tiếp nhận báo cáo. Đề nghị tiếp tục nắm bắt tư tưởng cán bộ, Nhân dân trước, trong và "
        "sau Tết Nguyên đán, kịp thời thông tin các vấn đề phát sinh.",
        season(*TET),
    ),
)
ACCEPT_BY_AGENCY: dict[str, tuple[Phrase, ...]] = {
    "SGDDT": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở chỉ đạo tổ chức tốt các lớp bồi dưỡng chính trị hè "
            "cho cán bộ quản lý, giáo viên.",
            season(5, 6, 7),
        ),
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở chỉ đạo các trường công khai các khoản thu đầu năm học.",
            season(8, 9),
        ),
    ),
    "SYT": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở tăng cường truyền thông phòng, chống sốt xuất huyết "
            "trong mùa mưa.",
            season(*RAINY),
        ),
    ),
    "SVHTTDL": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở tăng cường kiểm tra hoạt động lễ hội đầu xuân.",
            season(1, 2),
        ),
    ),
    "SLDTBXH": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở chỉ đạo tăng cường phòng, chống đuối nước trẻ em dịp "
            "nghỉ hè.",
            season(5, 6, 7),
        ),
    ),
    "STNMT": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở chủ động cảnh báo nguy cơ sạt lở đất trong mùa mưa.",
            season(*RAINY),
        ),
    ),
    "SNNMT": (
        Phrase(
            "Tiếp nhận báo cáo. Đề nghị Sở chủ động cảnh báo nguy cơ sạt lở đất trong mùa mưa.",
            season(*RAINY),
        ),
    ),
}
AD_HOC_ACCEPT = ("Tiếp nhận báo cáo. Đề nghị tiếp tục theo dõi, báo cáo kết quả xử lý vụ việc.",)
#: The note on a commitment when nothing more specific fits the period.
COMMITMENT_NOTE_DEFAULT = "Tiếp tục triển khai theo kế hoạch; chưa phát sinh khó khăn, vướng mắc."
