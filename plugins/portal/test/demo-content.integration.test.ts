import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));

// What a first visitor of `pnpm start` meets: the demo province's portal with sample content, published
// through the real workflow (so it is in search, feeds and the sitemap).
describeEachDialect('portal demo content', (dialect) => {
  let t: TestPlatform;
  const page = async (path: string) => {
    const res = await fetch(new URL(path, t.url));
    return { status: res.status, body: await res.text() };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true, demoContent: true } });
  });
  afterAll(async () => t?.stop());

  it('fills the province\'s home page, its sections and legal documents, marked as samples', async () => {
    const home = await page('/t/quang-tri/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Khai trương Trung tâm Phục vụ hành chính công tỉnh sau sắp xếp');
    expect(home.body).toContain('25/2026/QĐ-UBND');
    const article = await page('/t/quang-tri/tin/khai-truong-trung-tam-phuc-vu-hanh-chinh-cong-tinh-sau-sap-xep');
    expect(article.status).toBe(200);
    expect(article.body).toContain('nội dung minh họa');
    expect((await page('/t/quang-tri/en/tin/khai-truong-trung-tam-phuc-vu-hanh-chinh-cong-tinh-sau-sap-xep')).body).toContain('Provincial Public Administration Service Centre opens');
    expect((await page('/t/quang-tri/chuyen-muc/chi-dao-dieu-hanh')).body).toContain('phương án ứng phó mưa lũ');
    expect((await page('/t/so-tai-chinh/')).body).toContain('Công khai dự toán ngân sách năm 2027');
  });

  it('gives the province an introduction page and menus that lead to the sections', async () => {
    const home = (await page('/t/quang-tri/')).body;
    expect(home).toContain('<a href="/t/quang-tri/trang/gioi-thieu"');
    expect(home).toContain('<a href="/t/quang-tri/lien-he"');
    expect(home).toContain('/t/quang-tri/danh-muc-thong-tin-cong-khai');
    const intro = await page('/t/quang-tri/trang/gioi-thieu');
    expect(intro.status).toBe(200);
    expect(intro.body).toContain('Giới thiệu tỉnh Quảng Trị');
  });

  it('has the samples in search (without accents) and in the feed, newest first', async () => {
    const search = await page(`/t/quang-tri/tim-kiem?q=${encodeURIComponent('dang ky thuong tru')}`);
    expect(search.body).toContain('Hướng dẫn đăng ký thường trú trực tuyến');
    const rss = (await page('/t/quang-tri/rss.xml')).body;
    const first = rss.indexOf('Khai trương Trung tâm');
    expect(first).toBeGreaterThan(0);
    expect(rss.indexOf('Quy hoạch tỉnh thời kỳ')).toBeGreaterThan(first);
  });
});
