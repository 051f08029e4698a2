import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONG_ERR_CONFLICT, CONG_ERR_RULE_NOT_FOUND, CONG_ERR_VALIDATION, type RuleDefinition } from '@cong/sdk';
import { createDatabase, type Database } from '../db/create-database.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultRulesService } from './default-rules-service.js';

const invalid = { code: CONG_ERR_VALIDATION.code, status: 400 };
const conflict = { code: CONG_ERR_CONFLICT.code, status: 409 };
const notFound = { code: CONG_ERR_RULE_NOT_FOUND.code, status: 404 };

const ANSWER_DEADLINE: RuleDefinition<number> = {
  name: 'qa.answerDeadlineWorkingDays',
  value: 15,
  effectiveFrom: '2011-06-13',
  citation: 'NĐ 43/2011/NĐ-CP Điều 17(1)(đ)',
  description: 'Working days the competent agency has to answer a question.',
};

describeEachDialect('DefaultRulesService', (dialect) => {
  let db: TestDatabase;
  let rules: DefaultRulesService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    rules = new DefaultRulesService({ db });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const count = async (name: string) => (await rules.history(name)).length;

  it('stores a pack once: applying it again adds no duplicate', async () => {
    const first = await rules.applyPack('qa', [ANSWER_DEADLINE]);
    expect(first.inserted).toHaveLength(1);
    expect(first).toMatchObject({ unchanged: 0, skipped: [] });
    const again = await rules.applyPack('qa', [ANSWER_DEADLINE]);
    expect(again).toEqual({ inserted: [], unchanged: 1, skipped: [] });
    expect(await count(ANSWER_DEADLINE.name)).toBe(1);

    const rule = await rules.forPlugin('qa').get<number>(ANSWER_DEADLINE.name, '2026-03-02');
    expect(rule).toEqual({
      name: 'qa.answerDeadlineWorkingDays',
      value: 15,
      effectiveFrom: '2011-06-13',
      effectiveTo: null,
      citation: 'NĐ 43/2011/NĐ-CP Điều 17(1)(đ)',
      version: first.inserted[0]!.version,
    });
    expect(await rules.findVersion(rule.version)).toMatchObject({ ...rule, source: 'pack', owner: 'qa', createdBy: 'pack:qa' });
  });

  it('returns the version in force on the date: old value up to 2025-06-30, new one from 2025-07-01', async () => {
    await rules.applyPack('rep', [
      { name: 'rep.submitDays', value: 10, effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30', citation: 'QĐ 41/2019/QĐ-UBND' },
      { name: 'rep.submitDays', value: 5, effectiveFrom: '2025-07-01', citation: 'QĐ 12/2025/QĐ-UBND' },
    ]);
    const plugin = rules.forPlugin('rep');
    const old = await plugin.get<number>('rep.submitDays', '2025-06-30');
    const current = await plugin.get<number>('rep.submitDays', '2025-07-01');
    expect(old).toMatchObject({ value: 10, effectiveTo: '2025-06-30', citation: 'QĐ 41/2019/QĐ-UBND' });
    expect(current).toMatchObject({ value: 5, effectiveFrom: '2025-07-01', effectiveTo: null });
    expect(old.version).not.toBe(current.version);
    expect((await plugin.get('rep.submitDays', '2020-01-01')).value).toBe(10);
    await expect(plugin.get('rep.submitDays', '2019-12-31')).rejects.toMatchObject(notFound);
    // A Date is read in Vietnam time: 17:30 UTC on 30 June is already 1 July there.
    expect((await plugin.get('rep.submitDays', new Date('2025-06-30T17:30:00Z'))).value).toBe(5);
    expect((await plugin.get('rep.submitDays', new Date('2025-06-30T16:59:59Z'))).value).toBe(10);
    expect((await plugin.history('rep.submitDays')).map((r) => r.value)).toEqual([10, 5]);
  });

  it('reads today in Vietnam when no date is given', async () => {
    await rules.applyPack('today', [
      { name: 'today.limit', value: 'old', effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30', citation: 'A' },
      { name: 'today.limit', value: 'new', effectiveFrom: '2025-07-01', citation: 'B' },
    ]);
    const at = (iso: string) => new DefaultRulesService({ db, now: () => Date.parse(iso) }).forPlugin('x');
    expect((await at('2025-06-30T16:59:00Z').get('today.limit')).value).toBe('old');
    expect((await at('2025-06-30T17:01:00Z').get('today.limit')).value).toBe('new');
  });

  it('an admin override closes the previous version the day before and survives a pack re-apply', async () => {
    const pack: RuleDefinition[] = [{ name: 'gazette.sendDays', value: 2, effectiveFrom: '2016-07-01', citation: 'NĐ 34/2016/NĐ-CP Điều 111' }];
    await rules.applyPack('gazette', pack);
    const override = await rules.set({
      name: 'gazette.sendDays',
      value: 3,
      effectiveFrom: '2026-01-01',
      citation: 'QĐ 7/2025/QĐ-UBND',
      description: 'Provincial decision',
      createdBy: 'admin-7',
    });
    expect(override).toMatchObject({ value: 3, effectiveFrom: '2026-01-01', effectiveTo: null, source: 'admin', owner: 'gazette', createdBy: 'admin-7' });
    const history = await rules.history('gazette.sendDays');
    expect(history.map((v) => [v.value, v.effectiveFrom, v.effectiveTo, v.source])).toEqual([
      [2, '2016-07-01', '2025-12-31', 'pack'],
      [3, '2026-01-01', null, 'admin'],
    ]);
    expect((await rules.get('gazette.sendDays', '2025-12-31')).value).toBe(2);
    expect((await rules.get('gazette.sendDays', '2026-01-01')).value).toBe(3);

    expect(await rules.applyPack('gazette', pack)).toEqual({ inserted: [], unchanged: 1, skipped: [] });
    // A later pack version that would close the administrator's version is skipped and reported.
    const later = await rules.applyPack('gazette', [{ ...pack[0]!, effectiveTo: '2026-06-30' }, { name: 'gazette.sendDays', value: 1, effectiveFrom: '2026-07-01', citation: 'NĐ 78/2025/NĐ-CP' }]);
    expect(later.inserted).toEqual([]);
    expect(later.skipped).toEqual([{ name: 'gazette.sendDays', effectiveFrom: '2026-07-01', reason: expect.stringContaining(override.version) }]);
    expect(await rules.history('gazette.sendDays')).toEqual(history);
    expect((await rules.get('gazette.sendDays', '2027-01-01')).value).toBe(3);

    // Versions never change in place: the same start day again is refused, a later one closes the override.
    await expect(
      rules.set({ name: 'gazette.sendDays', value: 4, effectiveFrom: '2026-01-01', citation: 'x', createdBy: 'admin-7' }),
    ).rejects.toMatchObject(conflict);
    await rules.set({ name: 'gazette.sendDays', value: 4, effectiveFrom: '2026-09-01', citation: 'QĐ 9/2026/QĐ-UBND', createdBy: 'admin-8' });
    expect((await rules.history('gazette.sendDays')).map((v) => [v.value, v.effectiveTo])).toEqual([
      [2, '2025-12-31'],
      [3, '2026-08-31'],
      [4, null],
    ]);
    // A bounded override inside an open version would split it; one ending before a later version fits.
    await expect(
      rules.set({ name: 'gazette.sendDays', value: 9, effectiveFrom: '2026-06-01', effectiveTo: '2026-06-30', citation: 'x', createdBy: 'admin-7' }),
    ).rejects.toMatchObject(conflict);
    await expect(
      rules.set({ name: 'gazette.sendDays', value: 9, effectiveFrom: '2020-01-01', citation: 'x', createdBy: 'admin-7' }),
    ).rejects.toMatchObject(conflict);
  });

  it('a new pack release adds a dated version and closes the one it supersedes', async () => {
    const v1: RuleDefinition = { name: 'por.publishDays', value: 5, effectiveFrom: '2016-07-01', citation: 'Luật TCTT 2016 Điều 18(4)' };
    await rules.applyPack('por', [v1]);
    const v2: RuleDefinition[] = [
      { ...v1, effectiveTo: '2026-06-30' },
      { name: 'por.publishDays', value: 3, effectiveFrom: '2026-07-01', citation: 'NĐ 224/2026/NĐ-CP' },
    ];
    const result = await rules.applyPack('por', v2);
    expect(result).toMatchObject({ unchanged: 1, skipped: [] });
    expect(result.inserted.map((v) => v.value)).toEqual([3]);
    expect((await rules.history('por.publishDays')).map((v) => [v.value, v.effectiveFrom, v.effectiveTo])).toEqual([
      [5, '2016-07-01', '2026-06-30'],
      [3, '2026-07-01', null],
    ]);
    expect(await rules.applyPack('por', v2)).toMatchObject({ inserted: [], unchanged: 2 });
  });

  it('an unknown rule is CONG_ERR_RULE_NOT_FOUND (404), for plugins and for admin overrides', async () => {
    const plugin = rules.forPlugin('qa');
    await expect(plugin.get('qa.noSuchRule', '2026-01-01')).rejects.toMatchObject({ ...notFound, message: 'Rule qa.noSuchRule has no version in force on 2026-01-01' });
    await expect(plugin.get('qa.noSuchRule')).rejects.toMatchObject(notFound);
    expect(await plugin.history('qa.noSuchRule')).toEqual([]);
    await expect(rules.set({ name: 'qa.noSuchRule', value: 1, effectiveFrom: '2026-01-01', citation: 'x', createdBy: 'admin-1' })).rejects.toMatchObject(notFound);
    expect(await count('qa.noSuchRule')).toBe(0);
    await expect(plugin.get('qa.answerDeadlineWorkingDays', '2026-02-30')).rejects.toMatchObject(invalid);
  });

  it('a plugin reads any rule but its pack defines only its own names', async () => {
    const news = rules.forPlugin('news');
    expect(Object.keys(news).sort()).toEqual(['get', 'history']);
    expect((await news.get<number>('qa.answerDeadlineWorkingDays', '2026-01-01')).value).toBe(15);
    await expect(
      rules.applyPack('news', [{ name: 'news.ok', value: 1, effectiveFrom: '2026-01-01', citation: 'x' }, { ...ANSWER_DEADLINE, effectiveFrom: '2026-01-01' }]),
    ).rejects.toMatchObject({ ...invalid, message: expect.stringContaining('news.<name>') });
    await expect(rules.applyPack('news', [{ name: 'newsletter.x', value: 1, effectiveFrom: '2026-01-01', citation: 'x' }])).rejects.toMatchObject(invalid);
    await expect(rules.applyPack('news', [{ name: 'news', value: 1, effectiveFrom: '2026-01-01', citation: 'x' }])).rejects.toMatchObject(invalid);
    expect(await count('news.ok')).toBe(0);
    let thrown: unknown;
    try {
      rules.forPlugin('Bad Owner');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject(invalid);
  });

  it('refuses overlapping periods in a pack, and a pack overlapping stored versions, storing nothing', async () => {
    const base = { name: 'ovl.days', citation: 'x' };
    await expect(
      rules.applyPack('ovl', [
        { ...base, value: 1, effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' },
        { ...base, value: 2, effectiveFrom: '2020-06-01' },
      ]),
    ).rejects.toMatchObject({ ...invalid, message: expect.stringContaining('overlapping periods') });
    await expect(
      rules.applyPack('ovl', [
        { ...base, value: 1, effectiveFrom: '2020-01-01' },
        { ...base, value: 2, effectiveFrom: '2021-01-01', effectiveTo: '2021-12-31' },
      ]),
    ).rejects.toMatchObject(invalid);
    await expect(
      rules.applyPack('ovl', [
        { ...base, value: 1, effectiveFrom: '2020-01-01' },
        { ...base, value: 2, effectiveFrom: '2020-01-01' },
      ]),
    ).rejects.toMatchObject(invalid);
    expect(await count('ovl.days')).toBe(0);

    // Adjacent periods are fine.
    await rules.applyPack('ovl', [
      { ...base, value: 1, effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' },
      { ...base, value: 2, effectiveFrom: '2021-01-01' },
    ]);
    // A later release whose new entry overlaps a stored version it cannot close is refused as a whole.
    await expect(
      rules.applyPack('ovl', [
        { name: 'ovl.other', value: 1, effectiveFrom: '2020-01-01', citation: 'x' },
        { ...base, value: 3, effectiveFrom: '2019-01-01' },
      ]),
    ).rejects.toMatchObject(conflict);
    await expect(rules.applyPack('ovl', [{ ...base, value: 3, effectiveFrom: '2020-03-01', effectiveTo: '2020-03-31' }])).rejects.toMatchObject(conflict);
    expect(await count('ovl.other')).toBe(0);
    expect((await rules.history('ovl.days')).map((v) => v.value)).toEqual([1, 2]);
  });

  it('refuses malformed definitions', async () => {
    const ok = { name: 'bad.rule', value: 1, effectiveFrom: '2026-01-01', citation: 'x' };
    const cases: unknown[] = [
      { ...ok, effectiveFrom: '2026-02-30' },
      { ...ok, effectiveFrom: '01/01/2026' },
      { ...ok, effectiveTo: '2025-12-31' },
      { ...ok, citation: '' },
      { ...ok, citation: undefined },
      { ...ok, value: undefined },
      { ...ok, value: 10n },
      { ...ok, value: 'x'.repeat(70_000) },
      { ...ok, name: 'bad.' },
      { ...ok, name: 'bad.rule name' },
      null,
    ];
    for (const definition of cases) {
      await expect(rules.applyPack('bad', [definition as RuleDefinition]), JSON.stringify(definition, (_k, v: unknown) => (typeof v === 'bigint' ? 'bigint' : v))?.slice(0, 80)).rejects.toMatchObject(invalid);
    }
    await expect(rules.applyPack('bad', 'nope' as unknown as RuleDefinition[])).rejects.toMatchObject(invalid);
    await expect(rules.set({ ...ok, name: 'qa.answerDeadlineWorkingDays', createdBy: ' ' })).rejects.toMatchObject(invalid);
    expect(await count('bad.rule')).toBe(0);
  });

  it('keeps structured values as JSON, and each read gets its own copy', async () => {
    const value = { from: { day: 15, monthOffset: -1 }, to: { day: 14, monthOffset: 0 }, label: 'Kỳ báo cáo tháng' };
    await rules.applyPack('reporting', [{ name: 'reporting.cutoff.monthly', value, effectiveFrom: '2019-03-12', citation: 'NĐ 09/2019/NĐ-CP Điều 12' }]);
    const first = await rules.get<typeof value>('reporting.cutoff.monthly', '2026-01-01');
    expect(first.value).toEqual(value);
    first.value.from.day = 99;
    expect((await rules.get<typeof value>('reporting.cutoff.monthly', '2026-01-01')).value.from.day).toBe(15);
  });

  it('two processes applying the same pack at once store it once', async () => {
    const other: Database = await createDatabase(parseDatabaseUrl(db.url, process.cwd()));
    try {
      const pack: RuleDefinition[] = Array.from({ length: 5 }, (_, i) => ({ name: `race.rule${i}`, value: i, effectiveFrom: '2026-01-01', citation: 'x' }));
      const results = await Promise.all([rules.applyPack('race', pack), new DefaultRulesService({ db: other }).applyPack('race', pack)]);
      expect(results.reduce((sum, r) => sum + r.inserted.length, 0)).toBe(5);
      for (let i = 0; i < 5; i++) expect(await count(`race.rule${i}`)).toBe(1);
    } finally {
      await other.destroy();
    }
  });
});
