import { describe, expect, it } from 'vitest';
import { hostLabels, provinceDomainFor, suggestHosts } from '../src/registry/host-suggestion.js';

// CORE-02 host names: `tencoquan.<province domain>` for agencies, `tenphuongxa.<province domain>` for
// communes and wards, the domain itself for the province; diacritics folded with the sdk's `fold`.
const PROVINCE = 'Tỉnh Quảng Trị';
const DOMAIN = 'quangtri.gov.vn';
const unit = (id: string, nameVi: string, kind: string) => ({ id, nameVi, kind, slug: id });
const base = (nameVi: string, kind: string) => hostLabels(unit('x', nameVi, kind), 'quang tri', 'x').base;

describe('host suggestions (CORE-02)', () => {
  it('names the province domain after the province, without diacritics', () => {
    expect(provinceDomainFor('Tỉnh Quảng Trị')).toBe('quangtri.gov.vn');
    expect(provinceDomainFor('Thành phố Huế')).toBe('hue.gov.vn');
    expect(provinceDomainFor('Tỉnh Đắk Lắk')).toBe('daklak.gov.vn');
  });

  it('keeps an agency\'s word, drops the province and "và", abbreviates the people\'s committee', () => {
    expect(base('Sở Tài chính', 'department')).toBe('sotaichinh');
    expect(base('Sở Giáo dục và Đào tạo', 'department')).toBe('sogiaoducdaotao');
    expect(base('Sở Văn hóa, Thể thao và Du lịch', 'department')).toBe('sovanhoathethaodulich');
    expect(base('Văn phòng Ủy ban nhân dân tỉnh', 'department')).toBe('vanphongubnd');
    expect(base('Thanh tra tỉnh', 'department')).toBe('thanhtra');
    expect(base('Ban Quản lý Khu kinh tế tỉnh Quảng Trị', 'department')).toBe('banquanlykhukinhte');
    expect(base('Đài Phát thanh và Truyền hình tỉnh', 'department')).toBe('daiphatthanhtruyenhinh');
  });

  it('names a commune, ward or special zone by its place, folding đ and every tone mark', () => {
    expect(base('Xã Hải Lăng', 'commune')).toBe('hailang');
    expect(base('Phường Đông Hà', 'ward')).toBe('dongha');
    expect(base('Đặc khu Cồn Cỏ', 'special-zone')).toBe('conco');
    expect(base('Xã Hướng Hóa', 'commune')).toBe('huonghoa');
    expect(base('Xã Đakrông', 'commune')).toBe('dakrong');
  });

  it('falls back to the slug when the name is only generic words', () => {
    expect(hostLabels(unit('x', 'Tỉnh Quảng Trị', 'department'), 'quang tri', 'van-phong').base).toBe('vanphong');
  });

  it('suggests the domain for the province and a label below it for every other unit', () => {
    const hosts = suggestHosts([unit('p', PROVINCE, 'province'), unit('d', 'Sở Tài chính', 'department'), unit('c', 'Xã Hải Lăng', 'commune')], { domain: DOMAIN, provinceName: PROVINCE, taken: new Map() });
    expect([...hosts]).toEqual([
      ['p', 'quangtri.gov.vn'],
      ['d', 'sotaichinh.quangtri.gov.vn'],
      ['c', 'hailang.quangtri.gov.vn'],
    ]);
  });

  it('resolves collisions with other units\' hosts and within the batch, deterministically', () => {
    const units = [unit('c1', 'Xã Hải Lăng', 'commune'), unit('w1', 'Phường Hải Lăng', 'ward'), unit('c2', 'Xã Hải  Lăng', 'commune'), unit('d1', 'Sở Y tế', 'department'), unit('d2', 'Sở Y tế', 'department')];
    const taken = new Map([['hailang.quangtri.gov.vn', 'elsewhere'], ['soyte.quangtri.gov.vn', 'd1']]);
    const first = suggestHosts(units, { domain: DOMAIN, provinceName: PROVINCE, taken });
    expect(Object.fromEntries(first)).toEqual({
      c1: 'xahailang.quangtri.gov.vn', // another unit holds hailang: the kind word comes first
      w1: 'phuonghailang.quangtri.gov.vn',
      c2: 'hailang2.quangtri.gov.vn', // both ways taken in this batch: numbered
      d1: 'soyte.quangtri.gov.vn', // its own host
      d2: 'soyte2.quangtri.gov.vn',
    });
    expect(suggestHosts(units, { domain: DOMAIN, provinceName: PROVINCE, taken })).toEqual(first);
  });

  it('never gives a label longer than DNS allows', () => {
    const long = `Sở ${'Khoa học '.repeat(12)}`;
    const [host] = suggestHosts([unit('l', long, 'department')], { domain: DOMAIN, provinceName: PROVINCE, taken: new Map() }).values();
    expect(host!.split('.')[0]!.length).toBeLessThanOrEqual(63);
  });
});
