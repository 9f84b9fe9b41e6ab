"""Background prose for full-length sample articles (`partybuild sample --docs N --length full`).

Real articles in the provincial Party press run to 4–10 KB: a lead, then long paragraphs about the
conference, the leaders' speeches, the shortcomings and the tasks ahead, among which a few figures stand.
The short generated articles have a figure in nearly every paragraph; these paragraphs give them the shape
of the real ones, so that what a benchmark measures per megabyte is what a crawl would cost. The sentences
hold the things real prose holds around figures (numbers that are not figures, names of bodies, committee
titles, dates of other events) but no figure of the four metrics. Every sentence was written for this project.
"""

from __future__ import annotations

import random

from etl.sample.distractors import Context
from etl.sample.distractors import sentences as distractor_sentences

# {ref}: the article's body; {n}: a small count; {pct}: a percentage; {k}: an ordinal.
_WORK = [
    "Thời gian qua, {ref} đã tập trung lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng thực hiện nghiêm túc "
    "các nghị quyết, chỉ thị của cấp trên, gắn với điều kiện thực tế của từng địa phương, đơn vị.",
    "Công tác giáo dục chính trị, tư tưởng được chú trọng, nhất là việc nắm bắt tâm tư, nguyện vọng của "
    "cán bộ, đảng viên và nhân dân trước những vấn đề mới nảy sinh ở cơ sở.",
    "Các cấp ủy đã cụ thể hóa chương trình làm việc toàn khóa bằng kế hoạch hằng quý, phân công rõ người, "
    "rõ việc, rõ trách nhiệm và thời gian hoàn thành.",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với nhiệm vụ chính trị "
    "của từng cơ quan, đơn vị, tạo chuyển biến trong lề lối làm việc của cán bộ.",
    "Chất lượng sinh hoạt chi bộ từng bước được nâng lên; nhiều chi bộ đã chọn chuyên đề sát với thực tiễn, "
    "khuyến khích đảng viên phát biểu, đóng góp ý kiến thẳng thắn.",
    "Công tác kiểm tra, giám sát được tiến hành thường xuyên, có trọng tâm, trọng điểm; qua đó kịp thời "
    "chấn chỉnh những thiếu sót, góp phần giữ vững kỷ cương, kỷ luật trong Đảng.",
    "Công tác dân vận của hệ thống chính trị có nhiều đổi mới, phong trào thi đua dân vận khéo được triển "
    "khai sâu rộng với {n} mô hình tiêu biểu được biểu dương.",
    "Việc chuyển đổi số trong hoạt động của các cơ quan đảng được đẩy mạnh, văn bản được gửi nhận qua mạng "
    "và phần mềm quản lý hồ sơ đảng viên được cập nhật đầy đủ.",
    "Đội ngũ cán bộ chủ chốt ở cơ sở được kiện toàn kịp thời, công tác quy hoạch, đào tạo, bồi dưỡng cán bộ "
    "trẻ, cán bộ nữ và cán bộ người dân tộc thiểu số được quan tâm.",
    "Các tổ chức chính trị - xã hội phát huy vai trò nòng cốt trong việc tập hợp, đoàn kết các tầng lớp "
    "nhân dân, tham gia xây dựng Đảng và chính quyền trong sạch, vững mạnh.",
    "Phong trào xây dựng nông thôn mới, đô thị văn minh tiếp tục được nhân dân hưởng ứng, nhiều tuyến đường "
    "hoa, đường điện chiếu sáng do người dân tự nguyện đóng góp ngày công.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn được giữ vững, không để xảy ra điểm "
    "nóng, khiếu kiện đông người.",
]
_SPEECH = [
    "Phát biểu chỉ đạo hội nghị, đồng chí {official} đánh giá cao những kết quả mà {ref} đạt được, đồng thời "
    "đề nghị các cấp ủy tiếp tục đổi mới phương thức lãnh đạo, nâng cao năng lực cầm quyền ở cơ sở.",
    "Đồng chí {official} nhấn mạnh, công tác xây dựng Đảng phải đi trước một bước, gắn chặt với nhiệm vụ phát "
    "triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh.",
    "Theo đồng chí {official}, điều quan trọng nhất là mỗi cán bộ, đảng viên phải thật sự gương mẫu, nói đi "
    "đôi với làm, gần dân, trọng dân và có trách nhiệm với dân.",
    "Đồng chí yêu cầu các địa phương rà soát lại toàn bộ các nhiệm vụ còn dang dở, xác định rõ nguyên nhân "
    "chủ quan, khách quan để có giải pháp khắc phục trong thời gian tới.",
    "Tại hội nghị, các đại biểu đã tập trung thảo luận, làm rõ thêm những kết quả đạt được, chia sẻ kinh "
    "nghiệm và đề xuất nhiều giải pháp thiết thực.",
    "Nhiều ý kiến cho rằng cần quan tâm hơn nữa đến việc tạo nguồn, bồi dưỡng quần chúng ưu tú trong doanh "
    "nghiệp ngoài khu vực nhà nước, nơi tổ chức đảng còn mỏng.",
    "Đại biểu các đảng bộ cơ sở kiến nghị cấp trên sớm ban hành hướng dẫn cụ thể về sinh hoạt chi bộ trong "
    "các đơn vị sự nghiệp sau khi sắp xếp.",
    "Hội nghị có sự tham dự của hơn {n} đại biểu là bí thư, phó bí thư các đảng bộ, chi bộ cơ sở trực thuộc.",
]
_LIMITS = [
    "Bên cạnh những kết quả đạt được, {ref} cũng thẳng thắn chỉ ra một số hạn chế như: việc cụ thể hóa "
    "nghị quyết ở một số nơi còn chậm, chất lượng sinh hoạt của một số chi bộ chưa cao.",
    "Một bộ phận cán bộ, đảng viên còn ngại va chạm, tinh thần tự phê bình và phê bình chưa cao, chưa thật "
    "sự phát huy vai trò tiên phong, gương mẫu.",
    "Nguồn quần chúng ưu tú ở vùng sâu, vùng xa ngày càng ít do thanh niên đi làm ăn xa, một số chi bộ thôn "
    "nhiều năm liền chưa có thêm đảng viên.",
    "Việc nắm tình hình tư tưởng ở một số cơ sở có lúc chưa kịp thời, công tác thông tin, tuyên truyền "
    "trên không gian mạng chưa theo kịp yêu cầu.",
    "Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ còn thấp, mới đạt khoảng {pct}% so với mục tiêu "
    "nghị quyết đặt ra.",
]
_AHEAD = [
    "Thời gian tới, {ref} xác định tiếp tục đẩy mạnh công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị, "
    "trọng tâm là nâng cao chất lượng tổ chức cơ sở đảng và đội ngũ đảng viên.",
    "Các cấp ủy sẽ tăng cường kiểm tra, giám sát việc thực hiện các nhiệm vụ trọng tâm, kịp thời biểu dương "
    "những tập thể, cá nhân có cách làm hay, hiệu quả.",
    "Cùng với đó, tiếp tục thực hiện tốt công tác cán bộ, chuẩn bị nhân sự cấp ủy các cấp bảo đảm đúng quy "
    "trình, dân chủ, khách quan và công tâm.",
    "Đảng bộ phấn đấu hoàn thành toàn diện các chỉ tiêu đề ra, tạo khí thế mới để chào mừng đại hội đảng bộ "
    "các cấp nhiệm kỳ tới.",
    "Các cơ quan tham mưu được giao theo dõi, đôn đốc và định kỳ báo cáo kết quả thực hiện về Ban Thường vụ "
    "để kịp thời chỉ đạo, tháo gỡ.",
    "Hội nghị lần thứ {k} cũng đã thông qua quy chế làm việc sửa đổi và chương trình kiểm tra, giám sát toàn khóa.",
]
_SCENE = [
    "Buổi lễ diễn ra trong không khí trang trọng, ấm cúng với sự chứng kiến của đông đảo bà con lối xóm, "
    "đại diện chính quyền và các đoàn thể địa phương.",
    "Trước đó, đoàn đã dâng hương tưởng niệm các anh hùng liệt sĩ tại nghĩa trang liệt sĩ của địa phương.",
    "Chia sẻ với phóng viên, một cán bộ mặt trận ở cơ sở cho biết, nhờ sự vào cuộc đồng bộ của cả hệ thống "
    "chính trị, nhiều việc khó đã được giải quyết dứt điểm.",
    "Ông cho hay, gia đình sẽ cố gắng làm ăn, nuôi dạy con cái chăm ngoan để không phụ lòng các cấp, các ngành.",
    "Dịp này, đoàn cũng đã thăm hỏi, động viên các gia đình có hoàn cảnh khó khăn và lắng nghe ý kiến của "
    "người dân về những vấn đề dân sinh.",
]
_POOLS = [_WORK, _SPEECH, _LIMITS, _AHEAD, _SCENE]


def _sentence(rng: random.Random, pool: list[str], ref: str, official: str) -> str:
    return rng.choice(pool).format(ref=ref, official=official, n=rng.randint(3, 180), pct=rng.randint(10, 40),
                                   k=rng.randint(5, 25))


def paragraphs(rng: random.Random, ctx: Context, official: str, count: int) -> list[str]:
    """``count`` paragraphs of three to six sentences each: background prose, a look-alike number now and then."""
    out = []
    for _ in range(count):
        pool = rng.choice(_POOLS)
        sentences = [_sentence(rng, pool, ctx.ref, official) for _ in range(rng.randint(3, 6))]
        if rng.random() < 0.4:
            sentences.insert(rng.randint(0, len(sentences)), distractor_sentences(rng, "none", ctx, 1)[0])
        out.append(" ".join(dict.fromkeys(sentences)))  # a sentence at most once per paragraph
    return out
