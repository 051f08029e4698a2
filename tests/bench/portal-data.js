// The portal bench's data: a province of 155 units (the province, departments, wards and communes),
// each with its categories and published articles. Deterministic (seeded), so two runs, and the
// small set and the scale set, produce the same unit i / article j.
import { fold, slugify } from '@cong/sdk';

/** A small, fast, seedable PRNG (mulberry32): the data is the same on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const nfc = (list) => list.map((s) => s.normalize('NFC'));

const DEPARTMENTS = [
  ['van-phong-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh'],
  ['so-noi-vu', 'Sở Nội vụ'],
  ['so-tai-chinh', 'Sở Tài chính'],
  ['so-tu-phap', 'Sở Tư pháp'],
  ['so-xay-dung', 'Sở Xây dựng'],
  ['so-y-te', 'Sở Y tế'],
  ['so-giao-duc-va-dao-tao', 'Sở Giáo dục và Đào tạo'],
  ['so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường'],
  ['so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ'],
  ['so-van-hoa-the-thao-va-du-lich', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['so-cong-thuong', 'Sở Công Thương'],
  ['so-dan-toc-va-ton-giao', 'Sở Dân tộc và Tôn giáo'],
  ['thanh-tra-tinh', 'Thanh tra tỉnh'],
  ['ban-quan-ly-khu-kinh-te', 'Ban Quản lý Khu kinh tế tỉnh'],
  ['trung-tam-phuc-vu-hanh-chinh-cong', 'Trung tâm Phục vụ hành chính công tỉnh'],
  ['dai-phat-thanh-truyen-hinh', 'Đài Phát thanh và Truyền hình tỉnh'],
  ['bao-hiem-xa-hoi-tinh', 'Bảo hiểm xã hội tỉnh'],
  ['cong-an-tinh', 'Công an tỉnh'],
  ['bo-chi-huy-quan-su-tinh', 'Bộ Chỉ huy Quân sự tỉnh'],
  ['truong-chinh-tri-tinh', 'Trường Chính trị tỉnh'],
];

const PLACE_FIRST = ['Hải', 'Triệu', 'Gio', 'Cam', 'Vĩnh', 'Hướng', 'Đắk', 'Quảng', 'Lệ', 'Bố', 'Tuyên', 'Minh', 'Phong', 'Ninh', 'Đồng', 'Kim', 'Thượng', 'Trường', 'Tân', 'Phú'];
const PLACE_SECOND = ['Lăng', 'Phong', 'Linh', 'Lộ', 'Hóa', 'Thủy', 'Trạch', 'Ninh', 'Hòa', 'Sơn', 'Lâm', 'Thành', 'Trung', 'Lộc', 'An', 'Xuân', 'Đông', 'Tây', 'Bình', 'Khê'];

/**
 * The 155 units as `cong tenants import` reads them (JSON): the province (root), 20 departments, and
 * 134 communes and wards, every one a child of the province, with `<slug>.localhost` hosts.
 */
