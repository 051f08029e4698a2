import { describe, expect, it } from 'vitest';
import { splitDraft } from '../src/consultations/article-splitter.js';
import { anonymise } from '../src/consultations/acceptance-report.js';
import { acceptanceReportCsv } from '../src/consultations/acceptance-report-csv.js';
import { phaseOf } from '../src/consultations/consultation-phase.js';
import { addDays, daysBetween, vietnamToday } from '../src/consultations/consultation-rules.js';

/** A draft decision of the Provincial People's Committee as drafts are laid out (NĐ 30/2020/NĐ-CP). */
export const DRAFT_DECISION = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH QUẢNG TRỊ',
  'Số:      /2026/QĐ-UBND',
  'DỰ THẢO',
  '',
  'QUYẾT ĐỊNH',
  'Ban hành Quy định quản lý chợ trên địa bàn tỉnh Quảng Trị',
  '',
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
  'Theo đề nghị của Giám đốc Sở Công Thương.',
  'QUYẾT ĐỊNH:',
  '',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  '',
  'Điều 1. Phạm vi điều chỉnh',
  'Quy định này quy định về quản lý chợ trên địa bàn tỉnh.',
  '',
  'Điều 2. Đối tượng áp dụng',
  '1. Cơ quan quản lý nhà nước về chợ.',
  '2. Tổ chức, cá nhân kinh doanh tại chợ.',
  '',
  'Chương II. QUẢN LÝ CHỢ',
  'Mục 1',
  'PHÂN HẠNG CHỢ',
  'Điều 3',
  'Tiêu chí phân hạng',
  'a) Chợ hạng 1 có trên 400 điểm kinh doanh;',
  'b) Chợ hạng 2 có từ 200 đến 400 điểm kinh doanh, theo Điều 5 của Nghị định 60/2024/NĐ-CP.',
  'Mục 2. BAN QUẢN LÝ CHỢ',
  'Điều 3a. Nhiệm vụ của Ban quản lý chợ',
  'Ban quản lý chợ tổ chức thực hiện nội quy chợ.',
  'Chương III',
  'TỔ CHỨC THỰC HIỆN',
  'Điều 4. Hiệu lực thi hành',
  'Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2027.',
  '',
  'Nơi nhận:',
  '- Như Điều 4;',
  'TM. ỦY BAN NHÂN DÂN',
].join('\r\n');

describe('splitDraft: Vietnamese drafts into chapters and articles', () => {
  it('keeps the preamble, chapters with titles on the next line, sections, "Điều 3" with its title below and "Điều 3a."', () => {
    const articles = splitDraft(DRAFT_DECISION);
    expect(articles.map((a) => [a.chapter, a.number, a.heading])).toEqual([
      [null, null, 'Phần mở đầu'],
      ['Chương I. NHỮNG QUY ĐỊNH CHUNG', '1', 'Điều 1. Phạm vi điều chỉnh'],
      ['Chương I. NHỮNG QUY ĐỊNH CHUNG', '2', 'Điều 2. Đối tượng áp dụng'],
      ['Chương II. QUẢN LÝ CHỢ — Mục 1. PHÂN HẠNG CHỢ', '3', 'Điều 3. Tiêu chí phân hạng'],
      ['Chương II. QUẢN LÝ CHỢ — Mục 2. BAN QUẢN LÝ CHỢ', '3a', 'Điều 3a. Nhiệm vụ của Ban quản lý chợ'],
      ['Chương III. TỔ CHỨC THỰC HIỆN', '4', 'Điều 4. Hiệu lực thi hành'],
    ]);
    expect(articles[0]!.body).toContain('Căn cứ Luật Tổ chức chính quyền địa phương');
    expect(articles[0]!.body).toContain('QUYẾT ĐỊNH:');
    expect(articles[2]!.body).toBe('1. Cơ quan quản lý nhà nước về chợ.\n2. Tổ chức, cá nhân kinh doanh tại chợ.');
    // A reference to another article inside a clause is not a new article.
    expect(articles[3]!.body).toContain('theo Điều 5 của Nghị định 60/2024/NĐ-CP');
    // What follows the last article (recipients, signature) stays with it.
    expect(articles[5]!.body).toContain('Nơi nhận:');
  });

  it('normalises to NFC and takes a draft without articles as one item', () => {
    const nfd = 'Điều 1. Phạm vi'.normalize('NFD') + '\nNội dung'.normalize('NFD');
    expect(splitDraft(nfd)).toEqual([{ chapter: null, number: '1', heading: 'Điều 1. Phạm vi', body: 'Nội dung' }]);
    expect(splitDraft('Kế hoạch tổ chức lễ hội.\n\nNội dung thứ hai.')).toEqual([{ chapter: null, number: null, heading: 'Toàn văn dự thảo', body: 'Kế hoạch tổ chức lễ hội.\n\nNội dung thứ hai.' }]);
    expect(splitDraft('  \n ')).toEqual([]);
  });
});

describe('consultation helpers', () => {
  it('anonymises commenters to initials or the organisation given', () => {
    expect(anonymise('Nguyễn Thị Lan', null)).toBe('N.T.L.');
    expect(anonymise('đặng  văn   an', null)).toBe('Đ.V.A.');
    expect(anonymise('Trần Văn Bình', 'Hiệp hội Doanh nghiệp tỉnh')).toBe('Hiệp hội Doanh nghiệp tỉnh');
  });

  it('counts calendar days and computes the phase on read (Vietnam days)', () => {
    expect(daysBetween('2026-12-01', '2026-12-11')).toBe(10);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    const today = vietnamToday();
    const row = { announced_at: 1, outcome_published_at: null, opens_on: today, closes_on: addDays(today, 10) };
    expect(phaseOf({ ...row, announced_at: null })).toBe('draft');
    expect(phaseOf(row)).toBe('open');
    expect(phaseOf({ ...row, opens_on: addDays(today, 1) })).toBe('announced');
    expect(phaseOf({ ...row, opens_on: addDays(today, -11), closes_on: addDays(today, -1) })).toBe('closed');
    expect(phaseOf({ ...row, outcome_published_at: 1 })).toBe('outcome-published');
    // 23:30 UTC is already the next day in Vietnam.
    expect(vietnamToday(Date.parse('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
  });

  it('neutralises spreadsheet formulas in the CSV export', () => {
    const csv = acceptanceReportCsv({
      consultationId: 'x',
      title: 't',
      unit: 'u',
      opensOn: '2026-12-01',
      closesOn: '2026-12-11',
      phase: 'closed',
      outcome: null,
      totals: { comments: 1, accepted: 1, partly: 0, notAccepted: 0, unanswered: 0 },
      sections: [{ heading: 'Điều 1. Phạm vi', comments: [{ commenter: 'N.T.L.', comment: '=HYPERLINK("http://x")', decision: 'accepted', decisionLabel: 'Tiếp thu', explanation: 'Đã sửa "khoản 2"' }] }],
      agencies: [],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"Đã sửa ""khoản 2"""');
  });
});
