import { describe, expect, it } from 'vitest';
import { mentionedPeople } from '../src/answers/staff-mentions.js';

const staff = [
  { userId: 'u-1', displayName: 'Chuyên viên', email: 'chuyenvien@sxd.quangtri.gov.vn' },
  { userId: 'u-2', displayName: 'Giám đốc', email: 'Giam.Doc@sxd.quangtri.gov.vn' },
  { userId: 'Trần.Lan', displayName: 'Trần Lan', email: 'lan@sxd.quangtri.gov.vn' },
];
const ids = (text: string) => mentionedPeople(text, staff).map((p) => p.userId);

// `@name` in an internal note: an account's id or the local part of its address, any case; others ignored.
describe('mentions in internal notes', () => {
  it('finds people by the local part of their address or their id, each once, without regard to case', () => {
    expect(ids('@chuyenvien xem giúp, @GIAM.DOC duyệt. Cảm ơn @chuyenvien.')).toEqual(['u-1', 'u-2']);
    expect(ids('Nhờ @trần.lan kiểm tra')).toEqual(['Trần.Lan']);
    expect(ids('(@u-2)')).toEqual(['u-2']);
  });

  it('ignores addresses, unknown names and people who are not staff of the agency', () => {
    expect(ids('Gửi chuyenvien@sxd.quangtri.gov.vn và a@b.vn')).toEqual([]);
    expect(ids('@bientap @nguoi-la @x')).toEqual([]);
    expect(ids('không nhắc ai')).toEqual([]);
  });
});
