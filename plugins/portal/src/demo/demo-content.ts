import type { LegalDocumentInput } from '../legal/legal-schema.js';
import type { MenuItemInput } from '../navigation/menu.service.js';

/** A sample article: which unit, which category (a mandated section's), how many days ago. */
export interface DemoArticle {
  readonly unit: string;
  readonly category: string;
  readonly daysAgo: number;
  readonly title: string;
  readonly summary: string;
  readonly paragraphs: readonly string[];
  readonly en?: { readonly title: string; readonly summary: string };
}

// Sample content of the demo province: plausible, clearly generic, and marked as samples on the page,
// so nobody takes it for a real announcement of Quảng Trị.
const SAMPLE = 'Đây là nội dung minh họa của bản trình diễn Cổng.';

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    unit: 'quang-tri',
    category: 'tin-tuc-su-kien',
    daysAgo: 0,
    title: 'Khai trương Trung tâm Phục vụ hành chính công tỉnh sau sắp xếp',
    summary: 'Trung tâm tiếp nhận hồ sơ của 13 sở, ngành và hướng dẫn người dân nộp hồ sơ trực tuyến.',
    paragraphs: [
      'Sáng nay, Ủy ban nhân dân tỉnh tổ chức khai trương Trung tâm Phục vụ hành chính công tỉnh tại trụ sở mới.',
      'Trung tâm bố trí 40 quầy tiếp nhận, khu vực hướng dẫn dịch vụ công trực tuyến và điểm thanh toán không dùng tiền mặt.',
      SAMPLE,
    ],
    en: { title: 'Provincial Public Administration Service Centre opens after the merger', summary: 'The centre receives applications for 13 departments and helps citizens apply online.' },
  },
  {
    unit: 'quang-tri',
    category: 'chi-dao-dieu-hanh',
    daysAgo: 1,
    title: 'Chủ tịch UBND tỉnh chỉ đạo triển khai phương án ứng phó mưa lũ',
    summary: 'Các sở, ngành và địa phương rà soát khu vực xung yếu, sẵn sàng phương án sơ tán dân.',
    paragraphs: ['Trước diễn biến phức tạp của thời tiết, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các đơn vị trực ban 24/24 giờ.', SAMPLE],
  },
  {
    unit: 'quang-tri',
    category: 'pho-bien-phap-luat',
    daysAgo: 2,
    title: 'Hướng dẫn đăng ký thường trú trực tuyến trên Cổng Dịch vụ công quốc gia',
    summary: 'Các bước đăng ký thường trú, tạm trú trực tuyến và giấy tờ cần chuẩn bị.',
    paragraphs: ['Người dân có thể đăng ký thường trú trực tuyến mà không cần đến trụ sở công an.', 'Hồ sơ gồm tờ khai thay đổi thông tin cư trú và giấy tờ chứng minh chỗ ở hợp pháp.', SAMPLE],
  },
  {
    unit: 'quang-tri',
    category: 'tin-tuc-su-kien',
    daysAgo: 3,
    title: 'Hội nghị xúc tiến đầu tư vào Khu kinh tế Đông Nam',
    summary: 'Hơn 200 doanh nghiệp trong và ngoài nước tham dự hội nghị.',
    paragraphs: ['Hội nghị giới thiệu quy hoạch, cơ chế ưu đãi và quỹ đất sạch sẵn sàng bàn giao cho nhà đầu tư.', SAMPLE],
  },
  {
    unit: 'quang-tri',
    category: 'thong-tin-cong-ich',
    daysAgo: 4,
    title: 'Lịch cắt điện và cấp nước trong tuần',
    summary: 'Thông tin lịch tạm ngừng cấp điện, nước để bảo dưỡng hệ thống tại một số phường.',
    paragraphs: ['Đơn vị cung cấp dịch vụ thông báo lịch tạm ngừng cấp điện từ 7 giờ đến 11 giờ tại các phường Đông Hà và Nam Đông Hà.', SAMPLE],
  },
  {
    unit: 'quang-tri',
    category: 'chien-luoc-quy-hoach-ke-hoach',
    daysAgo: 6,
    title: 'Công bố Quy hoạch tỉnh thời kỳ 2021–2030, tầm nhìn đến năm 2050',
    summary: 'Quy hoạch xác định các hành lang kinh tế, đô thị động lực và vùng bảo tồn.',
    paragraphs: ['Quy hoạch được công bố công khai để người dân, doanh nghiệp theo dõi và giám sát việc thực hiện.', SAMPLE],
  },
  {
    unit: 'so-tai-chinh',
    category: 'tai-chinh-thong-ke',
    daysAgo: 1,
    title: 'Công khai dự toán ngân sách năm 2027',
    summary: 'Sở Tài chính công khai số liệu dự toán thu, chi ngân sách địa phương năm 2027.',
    paragraphs: ['Số liệu được công khai theo quy định của Luật Ngân sách nhà nước.', SAMPLE],
  },
  {
    unit: 'so-tai-chinh',
    category: 'tin-tuc-su-kien',
    daysAgo: 5,
    title: 'Tập huấn quản lý tài sản công cho các đơn vị sự nghiệp',
    summary: 'Hơn 150 cán bộ kế toán được hướng dẫn quy trình kê khai, báo cáo tài sản công.',
    paragraphs: ['Lớp tập huấn giới thiệu phần mềm quản lý tài sản công và các lỗi thường gặp khi kê khai.', SAMPLE],
  },
  {
    unit: 'dong-ha',
    category: 'tin-tuc-su-kien',
    daysAgo: 2,
    title: 'Phường Đông Hà ra quân làm sạch môi trường',
    summary: 'Đoàn viên, thanh niên và người dân dọn vệ sinh các tuyến phố chính.',
    paragraphs: ['Hoạt động hưởng ứng phong trào chung tay vì môi trường xanh, sạch, đẹp.', SAMPLE],
  },
];

