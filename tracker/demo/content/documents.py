"""The Office's guidance and plans for the bloc (hướng dẫn, kế hoạch), with their dates.

Each is numbered as the Office numbered it on its day (``{n}-HD/BTGTU`` until 28 February
2025, ``{n}-HD/BTGDVTU`` from 1 March 2025) and says only what was known then: the new
coronavirus is "nCoV" in early February 2020, the reorganised bodies appear from March 2025,
the 14th Congress's resolution from February 2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.enums import DocumentKind

HD = DocumentKind.GUIDANCE
KH = DocumentKind.PLAN


@dataclass(frozen=True)
class DocumentSpec:
    kind: DocumentKind
    number: int
    issued_on: date
    title: str
    summary: str
    #: What the document asks of the departments, after its summary.
    body: tuple[str, ...] = ()


#: What every document ends with ({office}: the Office's name on the day).
CLOSING = (
    "Các sở, ngành khối Khoa giáo căn cứ nội dung trên, xây dựng kế hoạch thực hiện phù hợp "
    "với chức năng, nhiệm vụ; báo cáo kết quả về {office} theo quy định.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về "
    "{office} để phối hợp giải quyết.",
)
RECIPIENTS = ("Thường trực Tỉnh ủy (b/c)", "Các sở, ngành khối Khoa giáo")

DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        HD,
        5,
        date(2017, 2, 20),
        "Hướng dẫn tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử quan trọng năm 2017",
        "Định hướng nội dung, hình thức tuyên truyền kỷ niệm 87 năm Ngày thành lập Đảng Cộng "
        "sản Việt Nam, 100 năm Cách mạng Tháng Mười Nga, 70 năm Ngày Thương binh - Liệt sĩ; "
        "phân công các sở, ngành khối Khoa giáo phối hợp thực hiện.",
        (
            "Tuyên truyền phải bảo đảm định hướng chính trị, tư tưởng, thiết thực, tiết kiệm; "
            "gắn với việc thực hiện nhiệm vụ chính trị của từng ngành.",
        ),
    ),
    DocumentSpec(
        HD,
        21,
        date(2019, 6, 10),
        "Hướng dẫn sơ kết giữa kỳ chương trình phối hợp giai đoạn 2017-2021",
        "Các sở, ngành đánh giá kết quả 02 năm thực hiện chương trình phối hợp: việc ban hành "
        "kế hoạch, phân công cán bộ đầu mối, chế độ báo cáo và kết quả từng nội dung phối hợp; "
        "gửi báo cáo sơ kết trước ngày 15/7/2019.",
    ),
    DocumentSpec(
        HD,
        34,
        date(2020, 2, 5),
        "Hướng dẫn định hướng thông tin, tuyên truyền phòng, chống dịch bệnh viêm đường hô hấp "
        "cấp do chủng mới của vi rút Corona (nCoV) gây ra",
        "Cung cấp thông tin chính thống, kịp thời về tình hình dịch bệnh; không đăng tải, chia "
        "sẻ thông tin chưa được kiểm chứng; phối hợp đấu tranh với tin giả trên mạng xã hội.",
        (
            "Sở Y tế là đầu mối cung cấp thông tin về tình hình dịch bệnh; Sở Giáo dục và Đào "
            "tạo thông tin kịp thời về việc cho học sinh nghỉ học, đi học trở lại.",
        ),
    ),
    DocumentSpec(
        HD,
        46,
        date(2021, 8, 16),
        "Hướng dẫn tổng kết chương trình phối hợp giai đoạn 2017-2021 và xây dựng chương trình "
        "phối hợp giai đoạn 2021-2025",
        "Đánh giá toàn diện kết quả, hạn chế và bài học kinh nghiệm sau 05 năm thực hiện; đề "
        "xuất nội dung phối hợp giai đoạn 2021-2025 bám sát Nghị quyết Đại hội XIII của Đảng và "
        "Nghị quyết Đại hội XVI Đảng bộ tỉnh.",
    ),
    DocumentSpec(
        KH,
        112,
        date(2023, 4, 10),
        "Kế hoạch sơ kết giữa kỳ việc thực hiện chương trình phối hợp giai đoạn 2021-2025",
        "Tổ chức sơ kết tại 06 sở, ngành trong quý II/2023; hội nghị sơ kết chung của khối "
        "Khoa giáo dự kiến trong tháng 6/2023.",
    ),
    DocumentSpec(
        HD,
        2,
        date(2025, 3, 18),
        "Hướng dẫn tiếp tục thực hiện chương trình phối hợp sau sắp xếp tổ chức bộ máy",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy kế thừa các chương trình phối hợp đã ký; Sở Nội vụ, "
        "Sở Nông nghiệp và Môi trường ký chương trình phối hợp cho thời gian còn lại của giai "
        "đoạn 2021-2025; nội dung phối hợp của Sở Lao động - Thương binh và Xã hội, Sở Tài "
        "nguyên và Môi trường được chuyển giao theo chức năng, nhiệm vụ mới.",
    ),
    DocumentSpec(
        HD,
        9,
        date(2025, 7, 21),
        "Hướng dẫn tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2025) và "
        "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2025)",
        "Định hướng nội dung tuyên truyền gắn với việc vận hành chính quyền địa phương hai cấp "
        "và những kết quả bước đầu sau hợp nhất tỉnh; phân công các sở, ngành khối Khoa giáo "
        "phối hợp thực hiện.",
    ),
    DocumentSpec(
        HD,
        24,
        date(2025, 11, 10),
        "Hướng dẫn tổng kết chương trình phối hợp giai đoạn 2021-2025, xây dựng chương trình "
        "phối hợp giai đoạn 2026-2030",
        "Tổng kết theo các cơ quan tồn tại trong từng thời kỳ và cơ quan kế thừa sau sắp xếp; "
        "đề xuất nội dung phối hợp giai đoạn 2026-2030, gửi về Ban trước ngày 15/12/2025.",
    ),
    DocumentSpec(
        HD,
        31,
        date(2026, 2, 9),
        "Hướng dẫn tuyên truyền Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng trong "
        "các sở, ngành khối Khoa giáo",
        "Tổ chức học tập, quán triệt và tuyên truyền sâu rộng Nghị quyết Đại hội đại biểu toàn "
        "quốc lần thứ XIV của Đảng trong cán bộ, đảng viên, công chức, viên chức và người lao "
        "động của các sở, ngành.",
    ),
    DocumentSpec(
        KH,
        35,
        date(2026, 3, 16),
        "Kế hoạch kiểm tra, giám sát việc thực hiện chương trình phối hợp năm 2026",
        "Kiểm tra tại 03 sở, ngành trong quý III/2026; nội dung: việc triển khai chương trình "
        "phối hợp giai đoạn 2026-2030, chế độ báo cáo và việc xử lý các vấn đề dư luận xã hội.",
    ),
)