export function provinceUnits(count = 155) {
  const units = [{ slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province', primaryHost: 'quang-tri.localhost' }];
  for (const [slug, nameVi] of DEPARTMENTS) {
    if (units.length >= count) break;
    units.push({ slug, nameVi, kind: 'department', parent: 'quang-tri', primaryHost: `${slug}.localhost` });
  }
  const rand = prng(155);
  const seen = new Set(units.map((u) => u.slug));
  for (let i = 0; units.length < count; i++) {
    const place = `${PLACE_FIRST[i % PLACE_FIRST.length]} ${PLACE_SECOND[Math.floor(i / PLACE_FIRST.length) % PLACE_SECOND.length]}`;
    const ward = rand() < 0.2;
    const nameVi = `${ward ? 'Phường' : 'Xã'} ${place}`;
    const slug = slugify(nameVi);
    if (seen.has(slug)) continue;
    seen.add(slug);
    units.push({ slug, nameVi, kind: ward ? 'ward' : 'commune', parent: 'quang-tri', primaryHost: `${slug}.localhost` });
  }
  return units;
}

/** Every unit's categories (chuyên mục): slug, Vietnamese and English name. */
export const CATEGORIES = [
  ['tin-tuc-su-kien', 'Tin tức - Sự kiện', 'News and events'],
  ['chi-dao-dieu-hanh', 'Chỉ đạo, điều hành', 'Directives'],
  ['thong-bao', 'Thông báo', 'Announcements'],
  ['cai-cach-hanh-chinh', 'Cải cách hành chính', 'Administrative reform'],
  ['kinh-te-xa-hoi', 'Kinh tế - Xã hội', 'Economy and society'],
  ['van-hoa-the-thao', 'Văn hóa - Thể thao', 'Culture and sport'],
  ['y-te-giao-duc', 'Y tế - Giáo dục', 'Health and education'],
  ['quoc-phong-an-ninh', 'Quốc phòng - An ninh', 'Defence and security'],
];

const ACTIONS = nfc(['Triển khai', 'Tổng kết', 'Đẩy mạnh', 'Hướng dẫn', 'Kiểm tra', 'Hội nghị sơ kết', 'Phát động', 'Tăng cường', 'Đánh giá kết quả', 'Thông báo về việc']);
const TOPICS = nfc([
  'chuyển đổi số trong cơ quan nhà nước',
  'cải cách thủ tục hành chính',
  'xây dựng nông thôn mới',
  'phòng chống thiên tai và tìm kiếm cứu nạn',
  'dịch vụ công trực tuyến toàn trình',
  'đăng ký thường trú qua ứng dụng VNeID',
  'bảo hiểm y tế học sinh, sinh viên',
  'phòng chống sốt xuất huyết',
  'giải ngân vốn đầu tư công',
  'chương trình mục tiêu quốc gia giảm nghèo bền vững',
  'an toàn vệ sinh thực phẩm dịp Tết Nguyên đán',
  'tuyển sinh vào lớp 10 trung học phổ thông',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'phòng cháy chữa cháy tại khu dân cư',
  'bảo vệ rừng và phát triển rừng bền vững',
  'khởi nghiệp đổi mới sáng tạo',
  'hỗ trợ doanh nghiệp nhỏ và vừa',
  'xây dựng đời sống văn hóa ở khu dân cư',
  'tiêm chủng mở rộng cho trẻ em',
  'gọi công dân nhập ngũ',
]);
const TAILS = nfc(['năm 2026', '6 tháng đầu năm', 'quý IV', 'giai đoạn 2026 - 2030', 'trên địa bàn', 'đợt 1', 'năm học 2026 - 2027', '']);

/** Paragraphs an article body is built from: plain Vietnamese prose, 250–450 bytes each. */
const PARAGRAPHS = nfc([
  'Thực hiện kế hoạch của Ủy ban nhân dân tỉnh, các cơ quan, đơn vị đã chủ động rà soát, đánh giá tình hình triển khai nhiệm vụ, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện, bảo đảm tiến độ và chất lượng công việc theo đúng yêu cầu đề ra.',
  'Theo báo cáo, từ đầu năm đến nay đã tiếp nhận và giải quyết hơn 12.500 hồ sơ thủ tục hành chính, trong đó tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6%; số hồ sơ tiếp nhận trực tuyến chiếm trên 70%, tăng đáng kể so với cùng kỳ năm trước.',
  'Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành và địa phương tiếp tục nâng cao tinh thần trách nhiệm của người đứng đầu, tăng cường kỷ luật, kỷ cương hành chính, lấy sự hài lòng của người dân và doanh nghiệp làm thước đo.',
  'Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia hoặc trực tiếp tại Trung tâm Phục vụ hành chính công; kết quả được trả qua dịch vụ bưu chính công ích hoặc trên ứng dụng VNeID, giúp tiết kiệm thời gian và chi phí đi lại.',
  'Để chủ động ứng phó với mưa lũ, Ban Chỉ huy phòng thủ dân sự đã yêu cầu các xã, phường ven biển và vùng trũng thấp kiểm tra hệ thống đê điều, hồ đập, chuẩn bị đầy đủ lương thực, thuốc men, phương tiện cứu hộ theo phương châm bốn tại chỗ.',
  'Ngành y tế khuyến cáo người dân chủ động diệt lăng quăng, bọ gậy, ngủ màn kể cả ban ngày, khi có dấu hiệu sốt cao đột ngột cần đến ngay cơ sở y tế gần nhất để được khám, tư vấn và điều trị kịp thời, không tự ý dùng thuốc tại nhà.',
  'Chương trình mục tiêu quốc gia xây dựng nông thôn mới đã huy động được nhiều nguồn lực xã hội hóa; đến nay toàn tỉnh có thêm 12 xã đạt chuẩn nông thôn mới nâng cao, hệ thống giao thông, thủy lợi, trường học và trạm y tế được đầu tư khang trang.',
  'Các trường học trên địa bàn đã hoàn tất công tác chuẩn bị cho năm học mới: sửa chữa phòng học, bổ sung thiết bị dạy học, rà soát đội ngũ giáo viên, bảo đảm mọi học sinh đều được đến trường, không để em nào phải bỏ học vì hoàn cảnh khó khăn.',
  'Đoàn kiểm tra liên ngành về an toàn vệ sinh thực phẩm đã kiểm tra 235 cơ sở sản xuất, kinh doanh, phát hiện và xử lý 18 cơ sở vi phạm, tiêu hủy nhiều sản phẩm không rõ nguồn gốc xuất xứ, đồng thời hướng dẫn các cơ sở khắc phục tồn tại.',
  'Hội nghị cũng đã thống nhất các giải pháp trọng tâm trong thời gian tới, trong đó tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công, tháo gỡ vướng mắc trong công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm của tỉnh.',
  'Công an tỉnh đề nghị người dân nâng cao cảnh giác trước các thủ đoạn lừa đảo qua mạng, không cung cấp mã OTP, thông tin tài khoản ngân hàng cho người lạ; khi phát hiện dấu hiệu nghi vấn cần báo ngay cho cơ quan công an nơi gần nhất.',
  'Nhân dịp này, Ủy ban nhân dân tỉnh đã tặng Bằng khen cho 25 tập thể và 40 cá nhân có thành tích xuất sắc trong phong trào thi đua, góp phần hoàn thành thắng lợi các chỉ tiêu phát triển kinh tế - xã hội của địa phương.',
  'Theo kế hoạch, đợt tiêm chủng sẽ được tổ chức tại các trạm y tế xã, phường từ ngày 15 đến ngày 25 hằng tháng; cha mẹ cần mang theo sổ tiêm chủng hoặc thông tin trên ứng dụng VNeID khi đưa trẻ đến tiêm để được ghi nhận đầy đủ.',
  'Lực lượng kiểm lâm phối hợp với chính quyền địa phương tăng cường tuần tra, kiểm soát, ngăn chặn kịp thời các hành vi phá rừng, khai thác lâm sản trái phép; đồng thời vận động người dân ký cam kết bảo vệ rừng, không đốt nương làm rẫy trong mùa khô.',
  'Sở Khoa học và Công nghệ cho biết năm nay có 36 dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ ươm tạo, kết nối với các quỹ đầu tư; nhiều sản phẩm nông sản địa phương đã được cấp mã số vùng trồng và truy xuất nguồn gốc điện tử.',
  'Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục được duy trì và phát huy hiệu quả; các thiết chế văn hóa, thể thao ở cơ sở được quan tâm đầu tư, đáp ứng nhu cầu sinh hoạt, vui chơi, giải trí của nhân dân.',
  'Các đơn vị được yêu cầu báo cáo kết quả thực hiện về Văn phòng Ủy ban nhân dân tỉnh trước ngày 20 của tháng cuối quý để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh; trường hợp có khó khăn, vướng mắc thì kịp thời phản ánh để được hướng dẫn.',
  'Công tác tuyển chọn và gọi công dân nhập ngũ được thực hiện công khai, dân chủ, đúng luật; các địa phương đã tổ chức khám sức khỏe, phúc tra chặt chẽ, bảo đảm giao quân đủ chỉ tiêu, chất lượng, an toàn và tiết kiệm.',
]);

const HEADINGS = nfc(['Kết quả nổi bật', 'Những khó khăn, hạn chế', 'Nhiệm vụ, giải pháp thời gian tới', 'Tổ chức thực hiện', 'Ý kiến chỉ đạo']);
/** Markup of each paragraph and heading, and its size in bytes. */
const P_HTML = PARAGRAPHS.map((p) => `<p>${p}</p>`);
const P_BYTES = P_HTML.map((p) => Buffer.byteLength(p));
const H_HTML = HEADINGS.map((h) => `<h2>${h}</h2>`);
const H_BYTES = H_HTML.map((h) => Buffer.byteLength(h));

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** All articles are published within the two years before this instant (fixed, so runs agree). */
export const NEWEST = Date.parse('2026-11-28T00:00:00Z');

/**
 * Article `j` of the unit at `unitIndex`: a Vietnamese title, a summary and a 2–4 KB body of `<h2>`
 * and `<p>` (already in the form the content service's sanitiser stores), a category index and a
 * publication time in the last two years.
 */
export function article(unitIndex, j, unitName) {
  const rand = prng(unitIndex * 1_000_003 + j * 7919 + 17);
  const topic = pick(rand, TOPICS);
  const tail = pick(rand, TAILS);
  const title = `${pick(rand, ACTIONS)} ${topic}${tail ? ` ${tail}` : ''} tại ${unitName}`;
  const summary = `${unitName}: ${pick(rand, PARAGRAPHS).split(';')[0].split(', ').slice(0, 3).join(', ')}.`;
  // The body's text, in order, as `parts` too: the index form of a body is built from the parts' (see portal-seed.js).
  const parts = [];
  let body = '';
  let bytes = 0;
  const target = 2048 + Math.floor(rand() * 2048);
  for (let n = 0; bytes < target - 200; n++) {
    if (n > 0 && n % 3 === 0) {
      const h = Math.floor(rand() * HEADINGS.length);
      body += H_HTML[h];
      bytes += H_BYTES[h];
      parts.push(HEADINGS[h]);
    }
    const p = Math.floor(rand() * PARAGRAPHS.length);
    body += P_HTML[p];
    bytes += P_BYTES[p];
    parts.push(PARAGRAPHS[p]);
  }
  const publishedAt = NEWEST - Math.floor(rand() * 2 * YEAR_MS);
  return {
    title,
    titleFolded: fold(title),
    slug: `${slugify(title, 110)}-${(j + 1).toString(36)}`,
    summary,
    body,
    bytes,
    parts,
    category: Math.floor(rand() * CATEGORIES.length),
    publishedAt,
  };
}

/** Search queries people type: with and without diacritics, one with a quoted phrase. */
export const SEARCH_QUERIES = [
  'chuyển đổi số',
  'chuyen doi so',
  'cải cách thủ tục hành chính',
  'cai cach thu tuc hanh chinh',
  'nông thôn mới',
  'nong thon moi',
  'dịch vụ công trực tuyến',
  'dich vu cong truc tuyen',
  'đăng ký thường trú',
  'dang ky thuong tru',
  'sốt xuất huyết',
  'sot xuat huyet',
  '"bảo hiểm y tế"',
  'bao hiem y te hoc sinh',
  'tuyển sinh lớp 10',
  'tuyen sinh lop 10',
  'phòng cháy chữa cháy',
  'phong chay chua chay',
  'giải ngân vốn đầu tư công',
  'giai ngan von dau tu',
  'bảo vệ rừng',
  'bao ve rung',
  'khởi nghiệp',
  'khoi nghiep',
];