export const DEMO_LEGAL: readonly (LegalDocumentInput & { readonly unit: string })[] = [
  {
    unit: 'quang-tri',
    type: 'quyet_dinh',
    numberSymbol: '25/2026/QĐ-UBND',
    issuer: 'UBND tỉnh Quảng Trị',
    signer: 'Chủ tịch UBND tỉnh',
    issuedOn: '2026-10-15',
    effectiveOn: '2026-11-01',
    field: 'Hành chính',
    summary: 'Quy định phân cấp quản lý nhà nước về một số lĩnh vực trên địa bàn tỉnh (văn bản minh họa)',
  },
  {
    unit: 'quang-tri',
    type: 'chi_thi',
    numberSymbol: '08/CT-UBND',
    issuer: 'UBND tỉnh Quảng Trị',
    signer: 'Chủ tịch UBND tỉnh',
    issuedOn: '2026-09-05',
    effectiveOn: '2026-09-05',
    field: 'Phòng chống thiên tai',
    summary: 'Về tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2026 (văn bản minh họa)',
  },
  {
    unit: 'quang-tri',
    type: 'ke_hoach',
    numberSymbol: '112/KH-UBND',
    issuer: 'UBND tỉnh Quảng Trị',
    issuedOn: '2026-08-20',
    field: 'Chuyển đổi số',
    summary: 'Kế hoạch chuyển đổi số tỉnh năm 2027 (văn bản minh họa)',
  },
  {
    unit: 'so-tai-chinh',
    type: 'quyet_dinh',
    numberSymbol: '140/QĐ-STC',
    issuer: 'Sở Tài chính',
    issuedOn: '2026-07-01',
    effectiveOn: '2026-07-01',
    field: 'Tài chính',
    summary: 'Ban hành quy chế chi tiêu nội bộ (văn bản minh họa)',
  },
];

/** The province's introduction page (POR-06). */
export const DEMO_INTRODUCTION = {
  slug: 'gioi-thieu',
  title: 'Giới thiệu tỉnh Quảng Trị',
  summary: 'Vị trí địa lý, điều kiện tự nhiên, lịch sử và truyền thống văn hóa.',
  paragraphs: [
    'Tỉnh Quảng Trị sau sắp xếp đơn vị hành chính năm 2025 nằm ở khu vực Bắc Trung Bộ, phía đông giáp Biển Đông, phía tây giáp Lào.',
    'Trang này giới thiệu điều kiện tự nhiên, lịch sử, di tích và danh thắng của tỉnh.',
    SAMPLE,
  ],
  en: { title: 'About Quang Tri Province', summary: 'Location, natural conditions, history and culture.' },
};

/** The province's main and footer menus: the sections a citizen looks for first. */
export const DEMO_MAIN_MENU: readonly MenuItemInput[] = [
  { label: { vi: 'Giới thiệu', en: 'About' }, target: { kind: 'page', value: 'gioi-thieu' }, children: [
    { label: { vi: 'Cơ cấu tổ chức', en: 'Organisation' }, target: { kind: 'path', value: '/co-cau-to-chuc' } },
    { label: { vi: 'Lãnh đạo tỉnh', en: 'Leadership' }, target: { kind: 'path', value: '/lanh-dao' } },
  ] },
  { label: { vi: 'Tin tức, sự kiện', en: 'News' }, target: { kind: 'category', value: 'tin-tuc-su-kien' } },
  { label: { vi: 'Chỉ đạo, điều hành', en: 'Direction' }, target: { kind: 'category', value: 'chi-dao-dieu-hanh' }, children: [
    { label: { vi: 'Lịch công tác', en: 'Work schedule' }, target: { kind: 'path', value: '/lich-cong-tac' } },
  ] },
  { label: { vi: 'Văn bản', en: 'Legal documents' }, target: { kind: 'legal' } },
  { label: { vi: 'Phổ biến pháp luật', en: 'Law dissemination' }, target: { kind: 'category', value: 'pho-bien-phap-luat' } },
  { label: { vi: 'Dịch vụ công', en: 'Public services' }, target: { kind: 'url', value: 'https://dichvucong.gov.vn' }, newTab: true },
  { label: { vi: 'Liên hệ', en: 'Contact' }, target: { kind: 'path', value: '/lien-he' } },
];

export const DEMO_FOOTER_MENU: readonly MenuItemInput[] = [
  { label: { vi: 'Danh mục thông tin công khai', en: 'Information we publish' }, target: { kind: 'path', value: '/danh-muc-thong-tin-cong-khai' } },
  { label: { vi: 'Sơ đồ trang', en: 'Site map' }, target: { kind: 'path', value: '/so-do-trang' } },
  { label: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal' }, target: { kind: 'url', value: 'https://dichvucong.gov.vn' }, newTab: true },
];
