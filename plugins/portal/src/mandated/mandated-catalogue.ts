import type { SectionSource } from './mandated-database.js';

/** The publication-deadline rules (POR-30 to POR-36): `portal.publishDeadline.<kind>`. */
export const DEADLINE_KINDS = ['default', 'legalOwnPortal', 'legalOtherPortal', 'dissemination', 'plans', 'science', 'statistics'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The tables the organisation area keeps (POR-04 to POR-06): `tenant_id`, `updated_at` (ms), `en_stale` (0/1). */
export const ORGANISATION_TABLES = ['portal_org_units', 'portal_leaders', 'portal_schedule_entries', 'portal_contacts'] as const;
export type OrganisationTable = (typeof ORGANISATION_TABLES)[number];

/** One entry of the required-information list, as the rule `portal.mandatedSections` carries it. */
export interface MandatedSectionDefinition {
  readonly code: string;
  readonly name: { readonly vi: string; readonly en: string };
  /** The legal text that requires the section. */
  readonly basis: string;
  readonly source: SectionSource;
  /** `category` sections: the category that holds the section's articles (adopted when the unit already has the slug). */
  readonly category?: { readonly slug: string; readonly name: { readonly vi: string; readonly en: string } };
  /** `organisation` sections: the tables whose rows are the section's content. */
  readonly tables?: readonly OrganisationTable[];
  /** English is mandatory for the section (POR-23). */
  readonly englishRequired?: boolean;
  /** `link` sections: the address every unit starts with (a unit changes it). */
  readonly defaultUrl?: string;
  /** Where the section shows on the unit's site (language-neutral); `category` sections use `/chuyen-muc/<slug>`. */
  readonly sitePath?: string;
  /** The deadline rule that governs new items of the section; none: "regular and accurate" (POR-37). */
  readonly deadline?: DeadlineKind;
  /** The form of publication (hình thức công khai), for the POR-13 list. */
  readonly form: { readonly vi: string; readonly en: string };
}

const ARTICLES = { vi: 'Tin bài trên cổng', en: 'Articles on the portal' } as const;
const category = (slug: string, vi: string, en: string) => ({ slug, name: { vi, en } });

/**
 * The required-information list of Luật TCTT Art. 19(1) and NĐ 42/2022 Art. 4 (DOMAIN.md POR-01 to
 * POR-16). It ships as the value of the rule `portal.mandatedSections`, so a new decree changes the list
 * with a new dated version instead of a code change (CORE-00).
 */
export const MANDATED_SECTIONS: readonly MandatedSectionDefinition[] = [
  {
    code: 'POR-01',
    name: { vi: 'Văn bản quy phạm pháp luật, văn bản quản lý hành chính', en: 'Legal and administrative documents' },
    basis: 'NĐ 42/2022/NĐ-CP Điều 4; NĐ 43/2011/NĐ-CP Điều 10(1)(e)',
    source: 'legal',
    sitePath: '/van-ban',
    deadline: 'legalOwnPortal',
    form: { vi: 'Cơ sở dữ liệu văn bản, có tệp tải về và công cụ tra cứu', en: 'Legal documents database with downloadable files and search' },
  },
  {
    code: 'POR-02',
    name: { vi: 'Điều ước quốc tế, thỏa thuận quốc tế', en: 'Treaties and international agreements' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(a); NĐ 42/2022/NĐ-CP Điều 4',
    source: 'category',
    category: category('dieu-uoc-quoc-te', 'Điều ước quốc tế', 'International treaties'),
    deadline: 'default',
    form: ARTICLES,
  },
  {
    code: 'POR-03',
    name: { vi: 'Thủ tục hành chính, dịch vụ công trực tuyến', en: 'Administrative procedures and online public services' },
    basis: 'NĐ 42/2022/NĐ-CP Điều 4; NĐ 224/2026/NĐ-CP Điều 9(1)(a)',
    source: 'link',
    defaultUrl: 'https://dichvucong.gov.vn',
    form: { vi: 'Liên kết, tích hợp từ Cổng Dịch vụ công quốc gia', en: 'Link to and integration with the National Public Service Portal' },
  },
  {
    code: 'POR-04',
    name: { vi: 'Chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức', en: 'Functions, duties, powers and organisation' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(đ); NĐ 42/2022/NĐ-CP Điều 4, Điều 7(2)',
    source: 'organisation',
    tables: ['portal_org_units'],
    englishRequired: true,
    sitePath: '/co-cau-to-chuc',
    form: { vi: 'Trang giới thiệu và sơ đồ tổ chức, tiếng Việt và tiếng Anh', en: 'Introduction and organisation chart, in Vietnamese and English' },
  },
  {
    code: 'POR-05',
    name: { vi: 'Thông tin liên hệ, cán bộ đầu mối', en: 'Contacts and focal officials' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(đ); NĐ 42/2022/NĐ-CP Điều 4, Điều 7(2); NĐ 43/2011/NĐ-CP Điều 10(1)(k),(l)',
    source: 'organisation',
    tables: ['portal_contacts'],
    englishRequired: true,
    sitePath: '/lien-he',
    form: { vi: 'Trang liên hệ, tiếng Việt và tiếng Anh', en: 'Contact page, in Vietnamese and English' },
  },
  {
    code: 'POR-06',
    name: { vi: 'Giới thiệu địa phương, lãnh đạo', en: 'Introduction of the locality and its leaders' },
    basis: 'NĐ 224/2026/NĐ-CP Điều 9(1)(c); NĐ 43/2011/NĐ-CP Điều 10(1)(a)',
    source: 'organisation',
    tables: ['portal_leaders'],
    sitePath: '/lanh-dao',
    form: { vi: 'Trang giới thiệu, tiểu sử tóm tắt và nhiệm vụ của lãnh đạo', en: 'Introduction pages, leaders\' short biographies and duties' },
  },
  {
    code: 'POR-07',
    name: { vi: 'Tin tức, sự kiện', en: 'News and events' },
    basis: 'NĐ 43/2011/NĐ-CP Điều 10(1)(b)',
    source: 'category',
    category: category('tin-tuc-su-kien', 'Tin tức, sự kiện', 'News and events'),
    deadline: 'default',
    form: ARTICLES,
  },
  {
    code: 'POR-08',
    name: { vi: 'Thông tin chỉ đạo, điều hành', en: 'Direction and administration' },
    basis: 'NĐ 43/2011/NĐ-CP Điều 10(1)(c)',
    source: 'category',
    category: category('chi-dao-dieu-hanh', 'Chỉ đạo, điều hành', 'Direction and administration'),
    deadline: 'default',
    form: { vi: 'Tin bài; lịch làm việc của lãnh đạo', en: 'Articles; the leaders\' work schedule' },
  },
  {
    code: 'POR-09',
    name: { vi: 'Phổ biến, hướng dẫn pháp luật, chế độ, chính sách', en: 'Law dissemination and policy guidance' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(b)',
    source: 'category',
    category: category('pho-bien-phap-luat', 'Phổ biến, hướng dẫn pháp luật', 'Law dissemination and guidance'),
    deadline: 'dissemination',
    form: ARTICLES,
  },
  {
    code: 'POR-10',
    name: { vi: 'Chiến lược, chương trình, quy hoạch, kế hoạch', en: 'Strategies, programmes, master plans and plans' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(c)',
    source: 'category',
    category: category('chien-luoc-quy-hoach-ke-hoach', 'Chiến lược, quy hoạch, kế hoạch', 'Strategies, master plans and plans'),
    deadline: 'plans',
    form: ARTICLES,
  },
  {
    code: 'POR-11',
    name: { vi: 'Đầu tư công, mua sắm công', en: 'Public investment and procurement' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(d); NĐ 43/2011/NĐ-CP Điều 10(1)(h)',
    source: 'category',
    category: category('dau-tu-mua-sam-cong', 'Đầu tư, mua sắm công', 'Public investment and procurement'),
    deadline: 'plans',
    form: { vi: 'Danh mục và kết quả dự án', en: 'List and results of projects' },
  },
  {
    code: 'POR-12',
    name: { vi: 'Báo cáo tài chính năm, thống kê, chương trình khoa học', en: 'Annual financial report, statistics and science programmes' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(e); NĐ 42/2022/NĐ-CP Điều 4',
    source: 'category',
    category: category('tai-chinh-thong-ke', 'Tài chính, thống kê', 'Finance and statistics'),
    deadline: 'statistics',
    form: { vi: 'Báo cáo, số liệu thống kê', en: 'Reports and statistics' },
  },
  {
    code: 'POR-13',
    name: { vi: 'Danh mục thông tin phải công khai', en: 'List of information that must be published' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(g)',
    source: 'generated',
    sitePath: '/danh-muc-thong-tin-cong-khai',
    form: { vi: 'Trang danh mục do hệ thống tạo', en: 'A list page generated by the system' },
  },
  {
    code: 'POR-14',
    name: { vi: 'Dự thảo văn bản lấy ý kiến', en: 'Drafts open for public comment' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 17(1)(c); NĐ 43/2011/NĐ-CP Điều 10(1)(i)',
    source: 'category',
    category: category('du-thao-lay-y-kien', 'Dự thảo lấy ý kiến', 'Drafts for comment'),
    deadline: 'default',
    form: ARTICLES,
  },
  {
    code: 'POR-15',
    name: { vi: 'Công báo điện tử', en: 'Electronic official gazette' },
    basis: 'NĐ 43/2011/NĐ-CP Điều 10(1)(g)',
    source: 'link',
    form: { vi: 'Liên kết đến Công báo điện tử của tỉnh', en: 'Link to the provincial electronic gazette' },
  },
  {
    code: 'POR-16',
    name: { vi: 'Thông tin công ích, y tế công cộng và thông tin khác theo quy định', en: 'Public-interest and public-health information' },
    basis: 'Luật TCTT 104/2016/QH13 Điều 19(1)(h),(i)',
    source: 'category',
    category: category('thong-tin-cong-ich', 'Thông tin công ích', 'Public-interest information'),
    deadline: 'default',
    form: ARTICLES,
  },
];
