import { describe, expect, it } from 'vitest';
import { findPersonalData, maskFindings } from '../src/answers/redaction.js';

// The personal-data detector (QA-04, CORE-11): a table of Vietnamese texts, what it must mask, and
// what it must leave alone (dates, document numbers, amounts, areas).
const PERSON = { name: 'Nguyễn Thị Lan', address: 'Số 12 đường Hùng Vương, phường Đông Hà' };
const MASK = '[đã ẩn]';
const masked = (text: string) => maskFindings(text, findPersonalData(text, PERSON), MASK);

describe('personal-data detector', () => {
  const mustMask: [string, string, string][] = [
    // [text, what is found, the kind]
    ['Liên hệ 0912345678 để được hỗ trợ', '0912345678', 'phone'],
    ['Số máy: 0912 345 678.', '0912 345 678', 'phone'],
    ['Gọi 0912.345.678 giờ hành chính', '0912.345.678', 'phone'],
    ['ĐT: 091-234-5678', '091-234-5678', 'phone'],
    ['Điện thoại +84 912 345 678', '+84 912 345 678', 'phone'],
    ['hoặc +84912345678', '+84912345678', 'phone'],
    ['máy bàn 0233 3852 123', '0233 3852 123', 'phone'],
    ['e-mail lan.nguyen@example.vn nhé', 'lan.nguyen@example.vn', 'email'],
    ['Gửi về HOP.THU@quangtri.gov.vn', 'HOP.THU@quangtri.gov.vn', 'email'],
    ['CCCD số 045190001234 cấp ngày 12/05/2021', '045190001234', 'id-number'],
    ['CMND 197123456 do Công an tỉnh cấp', '197123456', 'id-number'],
    ['Căn cước 0451 9000 1234', '0451 9000 1234', 'id-number'],
    ['Tôi là Nguyễn Thị Lan, cư trú tại địa phương', 'Nguyễn Thị Lan', 'name'],
    ['Trả lời bà NGUYỄN THỊ LAN:', 'NGUYỄN THỊ LAN', 'name'],
    ['Kính gửi bà Nguyen Thi Lan', 'Nguyen Thi Lan', 'name'],
    ['Gửi chị Thị Lan', 'Thị Lan', 'name'],
    ['nhà ở Số 12 đường Hùng Vương, phường Đông Hà.', 'Số 12 đường Hùng Vương, phường Đông Hà', 'address'],
    ['thửa đất tại số 12 đường Hùng Vương của gia đình', 'số 12 đường Hùng Vương', 'address'],
    ['Xe biển số 74A-123.45 bị giữ', '74A-123.45', 'licence-plate'],
    ['xe máy 74A1-234.56', '74A1-234.56', 'licence-plate'],
  ];
  it.each(mustMask)('masks %j', (text, found, kind) => {
    const findings = findPersonalData(text, PERSON);
    expect(findings.map((f) => [f.text, f.kind])).toEqual([[found, kind]]);
    expect(masked(text)).toBe(text.replace(found, MASK));
  });

  const mustKeep: string[] = [
    'Theo Quyết định số 41/2019/QĐ-UBND ngày 12/05/2019 của UBND tỉnh',
    'Nghị định 43/2011/NĐ-CP và Thông tư 01/2017/TT-BTTTT',
    'Lệ phí là 1.500.000 đồng, nộp trước ngày 31/12/2026',
    'Mức hỗ trợ 500000000 đồng cho mỗi hộ',
    'Tổng diện tích 123456789 m2 đất nông nghiệp',
    'Ngày 29-11-2026, lúc 08:15',
    'Năm 1990 gia đình tôi sử dụng đất ổn định, thửa số 125, tờ bản đồ số 7',
    'Tỷ lệ 0,5% giá trị hợp đồng; số hồ sơ 000.00.12.H47-261129-0001',
    'Gọi tổng đài 1022 hoặc 1900 1234 của tỉnh',
    'Ông Lan Anh là tên khác, bà Lan không liên quan', // not the asker's full name
    'Điều 15 khoản 2 Luật Đất đai 2024 (Luật số 31/2024/QH15)',
    'Mã số thuế doanh nghiệp 3200123456',
  ];
  it.each(mustKeep)('leaves %j as it is', (text) => {
    expect(findPersonalData(text, PERSON)).toEqual([]);
    expect(masked(text)).toBe(text);
  });

  it('masks several findings in one text, in order, and works without a known person', () => {
    const text = 'Tôi là Nguyễn Thị Lan (0912 345 678, lan@example.vn), CCCD 045190001234.';
    expect(masked(text)).toBe(`Tôi là ${MASK} (${MASK}, ${MASK}), CCCD ${MASK}.`);
    expect(maskFindings(text, findPersonalData(text), MASK)).toBe(`Tôi là Nguyễn Thị Lan (${MASK}, ${MASK}), CCCD ${MASK}.`);
  });

  it('finds a name written in NFD and keeps the offsets of the text as written', () => {
    const text = 'Trả lời bà Nguyễn Thị Lan.'.normalize('NFD');
    const [finding] = findPersonalData(text, PERSON);
    expect(finding?.kind).toBe('name');
    expect(finding?.text.normalize('NFC')).toBe('Nguyễn Thị Lan');
    expect(masked(text).normalize('NFC')).toBe(`Trả lời bà ${MASK}.`);
  });
});
