"""Hot-issue templates and the words around them: outlets, comments, reasons.

A template is used only for an issue first seen on a day its ``when`` allows (Covid-19 from
2020, new textbooks from 2020, drowning in the summer holidays, coffee-harvest truancy in the
harvest). ``area`` names the places it can happen in (see ``places``). Placeholders:
{commune}, {commune_full}, {district}, {district_full} from the place (from 1 July 2025, when
there are no districts, the commune: see ``TWO_TIER``); {river} and {project} from the located
tables; {company}, {festival}, {topic}, {responsible}; {n} (a
dozen to a few hundred), {m} (tens), {k} (2..9), {money}, {year}.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.demo.content.agencies import MERGED, REORGANISED
from tracker.demo.content.places import GINSENG, MANG_DEN
from tracker.demo.content.timing import ALWAYS, Phrase, When, between, season, since, until
from tracker.enums import IssueSource, Sector, Sensitivity

#: Where a template can happen.
ANYWHERE = "anywhere"
RURAL = "rural"  # a commune (xã), not a ward or a town
CITY_WARDS = "city_wards"  # a ward (phường) of Kon Tum city
RIVERSIDE = "riverside"  # a river bank (places.RIVERSIDE); gives {river}
PROJECT = "project"  # where a public work is (places.PROJECTS); gives {project}
AREA_GINSENG = GINSENG
AREA_MANG_DEN = MANG_DEN

SCHOOL_YEAR = (9, 10, 11, 12, 1, 2, 3, 4, 5)
RAINY_SEASON = (6, 7, 8, 9, 10, 11)


@dataclass(frozen=True)
class IssueTemplate:
    title: str
    summary: str
    when: When = ALWAYS
    area: str = ANYWHERE
    #: Who answers for it from 1 March 2025 when not the department of its field (a child's
    #: case goes to Health, vocational training to Education).
    after: str = ""


#: How a template reads where there is no district (from 1 July 2025), in order.
TWO_TIER: tuple[tuple[str, str], ...] = (
    ("Trung tâm Y tế {district_full}", "Trạm Y tế {commune_full}"),
    ("{commune_full}, {district_full}", "{commune_full}"),
    ("{district_full}", "{commune_full}"),
    ("{district}", "{commune}"),
)


I = IssueTemplate  # noqa: E741 - a short name keeps the table below readable

ISSUE_TEMPLATES: dict[Sector, tuple[IssueTemplate, ...]] = {
    Sector.ENVIRONMENT: (
        I(
            "Tranh chấp đất rẫy giữa người dân {commune_full} và {company}",
            "{n} hộ dân {commune_full}, {district_full} phản ánh diện tích đất rẫy canh tác lâu "
            "năm bị đưa vào dự án trồng rừng của {company}; người dân tụ tập tại trụ sở xã, đề "
            "nghị trả lại đất sản xuất.",
            area=RURAL,
        ),
        I(
            "Khai thác cát trái phép trên sông {river} đoạn qua {commune_full}",
            "Người dân phản ánh tàu hút cát hoạt động ban đêm trên sông {river}, gây sạt lở "
            "khoảng {m} m bờ sông, ảnh hưởng đất sản xuất của nhiều hộ dân {commune_full}.",
            area=RIVERSIDE,
        ),
        I(
            "Nhà máy chế biến tinh bột sắn gây ô nhiễm tại {commune_full}",
            "Nước thải từ hồ sinh học của nhà máy chế biến tinh bột sắn tràn ra suối, bốc mùi "
            "hôi thối; khoảng {n} hộ dân {commune_full}, {district_full} bức xúc, kiến nghị đình "
            "chỉ hoạt động.",
            area=RURAL,
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
            area=RURAL,
        ),
        I(
            "{n} hộ dân khiếu nại giá bồi thường giải phóng mặt bằng dự án {project}",
            "{n} hộ dân {commune_full} không đồng ý đơn giá bồi thường đất và tài sản trên đất "
            "của dự án {project}; gửi đơn tập thể đến nhiều cơ quan.",
            area=PROJECT,
        ),
        I(
            "Lấn chiếm đất rừng phòng hộ tại {commune_full}",
            "Phát hiện khoảng {m} m² rừng phòng hộ bị chặt phá, lấn chiếm để trồng cây ăn quả "
            "tại {commune_full}, {district_full}; dư luận đặt câu hỏi về trách nhiệm quản lý.",
            area=RURAL,
        ),
        I(
            "Sạt lở đất đe dọa {n} hộ dân tại {commune_full} sau mưa lớn",
            "Mưa lớn kéo dài gây sạt lở taluy dương, nhiều vết nứt xuất hiện sau nhà dân "
            "{commune_full}; người dân lo lắng, đề nghị sớm bố trí tái định cư.",
            season(*RAINY_SEASON),
        ),
        I(
            "Chậm cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ dân {commune_full}",
            "Người dân phản ánh hồ sơ nộp từ nhiều năm nhưng chưa được cấp giấy chứng nhận "
            "quyền sử dụng đất, gây khó khăn khi vay vốn sản xuất.",
        ),
    ),
    Sector.HEALTH: (
        I(
            "Người bệnh phải tự mua {k} loại thuốc tại Trung tâm Y tế {district_full}",
            "Người bệnh phản ánh phải tự mua {k} loại thuốc ngoài do cơ sở hết thuốc trong danh "
            "mục bảo hiểm y tế; nguyên nhân do chậm tổ chức đấu thầu thuốc.",
        ),
        I(
            "Thông tin sai sự thật về ca mắc Covid-19 tại {commune_full} lan truyền trên mạng",
            "Tài khoản mạng xã hội đăng tải thông tin về ca mắc Covid-19 và việc phong tỏa "
            "{commune_full}, thu hút {n} lượt chia sẻ, gây hoang mang trong Nhân dân.",
            between(date(2020, 2, 1), date(2022, 6, 30)),
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
            area=RURAL,
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
            season(*RAINY_SEASON),
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
            area=RURAL,
        ),
    ),
    Sector.EDUCATION: (
        I(
            "Phụ huynh phản ánh lạm thu đầu năm học tại Trường Tiểu học {commune}",
            "Ban đại diện cha mẹ học sinh thu {money} đồng/học sinh các khoản ngoài quy định; "
            "nhiều phụ huynh {commune_full} bức xúc, đăng tải lên mạng xã hội.",
            season(8, 9, 10),
        ),
        I(
            "Giáo viên hợp đồng tại {district_full} bị nợ lương {k} tháng",
            "{n} giáo viên hợp đồng các trường mầm non, tiểu học tại {district_full} chưa được "
            "chi trả lương, gặp nhiều khó khăn trong cuộc sống.",
        ),
        I(
            "Thiếu giáo viên, học sinh học trong phòng học tạm tại các điểm trường lẻ của "
            "{commune_full}",
            "Các điểm trường lẻ của {commune_full}, {district_full} phải học ghép {k} lớp trong "
            "phòng học tạm dột nát; phụ huynh kiến nghị bố trí thêm giáo viên và xây dựng phòng "
            "học kiên cố.",
            season(*SCHOOL_YEAR),
            area=RURAL,
        ),
        I(
            "Học sinh bỏ học theo gia đình đi làm thuê mùa cà phê tại {commune_full}",
            "{n} học sinh trung học cơ sở {commune_full} nghỉ học dài ngày theo gia đình đi hái "
            "cà phê thuê; nhà trường vận động nhưng chưa hiệu quả.",
            season(10, 11, 12, 1),
            area=RURAL,
        ),
        I(
            "Clip học sinh đánh nhau tại Trường THCS {commune} lan truyền trên mạng xã hội",
            "Đoạn clip dài {k} phút ghi cảnh nhóm nữ sinh đánh bạn trong giờ ra chơi thu hút "
            "hàng nghìn lượt xem; dư luận đặt vấn đề về công tác quản lý học sinh.",
            season(*SCHOOL_YEAR),
        ),
        I(
            "{n} giáo viên {district_full} phản ánh việc điều động thiếu công khai",
            "{n} giáo viên có đơn phản ánh việc điều động về các điểm trường vùng sâu thiếu "
            "công khai, không tính đến hoàn cảnh gia đình.",
            season(7, 8, 9),
        ),
        I(
            "Bếp ăn bán trú Trường PTDTBT THCS {commune} không bảo đảm vệ sinh",
            "Hình ảnh bữa ăn bán trú đạm bạc, bếp ăn xuống cấp được chia sẻ trên mạng xã hội; "
            "phụ huynh đề nghị công khai việc chi tiền hỗ trợ tiền ăn cho {n} học sinh.",
            season(*SCHOOL_YEAR),
            area=RURAL,
        ),
        I(
            "Phụ huynh {commune_full} băn khoăn về giá sách giáo khoa mới",
            "Nhiều phụ huynh {commune_full} phản ánh giá bộ sách giáo khoa lớp mới theo Chương "
            "trình giáo dục phổ thông 2018 tăng cao, gây khó khăn cho hộ nghèo; một số nơi thiếu "
            "sách đầu năm học.",
            since(date(2020, 7, 1), 7, 8, 9),
        ),
        I(
            "Giáo viên {district_full} lúng túng khi dạy môn tích hợp theo chương trình mới",
            "Nhiều giáo viên trung học cơ sở tại {district_full} phản ánh chưa được bồi dưỡng "
            "đầy đủ để dạy môn Khoa học tự nhiên, Lịch sử và Địa lý theo Chương trình giáo dục "
            "phổ thông 2018; phụ huynh lo lắng về chất lượng dạy học.",
            since(date(2021, 9, 1), 9, 10, 11, 12),
        ),
        I(
            "{n} học sinh bán trú {district_full} chậm nhận tiền hỗ trợ",
            "{n} học sinh thuộc diện hỗ trợ theo Nghị định số 116/2016/NĐ-CP chưa được nhận "
            "tiền hỗ trợ học kỳ I; phụ huynh gửi đơn đến xã.",
            between(date(2016, 9, 1), date(2025, 6, 30), 11, 12, 1, 2),
        ),
    ),
    Sector.CULTURE: (
        I(
            "{festival} tại {commune_full} có dấu hiệu thương mại hóa",
            "Người dân phản ánh việc bán vé, thu phí dịch vụ cao, nhiều hàng quán lấn chiếm lối "
            "đi trong {festival}; có hiện tượng mê tín dị đoan.",
        ),
        I(
            "Cơ sở karaoke hoạt động quá giờ, gây ồn tại phường {commune}",
            "{n} hộ dân phường {commune} phản ánh cơ sở karaoke hoạt động đến 1-2 giờ sáng, mở "
            "nhạc lớn, tụ tập thanh thiếu niên gây mất an ninh trật tự.",
            area=CITY_WARDS,
        ),
        I(
            "Cồng chiêng cổ của một số làng tại {commune_full} bị bán ra ngoài",
            "Một số hộ đồng bào tại {commune_full}, {district_full} bán {k} bộ cồng chiêng cổ "
            "cho thương lái; dư luận lo ngại mai một di sản văn hóa cồng chiêng.",
            area=RURAL,
        ),
        I(
            "Thu giữ {n} băng đĩa, ấn phẩm có nội dung độc hại tại {commune_full}",
            "Lực lượng chức năng thu giữ {n} băng đĩa, ấn phẩm có nội dung đồi trụy, bạo lực tại "
            "một cửa hàng ở {commune_full}.",
        ),
        I(
            "Nhà rông văn hóa tại {commune_full} xuống cấp, sử dụng sai mục đích",
            "Nhà rông của một làng tại {commune_full}, {district_full} bị dột nát, một phần được "
            "dùng làm kho chứa nông sản; già làng kiến nghị hỗ trợ tu sửa.",
            area=RURAL,
        ),
        I(
            "{k} công trình xây dựng không phép ảnh hưởng cảnh quan khu du lịch Măng Đen",
            "Dư luận phản ánh {k} công trình homestay xây dựng không phép, san ủi đồi thông tại "
            "Măng Đen; đề nghị xử lý nghiêm để bảo vệ cảnh quan.",
            area=AREA_MANG_DEN,
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
            area=AREA_MANG_DEN,
        ),
        I(
            "Trò chơi điện tử bạo lực thu hút học sinh tại {commune_full}",
            "Phụ huynh phản ánh {k} tiệm trò chơi điện tử gần trường học tại {commune_full} cho "
            "học sinh chơi game bạo lực đến khuya.",
        ),
    ),
    Sector.LABOUR: (
        I(
            "{company} nợ bảo hiểm xã hội của {n} người lao động",
            "Người lao động phản ánh công ty trích tiền lương nhưng không đóng bảo hiểm xã hội "
            "trong {k} tháng, ảnh hưởng quyền lợi chế độ ốm đau, thai sản.",
        ),
        I(
            "Nghi vấn bạo hành trẻ em tại {commune_full}",
            "Hàng xóm phát hiện bé {k} tuổi ở {commune_full}, {district_full} có nhiều vết bầm "
            "tím, nghi bị người thân bạo hành; thông tin lan truyền trên mạng xã hội.",
            after="SYT",
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
            area=RURAL,
            after="SGDDT",
        ),
        I(
            "{n} người có công tại {district_full} chậm nhận trợ cấp hằng tháng",
            "{n} người có công với cách mạng tại {district_full} phản ánh chậm nhận trợ cấp "
            "hằng tháng do thay đổi phương thức chi trả.",
        ),
        I(
            "Bình xét hộ nghèo chưa công khai tại {commune_full}",
            "Người dân một thôn tại {commune_full} phản ánh việc bình xét hộ nghèo, hộ cận nghèo "
            "không tổ chức họp dân, {k} hộ khó khăn không có tên trong danh sách.",
            When(until=REORGANISED - timedelta(days=1), months=frozenset((9, 10, 11, 12))),
            area=RURAL,
        ),
        I(
            "Học sinh {commune_full} đuối nước khi tắm suối",
            "{k} em học sinh {commune_full} đuối nước khi tắm suối trong dịp nghỉ hè; dư luận "
            "đặt vấn đề về công tác phòng, chống đuối nước trẻ em.",
            season(6, 7, 8),
            area=RURAL,
            after="SYT",
        ),
        I(
            "Tai nạn lao động tại công trình xây dựng ở {commune_full}",
            "Sập giàn giáo tại công trình của {company} làm {k} công nhân bị thương; người lao "
            "động chưa được trang bị bảo hộ và ký hợp đồng lao động.",
        ),
        I(
            "{n} lao động {district_full} mất việc do dịch Covid-19 cần được hỗ trợ",
            "Khoảng {n} lao động {district_full} mất việc, trở về địa phương; nhiều người chưa "
            "được tiếp cận gói hỗ trợ theo Nghị quyết số 42/NQ-CP của Chính phủ.",
            between(date(2020, 4, 10), date(2021, 6, 30)),
        ),
        I(
            "{n} lao động {district_full} mất việc do dịch Covid-19 cần được hỗ trợ",
            "Khoảng {n} lao động {district_full} mất việc, trở về địa phương; nhiều người chưa "
            "được tiếp cận gói hỗ trợ theo Nghị quyết số 68/NQ-CP của Chính phủ.",
            between(date(2021, 7, 5), date(2022, 3, 31)),
        ),
    ),
    Sector.SCIENCE: (
        I(
            "Sâm Ngọc Linh giả rao bán trên mạng, người trồng sâm {commune_full} lo ngại",
            "Nhiều tài khoản rao bán “sâm Ngọc Linh” giá rẻ, thực chất là tam thất hoang, sâm "
            "Trung Quốc; người trồng sâm tại {commune_full} lo ngại ảnh hưởng thương hiệu.",
            area=AREA_GINSENG,
        ),
        I(
            "{n} hộ dân {commune_full} phản ánh giống cà phê kém chất lượng",
            "{n} hộ dân mua cây giống cà phê ghép của cơ sở trôi nổi, sau {k} năm cây không cho "
            "trái; đề nghị kiểm tra nguồn gốc giống.",
            area=RURAL,
        ),
        I(
            "Dự án nông nghiệp ứng dụng công nghệ cao tại {commune_full} chậm triển khai",
            "Dự án được giao đất từ nhiều năm nhưng chậm triển khai, đất bỏ hoang; người dân "
            "kiến nghị thu hồi để sản xuất.",
            area=RURAL,
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
            area=AREA_GINSENG,
        ),
        I(
            "Sử dụng chỉ dẫn địa lý “Ngọc Linh” không đúng quy định tại {commune_full}",
            "Một số cơ sở tại {commune_full} gắn nhãn “sâm Ngọc Linh Kon Tum” cho sản phẩm không "
            "rõ nguồn gốc; cơ quan chức năng vào cuộc kiểm tra.",
            area=AREA_GINSENG,
        ),
    ),
}

# Fictional companies: the demo must not accuse a real business of anything. No place of
# the province in their names: they turn up in any district.
COMPANIES = (
    "Công ty TNHH Nông lâm Đại Ngàn",
    "Công ty CP Tinh bột sắn Bắc Tây Nguyên",
    "Công ty TNHH Xây dựng Trường Sơn KT",
    "Công ty CP Khoáng sản Ngọc Sơn",
    "Công ty TNHH Gỗ Phú Thịnh",
    "Công ty CP Dược liệu Rừng Xanh",
    "Công ty TNHH Chế biến nông sản Hưng Phát",
    "Công ty TNHH Dịch vụ Việc làm Tây Nguyên",
)
#: Festivals held in any commune, in the months they are held (none tied to one place).
FESTIVALS: tuple[str | Phrase, ...] = (
    Phrase("Lễ hội mừng xuân", season(1, 2, 3)),
    Phrase("Lễ mừng lúa mới", season(10, 11, 12)),
    Phrase("Lễ hội cầu mưa", season(4, 5)),
    "Ngày hội Văn hóa, Thể thao các dân tộc thiểu số",
)
#: Holidays, in the months people travel for them.
HOLIDAYS: tuple[Phrase, ...] = (
    Phrase("Tết Dương lịch", season(12, 1)),
    Phrase("Tết Nguyên đán", season(1, 2)),
    Phrase("lễ 30/4 - 1/5", season(4, 5)),
    Phrase("lễ Quốc khánh 2/9", season(8, 9)),
)
TOPICS = (
    "cây dược liệu dưới tán rừng",
    "nuôi cá tầm nước lạnh",
    "cà phê xứ lạnh",
    "nhân giống sâm Ngọc Linh",
    "chăn nuôi bò lai",
)

FIELD_WEIGHTS: dict[Sector, int] = {
    Sector.ENVIRONMENT: 24,
    Sector.HEALTH: 19,
    Sector.EDUCATION: 20,
    Sector.CULTURE: 14,
    Sector.LABOUR: 15,
    Sector.SCIENCE: 8,
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
#: What the Office writes when it raises an issue to leadership.
ESCALATION_NOTE = (
    "Vụ việc có dấu hiệu lan rộng trên mạng xã hội, đề nghị Thường trực Ban nắm thông tin và "
    "cho ý kiến chỉ đạo định hướng tuyên truyền."
)
#: (shortest, longest) days from first seen to resolution, by sensitivity.
RESOLUTION_DAYS = {
    Sensitivity.LOW: (8, 60),
    Sensitivity.MEDIUM: (6, 45),
    Sensitivity.HIGH: (4, 30),
    Sensitivity.CRITICAL: (2, 14),
}

#: (outlet, site, when) of the press: Kon Tum's own newspaper and station until the province
#: joined Quảng Ngãi.
KON_TUM_PRESS = until(MERGED - timedelta(days=1))
PRESS: tuple[tuple[str, str, When], ...] = (
    ("Báo Kon Tum", "baokontum.com.vn", KON_TUM_PRESS),
    ("Báo Kon Tum", "baokontum.com.vn", KON_TUM_PRESS),
    ("Đài Phát thanh - Truyền hình Kon Tum", "kontumtv.vn", KON_TUM_PRESS),
    ("Báo Tuổi Trẻ", "tuoitre.vn", ALWAYS),
    ("Báo Thanh Niên", "thanhnien.vn", ALWAYS),
    ("Báo Lao Động", "laodong.vn", ALWAYS),
    ("Báo Người Lao Động", "nld.com.vn", ALWAYS),
    ("Báo Dân trí", "dantri.com.vn", ALWAYS),
)
#: Social media outlets; the group name gives the link (TikTok took off in Vietnam in 2019).
SOCIAL: tuple[tuple[Phrase, str], ...] = (
    (Phrase("Facebook nhóm Kon Tum 24h"), "kontum24h"),
    (Phrase("Facebook nhóm Hội những người yêu Kon Tum"), "yeukontum"),
    (Phrase("Facebook nhóm Chợ Măng Đen"), "chomangden"),
    (Phrase("Facebook nhóm Phụ huynh Kon Tum"), "phuhuynhkontum"),
    (Phrase("TikTok", since(date(2019, 6, 1))), ""),
)
HOTLINES = {
    "SGDDT": "Đường dây nóng Sở Giáo dục và Đào tạo",
    "SKHCN": "Đường dây nóng Sở Khoa học và Công nghệ",
    "SYT": "Đường dây nóng Sở Y tế",
    "SVHTTDL": "Đường dây nóng Sở Văn hóa, Thể thao và Du lịch",
    "SLDTBXH": "Tổng đài quốc gia bảo vệ trẻ em 111",
    "STNMT": "Đường dây nóng Sở Tài nguyên và Môi trường",
    "SNV": "Đường dây nóng Sở Nội vụ",
    "SNNMT": "Đường dây nóng Sở Nông nghiệp và Môi trường",
}
PETITIONS = (
    "Đơn kiến nghị tập thể gửi Ban Tiếp công dân tỉnh",
    "Đơn của công dân gửi UBND {district_full}",
    "Đơn thư chuyển từ Văn phòng Tỉnh ủy",
)
GRASSROOTS = (
    "Báo cáo viên cơ sở {district_full}",
    "Cộng tác viên dư luận xã hội {district_full}",
    "{propaganda_board}",
)
MEETINGS = (
    "Hội nghị giao ban báo chí quý {quarter}/{year}",
    "Hội nghị báo cáo viên tháng {month:02d}/{year}",
    "Tiếp xúc cử tri tại {district_full}",
)

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
REVIEW_COMMENT = "Tiếp nhận, xem xét thông tin ban đầu."
HANDLING_COMMENT = "Chuyển {responsible} chủ trì xử lý, báo cáo kết quả trước ngày {due}."
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
