import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { SmtpSink } from '../../../tests/support/smtp-sink.js';
import { A, A_OFFICE, A_TEAM, PROVINCE, startSyndicationPlatform, type Harness } from './syndication-support.js';

// The people concerned hear of syndication by e-mail, over real SMTP: the proposer when the province
// decides, the managers of each receiving site when a notice is broadcast to it.
describeEachDialect('sites: e-mail about proposals and broadcasts', (dialect) => {
  let h: Harness;
  const sink = new SmtpSink();
  const people: Record<string, string> = {};

  beforeAll(async () => {
    await sink.listen();
    h = await startSyndicationPlatform(dialect, { mail: { from: 'Cổng tỉnh Quảng Trị <cong@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } } });
    // Site roles exist once a site is provisioned.
    const network = h.as('mang-luoi', ['sites.network.manage', 'core.access.manage', 'portal.pages.write', 'portal.content.approve'], PROVINCE);
    expect((await network.post('/api/sites/provisioning', { csv: `slug\n${A_OFFICE}\n${A_TEAM}\n` })).status).toBe(200);
    const login = await fetch(new URL('/api/core/auth/login', h.t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: h.t.platform.takeDemoCredentials().password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (unit: string, path: string, body: unknown) => {
      const res = await fetch(new URL(path, h.t.url), { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin', 'x-cong-tenant': unit, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { id: string };
      expect(res.status, JSON.stringify(json)).toBe(201);
      return json.id;
    };
    const account = async (unit: string, username: string, email: string | null, role?: string) => {
      people[username] = await call(unit, '/api/core/users', { username, password: `${username} mật khẩu dài 2026`, displayName: username, ...(email ? { email } : {}) });
      if (role) await call(unit, '/api/core/grants', { userId: people[username], roleId: role });
    };
    await account(A, 'phong.vien.stc', 'phongvien@stc.quangtri.gov.vn');
    await account(A_OFFICE, 'quan.tri.pns', 'quantri@pns.quangtri.gov.vn', 'site-admin');
    await account(A_OFFICE, 'khong.thu', null, 'site-editor'); // no address: nothing is sent
    await account(A_TEAM, 'bien.tap.tdt', 'bientap@tdt.quangtri.gov.vn', 'site-editor');
  }, 300_000);
  afterAll(async () => {
    await h?.t.stop();
    await sink.close();
  });

  it('tells the proposer how the province decided, with the accepted article\'s address', async () => {
    const proposer = h.t.client.as({ id: people['phong.vien.stc']!, permissions: ['sites.syndication.propose'] });
    const inA = { headers: { 'x-cong-tenant': A } };
    const board = h.as('ban-bien-tap', ['sites.syndication.review'], PROVINCE);
    const accepted = await h.publish(A, { title: 'Quyết toán ngân sách năm 2025', slug: 'quyet-toan-2025' });
    const rejected = await h.publish(A, { title: 'Họp giao ban tuần', slug: 'hop-giao-ban' });
    const one = await proposer.post('/api/sites/syndication/proposals', { articleId: accepted.id }, inA);
    const two = await proposer.post('/api/sites/syndication/proposals', { articleId: rejected.id }, inA);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect((await board.post(`/api/sites/syndication/queue/${one.body.id}/accept`, {})).status).toBe(200);
    expect((await board.post(`/api/sites/syndication/queue/${two.body.id}/reject`, { reason: 'Tin nội bộ của Sở' })).status).toBe(200);
    await h.t.drainJobs();
    const mine = sink.received.filter((m) => m.to.includes('phongvien@stc.quangtri.gov.vn'));
    expect(mine).toHaveLength(2);
    const yes = mine.find((m) => m.text.includes('Quyết toán ngân sách năm 2025'))!;
    expect(yes.subject).toContain('đã được chấp nhận');
    expect(yes.text).toMatch(/Xem trên trang: \S+\/tin-lien-ket\//);
    const no = mine.find((m) => m.text.includes('Họp giao ban tuần'))!;
    expect(no.subject).toContain('không được chấp nhận');
    expect(no.text).toContain('Ý kiến: Tin nội bộ của Sở');
  });

  it('tells the managers of each receiving site, and nobody else, that a notice arrived', async () => {
    sink.received.length = 0;
    const notice = await h.publish(PROVINCE, { title: 'Thông báo lịch nghỉ Tết', slug: 'thong-bao-nghi-tet' });
    const sent = await h.as('van-phong-tinh', ['sites.broadcast.publish'], PROVINCE).post('/api/sites/broadcasts', { articleId: notice.id, scope: 'subtree', rootId: A_OFFICE, note: 'Niêm yết tại trụ sở' });
    expect(sent.status).toBe(201);
    await h.t.drainJobs();
    expect(sink.received.map((m) => m.to).flat().sort()).toEqual(['bientap@tdt.quangtri.gov.vn', 'quantri@pns.quangtri.gov.vn']);
    expect(sink.received[0]!.subject).toContain('Tin từ Tỉnh Quảng Trị');
    expect(sink.received[0]!.text).toContain('Ghi chú: Niêm yết tại trụ sở');
    expect(sink.received.some((m) => m.to.includes('phongvien@stc.quangtri.gov.vn'))).toBe(false);
  });
});
