import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CONG_ERR_VALIDATION, type SearchDocument, type SearchService } from '@cong/sdk';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultSearchIndex } from './default-search-index.js';
import { unitCode } from './unit-tokens.js';

/** A tenant of its own per test, so tests share one database without seeing each other's rows. */
const newTenant = () => `t-${randomBytes(4).toString('hex')}`;

function doc(tenantId: string, id: string, title: string, body = '', extra: Partial<SearchDocument> = {}): SearchDocument {
  return { type: 'article', id, tenantId, title, body, url: `/tin-tuc/${id}`, ...extra };
}

const ids = (result: { hits: readonly { id: string }[] }) => result.hits.map((h) => h.id).sort();

describeEachDialect('DefaultSearchIndex', (dialect) => {
  let db: TestDatabase;
  let index: DefaultSearchIndex;
  let news: SearchService;
  let gazette: SearchService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    index = new DefaultSearchIndex({ db });
    news = index.forPlugin('news');
    gazette = index.forPlugin('gazette');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('folds diacritics and đ: "dak lak" finds "Đắk Lắk", "huong dan dang ky" finds "Hướng dẫn đăng ký"', async () => {
    const t = newTenant();
    await news.index(doc(t, '1', 'Du lịch Đắk Lắk mùa cà phê', 'Buôn Ma Thuột, tỉnh Đắk Lắk.'));
    await news.index(doc(t, '2', 'Hướng dẫn đăng ký thường trú', 'Công dân nộp hồ sơ tại bộ phận một cửa.'));
    await news.index(doc(t, '3', 'Lịch tiếp công dân', 'Không liên quan.'));

    expect(ids(await news.search({ text: 'dak lak', tenantIds: [t] }))).toEqual(['1']);
    expect(ids(await news.search({ text: 'DAK LAK', tenantIds: [t] }))).toEqual(['1']);
    expect(ids(await news.search({ text: 'huong dan dang ky', tenantIds: [t] }))).toEqual(['2']);
    expect(ids(await news.search({ text: 'Hướng dẫn đăng ký', tenantIds: [t] }))).toEqual(['2']);
    const hit = (await news.search({ text: 'dang ky', tenantIds: [t] })).hits[0]!;
    expect(hit).toMatchObject({ plugin: 'news', type: 'article', id: '2', tenantId: t, title: 'Hướng dẫn đăng ký thường trú', url: '/tin-tuc/2' });
  });

  it('finds NFC text from an NFD query and NFD text from an NFC query, and stores NFC', async () => {
    const t = newTenant();
    const nfc = 'Nguyễn Thị Ánh Tuyết'.normalize('NFC');
    await news.index(doc(t, 'nfc', nfc, 'Hồ sơ cán bộ'));
    await news.index(doc(t, 'nfd', 'Phường Đống Đa'.normalize('NFD'), 'Trụ sở ủy ban'.normalize('NFD')));

    expect(ids(await news.search({ text: nfc.normalize('NFD'), tenantIds: [t] }))).toEqual(['nfc']);
    expect(ids(await news.search({ text: 'Đống Đa'.normalize('NFC'), tenantIds: [t] }))).toEqual(['nfd']);
    const hit = (await news.search({ text: 'dong da', tenantIds: [t] })).hits[0]!;
    expect(hit.title).toBe('Phường Đống Đa'.normalize('NFC'));
    expect(hit.snippet).toBe('Trụ sở ủy ban'.normalize('NFC'));
  });

  it('matches one- and two-letter syllables and words on the InnoDB stopword list', async () => {
    const t = newTenant();
    await news.index(doc(t, 'o', 'Người dân ở xã Ea Tu', 'Thông tin chung.'));
    await news.index(doc(t, 'y', 'Trạm y tế phường', 'Khám bệnh miễn phí.'));
    await news.index(doc(t, 'la', 'Đây là cơm tấm', 'Để thể thao phát triển, tổ chức giải.'));
    await news.index(doc(t, 'ong', 'Ông bà ông vải', 'Yên bình.'));

    expect(ids(await news.search({ text: 'ở', tenantIds: [t] }))).toEqual(['o']);
    expect(ids(await news.search({ text: 'o', tenantIds: [t] }))).toEqual(['o']);
    expect(ids(await news.search({ text: 'y', tenantIds: [t] }))).toEqual(['y']);
    expect(ids(await news.search({ text: 'y tế', tenantIds: [t] }))).toEqual(['y']);
    expect(ids(await news.search({ text: 'xã ea', tenantIds: [t] }))).toEqual(['o']);
    // "là", "cơm", "để", "thể", "tổ" fold to la, com, de, the, to: InnoDB default stopwords.
    expect(ids(await news.search({ text: 'là cơm', tenantIds: [t] }))).toEqual(['la']);
    expect(ids(await news.search({ text: 'để thể thao tổ', tenantIds: [t] }))).toEqual(['la']);
  });

  it('keeps quoted phrases as phrases', async () => {
    const t = newTenant();
    await news.index(doc(t, 'phrase', 'Thủ tục', 'Đăng ký hộ khẩu thường trú.'));
    await news.index(doc(t, 'apart', 'Khẩu trang', 'Phát cho từng hộ gia đình.'));

    expect(ids(await news.search({ text: 'hộ khẩu', tenantIds: [t] }))).toEqual(['apart', 'phrase']);
    expect(ids(await news.search({ text: '"hộ khẩu"', tenantIds: [t] }))).toEqual(['phrase']);
    expect(ids(await news.search({ text: '"ho khau" thuong', tenantIds: [t] }))).toEqual(['phrase']);
    expect(ids(await news.search({ text: '"khau ho"', tenantIds: [t] }))).toEqual([]);
  });

  it('requires every term (AND) and matches the last term as a prefix while typing', async () => {
    const t = newTenant();
    await news.index(doc(t, '1', 'Hướng dẫn đăng ký', 'Thủ tục hành chính.'));
    await news.index(doc(t, '2', 'Hướng đi mới', 'Kinh tế.'));

    expect(ids(await news.search({ text: 'huong dan', tenantIds: [t] }))).toEqual(['1']);
    expect(ids(await news.search({ text: 'huong da', tenantIds: [t] }))).toEqual(['1']);
    expect(ids(await news.search({ text: 'huong da ', tenantIds: [t] }))).toEqual([]);
    expect(ids(await news.search({ text: 'huong', tenantIds: [t] }))).toEqual(['1', '2']);
    expect(ids(await news.search({ text: 'huong dan kinh', tenantIds: [t] }))).toEqual([]);
  });

  it('returns normally for every nasty query', async () => {
    const t = newTenant();
    await news.index(doc(t, 'n', 'a b title x near or not and', 'Nội dung thử nghiệm 1 OR 1=1'));
    const nasty = [
      '"',
      '"unterminated',
      'NEAR(a b)',
      'NEAR(a b, 2)',
      'title:x',
      'title_fold:x',
      '{title} : x',
      'a*',
      '*a*',
      '^a',
      '+a -b',
      '(a',
      'a)',
      '~a',
      '@a',
      '@2 a',
      '<a >b',
      'a OR b',
      'a AND',
      'NOT a',
      'a NOT b',
      '*',
      '-',
      '--',
      "' OR 1=1 --",
      "'); DROP TABLE core_search_documents; --",
      '%_\\',
      '\\',
      '""',
      '"" a',
      'a"b"c',
      '"a" "b',
      '\u0000',
      '\u202Eabc',
      '<script>alert(1)</script>',
      'x'.repeat(5000),
      Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '),
      'a'.repeat(100),
      '',
      '   ',
      '\t\n',
    ];
    for (const text of nasty) {
      const result = await news.search({ text, tenantIds: [t] });
      expect(result.total, text).toBeGreaterThanOrEqual(0);
      expect(result.hits.length, text).toBeLessThanOrEqual(result.total);
    }
    // Operators are neutralised, not dropped with their words: these still find the document.
    expect((await news.search({ text: 'NEAR(a b)', tenantIds: [t] })).total).toBe(1);
    expect((await news.search({ text: 'title:x', tenantIds: [t] })).total).toBe(1);
    expect((await news.search({ text: '+a -b', tenantIds: [t] })).total).toBe(1);
    expect((await news.search({ text: "' OR 1=1 --", tenantIds: [t] })).total).toBe(1);
    // Empty, whitespace and operator-only text is documented to give an empty result.
    for (const text of ['', '   ', '*', '"', '%_\\']) {
      expect(await news.search({ text, tenantIds: [t] }), JSON.stringify(text)).toEqual({ total: 0, hits: [] });
    }
    const left = await db.kysely.selectFrom('core_search_documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(left?.n)).toBeGreaterThan(0);
  });

  it('never returns another tenant’s documents (canary)', async () => {
    const a = newTenant();
    const b = newTenant();
    await news.index(doc(a, 'a1', 'Thông báo tuyển dụng', 'Sở Nội vụ thông báo.'));
    await news.index(doc(b, 'b1', 'Thông báo tuyển dụng canaryzeta', 'canaryzeta bí mật của đơn vị B'));
    await gazette.index(doc(b, 'b2', 'Công báo canaryzeta', 'canaryzeta'));

    const forA = await news.search({ text: 'thong bao', tenantIds: [a] });
    expect(ids(forA)).toEqual(['a1']);
    expect(forA.total).toBe(1);
    expect(await news.search({ text: 'canaryzeta', tenantIds: [a] })).toEqual({ total: 0, hits: [] });
    expect(JSON.stringify(await news.search({ text: 'tuyen dung', tenantIds: [a], limit: 100 }))).not.toContain('canaryzeta');
    expect(ids(await news.search({ text: 'thong bao', tenantIds: [a, b] }))).toEqual(['a1', 'b1']);
    await expect(news.search({ text: 'thong bao', tenantIds: [] })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
  });

  it('counts up to countUpTo when asked: "at least" beyond it, exact below it, and no count for a short first page', async () => {
    const t = newTenant();
    for (let i = 0; i < 7; i++) await news.index(doc(t, `cap-${i}`, `Thông báo lịch trực capzeta số ${i}`));
    const capped = await news.search({ text: 'capzeta', tenantIds: [t], limit: 2, countUpTo: 5 });
    expect(capped).toMatchObject({ total: 5, totalIsExact: false });
    expect(capped.hits).toHaveLength(2);
    expect(await news.search({ text: 'capzeta', tenantIds: [t], limit: 2, countUpTo: 7 })).toMatchObject({ total: 7, totalIsExact: true });
    expect(await news.search({ text: 'capzeta', tenantIds: [t], limit: 2, offset: 4, countUpTo: 6 })).toMatchObject({ total: 6, totalIsExact: false });
    expect(await news.search({ text: 'capzeta', tenantIds: [t], limit: 20, countUpTo: 3 })).toMatchObject({ total: 7, totalIsExact: true });
    const uncapped = await news.search({ text: 'capzeta', tenantIds: [t], limit: 2 });
    expect(uncapped.total).toBe(7);
    expect(uncapped).not.toHaveProperty('totalIsExact');
    await expect(news.search({ text: 'capzeta', tenantIds: [t], countUpTo: 0 })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
  });

  it('keeps units apart when their SQLite index codes coincide (codes are 32-bit hashes)', async () => {
    const [a, b] = ['unit-69288', 'unit-471090'];
    expect(unitCode(a)).toBe(unitCode(b));
    await news.index(doc(a, 'twin-a', 'Lịch tiếp công dân twinzeta', 'Ủy ban xã'));
    await news.index(doc(b, 'twin-b', 'Lịch tiếp công dân twinzeta', 'Ủy ban phường'));
    expect(ids(await news.search({ text: 'twinzeta', tenantIds: [a] }))).toEqual(['twin-a']);
    expect((await news.search({ text: 'twinzeta', tenantIds: [b], limit: 1 })).total).toBe(1);
    expect(ids(await news.search({ text: 'twinzeta ', tenantIds: [a, b] }))).toEqual(['twin-a', 'twin-b']);
  });

  it('writes through the caller’s transaction: a rollback leaves nothing, a commit is visible', async () => {
    const t = newTenant();
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await news.index(doc(t, 'rb', 'Rollbackword', 'rollbackword'), { trx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await news.search({ text: 'rollbackword', tenantIds: [t] })).toEqual({ total: 0, hits: [] });
    const rows = await db.kysely.selectFrom('core_search_documents').select('doc_id').where('tenant_id', '=', t).execute();
    expect(rows).toEqual([]);

    await db.kysely.transaction().execute(async (trx) => {
      await news.index(doc(t, 'ok', 'Commitword', 'commitword'), { trx });
    });
    expect(ids(await news.search({ text: 'commitword', tenantIds: [t] }))).toEqual(['ok']);

    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await news.remove('article', 'ok', { trx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(ids(await news.search({ text: 'commitword', tenantIds: [t] }))).toEqual(['ok']);
  });

  it('replaces a document on re-index and removes only the caller’s own', async () => {
    const t = newTenant();
    await news.index(doc(t, 'same', 'Alphaword', 'old body'));
    await news.index(doc(t, 'same', 'Betaword', 'new body'));
    expect(await news.search({ text: 'alphaword', tenantIds: [t] })).toEqual({ total: 0, hits: [] });
    const beta = await news.search({ text: 'betaword', tenantIds: [t] });
    expect(beta.total).toBe(1);
    expect(beta.hits[0]!.snippet).toBe('new body');

    // Same type and id in another plugin is another document; removing it leaves news' one alone.
    await gazette.index(doc(t, 'same', 'Betaword gazette', 'gazette body'));
    expect((await news.search({ text: 'betaword', tenantIds: [t] })).total).toBe(2);
    expect(ids(await news.search({ text: 'betaword', tenantIds: [t], plugins: ['gazette'] }))).toEqual(['same']);
    expect((await news.search({ text: 'betaword', tenantIds: [t], plugins: ['gazette'] })).hits[0]!.plugin).toBe('gazette');
    await gazette.remove('article', 'same');
    await gazette.remove('article', 'never-indexed');
    const left = await news.search({ text: 'betaword', tenantIds: [t] });
    expect(left.hits.map((h) => h.plugin)).toEqual(['news']);

    await news.remove('article', 'same');
    expect(await news.search({ text: 'betaword', tenantIds: [t] })).toEqual({ total: 0, hits: [] });
  });

  it('filters by plugin and type', async () => {
    const t = newTenant();
    await news.index(doc(t, 'n1', 'Quy hoạch đô thị', ''));
    await news.index(doc(t, 'n2', 'Quy hoạch đô thị', '', { type: 'page' }));
    await gazette.index(doc(t, 'g1', 'Quy hoạch đô thị', ''));

    expect((await news.search({ text: 'quy hoach', tenantIds: [t] })).total).toBe(3);
    expect(ids(await news.search({ text: 'quy hoach', tenantIds: [t], plugins: ['news'] }))).toEqual(['n1', 'n2']);
    expect(ids(await news.search({ text: 'quy hoach', tenantIds: [t], plugins: ['news'], types: ['page'] }))).toEqual(['n2']);
    expect(await news.search({ text: 'quy hoach', tenantIds: [t], plugins: [] })).toEqual({ total: 0, hits: [] });
  });

  it('pages with a total, newest first among equal matches', async () => {
    const t = newTenant();
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 25; i++) {
      const n = String(i).padStart(2, '0');
      await news.index(doc(t, `p${n}`, `Thông báo số ${n}`, 'Nội dung giống nhau', { publishedAt: new Date(base + i * 86_400_000) }));
    }
    const first = await news.search({ text: 'thong bao', tenantIds: [t] });
    expect(first.total).toBe(25);
    expect(first.hits).toHaveLength(20);
    const page = await news.search({ text: 'thong bao', tenantIds: [t], limit: 10, offset: 20 });
    expect(page.total).toBe(25);
    expect(page.hits).toHaveLength(5);
    const all = [
      ...(await news.search({ text: 'thong bao', tenantIds: [t], limit: 10, offset: 0 })).hits,
      ...(await news.search({ text: 'thong bao', tenantIds: [t], limit: 10, offset: 10 })).hits,
      ...page.hits,
    ];
    expect(new Set(all.map((h) => h.id)).size).toBe(25);
    const times = all.map((h) => h.publishedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(all[0]!.publishedAt).toEqual(new Date(base + 24 * 86_400_000));
    expect(await news.search({ text: 'thong bao', tenantIds: [t], offset: 100 })).toEqual({ total: 25, hits: [] });
    expect((await news.search({ text: 'thong bao', tenantIds: [t], limit: 1000 })).hits).toHaveLength(25);
    await expect(news.search({ text: 'thong bao', tenantIds: [t], limit: 0 })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    await expect(news.search({ text: 'thong bao', tenantIds: [t], offset: -1 })).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
  });

  it('ranks title matches above body matches', async () => {
    const t = newTenant();
    await news.index(doc(t, 'body', 'Tin tức tổng hợp', 'Bài viết có nhắc đến ngân sách địa phương trong năm.'));
    await news.index(doc(t, 'title', 'Ngân sách địa phương', 'Bài viết về chi tiêu công trong năm tài chính.'));
    expect((await news.search({ text: 'ngan sach', tenantIds: [t] })).hits.map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('builds a plain-text snippet around the first match from the unfolded body', async () => {
    const t = newTenant();
    const filler = 'Lorem ipsum dolor sit amet consectetur. '.repeat(20);
    const html = `<p>${filler}</p><script>var secret = "scriptword";</script><p>Hồ sơ <strong>đăng ký</strong> khai sinh &amp; khai tử</p><p>${filler}</p>`;
    await news.index(doc(t, 's', 'Thủ tục', html));
    const hit = (await news.search({ text: 'dang ky khai sinh', tenantIds: [t] })).hits[0]!;
    expect(hit.snippet).toContain('Hồ sơ đăng ký khai sinh & khai tử');
    expect(hit.snippet).not.toMatch(/[<>]/);
    expect(hit.snippet.startsWith('… ')).toBe(true);
    expect(hit.snippet.endsWith(' …')).toBe(true);
    expect(hit.snippet.length).toBeLessThanOrEqual(210);
    // Markup and script content are not indexed.
    expect((await news.search({ text: 'scriptword', tenantIds: [t] })).total).toBe(0);
    expect((await news.search({ text: 'strong', tenantIds: [t] })).total).toBe(0);
  });

  it('rejects invalid documents with CONG_ERR_VALIDATION', async () => {
    const t = newTenant();
    for (const bad of [
      doc(t, 'u', 'x', '', { url: 'javascript:alert(1)' }),
      doc(t, 'u', 'x', '', { url: '//evil.example/x' }),
      doc(t, '', 'x'),
      doc('', 'u', 'x'),
      doc(t, 'u', 'x', '', { publishedAt: new Date(Number.NaN) }),
    ]) {
      await expect(news.index(bad), JSON.stringify(bad)).rejects.toMatchObject({ code: CONG_ERR_VALIDATION.code });
    }
    await news.index(doc(t, 'abs', 'Absolute url', '', { url: 'https://dichvucong.gov.vn/p/1' }));
    expect((await news.search({ text: 'absolute', tenantIds: [t] })).hits[0]!.url).toBe('https://dichvucong.gov.vn/p/1');
  });

  it('keeps the index in step with the table (SQLite FTS5 integrity)', async () => {
    if (dialect !== 'sqlite') {
      // MySQL keeps FULLTEXT inside InnoDB; the checks above cover it.
      expect(dialect).toBe('mysql');
      return;
    }
    await sql`INSERT INTO core_search_fts(core_search_fts, rank) VALUES ('integrity-check', 1)`.execute(db.kysely);
  });
});
