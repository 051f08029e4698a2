import type { RuleDefinition } from '@cong/sdk';
import { MANDATED_SECTIONS, type DeadlineKind } from './mandated-catalogue.js';

/** The rule that carries the required-information list (POR-13). */
export const SECTIONS_RULE = 'portal.mandatedSections';
/** Days without an update after which a section reads as stale: `<prefix>.<code>`, else `<prefix>.default`. */
export const STALE_RULE_PREFIX = 'portal.mandatedStaleDays';
export const STALE_DEFAULT_RULE = `${STALE_RULE_PREFIX}.default`;
export const deadlineRule = (kind: DeadlineKind): string => `portal.publishDeadline.${kind}`;

// Effective dates of the texts the rules come from.
const LUAT_TCTT = '2018-07-01'; // Luật Tiếp cận thông tin 104/2016/QH13
const ND_43_2011 = '2011-08-01'; // NĐ 43/2011/NĐ-CP
const ND_42_2022 = '2022-08-15'; // NĐ 42/2022/NĐ-CP
const REGULAR = 'NĐ 43/2011/NĐ-CP Điều 17(1)(a),(h) ("thường xuyên, chính xác"); NĐ 224/2026/NĐ-CP Điều 9(3) (POR-37)';

const deadline = (kind: DeadlineKind, days: number, effectiveFrom: string, citation: string, description: string): RuleDefinition => ({
  name: deadlineRule(kind),
  value: days,
  effectiveFrom,
  citation,
  description,
});

/**
 * The portal's rule pack for mandated information: the required-information list, how long a section
 * may go without an update, and the publication deadlines in working days (DOMAIN.md §2.1, §2.3).
 * Administrators override a value with a new dated version; items already tracked keep the version
 * they were computed with.
 */
export const mandatedRulePack: readonly RuleDefinition[] = [
  {
    name: SECTIONS_RULE,
    value: MANDATED_SECTIONS,
    effectiveFrom: ND_42_2022,
    citation: 'Luật TCTT 104/2016/QH13 Điều 17–19; NĐ 42/2022/NĐ-CP Điều 4',
    description: 'Danh mục thông tin phải công khai trên cổng (POR-01 đến POR-16) / The sections the portal must publish',
  },
  {
    name: STALE_DEFAULT_RULE,
    value: 90,
    effectiveFrom: ND_43_2011,
    citation: REGULAR,
    description: 'Số ngày không cập nhật thì coi là chưa thường xuyên (suy ra từ yêu cầu "thường xuyên, chính xác") / Days without an update before a section is stale (inferred)',
  },
  {
    name: `${STALE_RULE_PREFIX}.POR-07`,
    value: 30,
    effectiveFrom: ND_43_2011,
    citation: REGULAR,
    description: 'Tin tức, sự kiện: số ngày không có tin mới thì coi là chưa thường xuyên / News: days without a new article before the section is stale',
  },
  {
    name: `${STALE_RULE_PREFIX}.POR-08`,
    value: 30,
    effectiveFrom: ND_43_2011,
    citation: REGULAR,
    description: 'Chỉ đạo, điều hành: số ngày không cập nhật thì coi là chưa thường xuyên / Direction and administration: days before the section is stale',
  },
  deadline('default', 5, LUAT_TCTT, 'Luật TCTT 104/2016/QH13 Điều 18(4)', 'Công khai chậm nhất 05 ngày làm việc kể từ ngày tạo ra thông tin (POR-30) / Default: 5 working days after the information is created'),
  deadline('legalOwnPortal', 2, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(c)', 'Văn bản trên cổng của cơ quan ban hành: 02 ngày làm việc kể từ ngày ban hành (POR-31) / On the issuing agency\'s portal: 2 working days after issue'),
  deadline('legalOtherPortal', 10, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(c)', 'Văn bản trên cổng của cơ quan thuộc phạm vi điều chỉnh: 10 ngày làm việc (POR-32) / On the portals of agencies it applies to: 10 working days'),
  deadline('dissemination', 15, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(b)', 'Phổ biến, hướng dẫn pháp luật: 15 ngày làm việc kể từ ngày văn bản được ban hành (POR-33) / Law dissemination: 15 working days after the document is issued'),
  deadline('plans', 10, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(d)', 'Chiến lược, quy hoạch, dự án đầu tư, đấu thầu: 10 ngày làm việc kể từ ngày phê duyệt (POR-34) / Strategies, plans, investment, tenders: 10 working days after approval'),
  deadline('science', 20, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(e)', 'Chương trình khoa học: 20 ngày làm việc kể từ ngày phê duyệt hoặc nghiệm thu (POR-35) / Science programmes: 20 working days after approval or acceptance'),
  deadline('statistics', 10, ND_43_2011, 'NĐ 43/2011/NĐ-CP Điều 17(1)(g)', 'Báo cáo thống kê: 10 ngày làm việc kể từ ngày thủ trưởng quyết định công bố (POR-36) / Statistics: 10 working days after the head decides to publish'),
];
