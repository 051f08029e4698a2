import { describe, expect, it } from 'vitest';
import { publicSiteBase } from './public-site-base.js';

const unit = { slug: 'so-tai-chinh', primaryHost: 'sotaichinh.quangtri.gov.vn' };
const req = (host: string | undefined, protocol: 'http' | 'https' = 'https') => ({ headers: { host }, protocol });

describe('publicSiteBase', () => {
  it('writes no prefix on the unit\'s own host or <slug>.localhost, whatever the case and port', () => {
    expect(publicSiteBase(req('SoTaiChinh.QuangTri.gov.vn:443'), unit)).toEqual({ prefix: '', origin: 'https://sotaichinh.quangtri.gov.vn:443' });
    expect(publicSiteBase(req('so-tai-chinh.localhost:3000', 'http'), unit)).toEqual({ prefix: '', origin: 'http://so-tai-chinh.localhost:3000' });
  });

  it('prefixes /t/<slug> anywhere else: the platform host, another unit\'s host, an API call', () => {
    expect(publicSiteBase(req('quangtri.gov.vn'), unit)).toEqual({ prefix: '/t/so-tai-chinh', origin: 'https://quangtri.gov.vn' });
    expect(publicSiteBase(req('127.0.0.1:3000', 'http'), { slug: 'quang-tri', primaryHost: null })).toEqual({ prefix: '/t/quang-tri', origin: 'http://127.0.0.1:3000' });
  });

  it('never echoes a hostile Host header into links', () => {
    expect(publicSiteBase(req('evil.example"><script>'), unit).origin).toBe('https://localhost');
    expect(publicSiteBase(req(undefined), unit)).toEqual({ prefix: '/t/so-tai-chinh', origin: 'https://localhost' });
  });
});
