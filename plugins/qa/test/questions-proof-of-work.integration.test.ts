import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { BYPASS, ok, PROVINCE, question, startQaPlatform, type Harness } from './qa-support.js';

/** Low, so the test solves it at once; the browser default is 18. */
const BITS = 8;

function zeroBits(proof: string): number {
  let bits = 0;
  for (const byte of createHash('sha256').update(proof, 'utf8').digest()) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/** Solves a challenge as the page script and the widget do; `wrong` gives a nonce that does not solve it. */
function solve(challenge: string, bits = BITS, wrong = false): string {
  for (let nonce = 0; ; nonce++) {
    const proof = `${challenge}:${nonce}`;
    if (wrong ? zeroBits(proof) === 0 : zeroBits(proof) >= bits) return proof;
  }
}

describeEachDialect('questions: optional proof-of-work on the form and the widget', (dialect) => {
  describe('on', () => {
    let h: Harness;
    let database: Database;
    const stored = async () => Number((await database.kysely.selectFrom('qa_questions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    /** A fresh form descriptor: its fill-time token and challenge. */
    const fresh = async (unit = PROVINCE) => ok(await h.anon(unit).get('/api/qa/public/form'));

    beforeAll(async () => {
      h = await startQaPlatform(dialect, {
        minFillSeconds: 0,
        proofOfWork: true,
        proofOfWorkBits: BITS,
        submitPerAddress: { points: 200, durationSeconds: 3600 },
        submitPerEmail: { points: 50, durationSeconds: 3600 },
      });
      database = await createDatabase(parseDatabaseUrl(h.t.databaseUrl, process.cwd()));
    });
    afterAll(async () => {
      await database?.destroy();
      await h?.stop();
    });

    it('describes the challenge in the form, and refuses a question without a valid solution, storing nothing', async () => {
      const form = await fresh();
      expect(form.proof).toEqual({ challenge: expect.stringMatching(/^8\.\d{13}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/), bits: BITS, expiresAt: expect.any(String) });
      // The challenge lives as long as the fill-time token (formMaxAgeHours, 24 by default).
      expect(Date.parse(form.proof.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
      const before = await stored();

      const missing = await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken));
      expect(missing.status).toBe(400);
      expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(missing.body).toMatchObject({ code: 'QA_ERR_PROOF_REQUIRED', errors: [{ in: 'body', pointer: '/proof' }] });

      const other = await fresh('so-y-te');
      const invalid: [string, string][] = [
        ['garbage', 'is not <challenge>:<nonce>'],
        [solve(form.proof.challenge, BITS, true), 'leading zero bits'],
        [solve(other.proof.challenge), 'not issued by this form'], // another unit's challenge
        [solve(form.proof.challenge).replace(/^8\./, '9.'), 'not issued by this form'], // tampered difficulty
      ];
      for (const [proof, message] of invalid) {
        const res = await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof }));
        expect(res.status, proof).toBe(400);
        expect(res.body.code, proof).toBe('QA_ERR_PROOF_INVALID');
        expect(res.body.errors, proof).toEqual([expect.objectContaining({ pointer: '/proof', message: expect.stringContaining(message) })]);
      }
      expect(await stored()).toBe(before);
      expect(await h.deliver()).toHaveLength(0);
    });

    it('takes a solved challenge once; a refusal for another field does not spend it', async () => {
      const form = await fresh();
      const proof = solve(form.proof.challenge);
      const before = await stored();

      const blank = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof, title: '   ' })), 400);
      expect(blank.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/title']);
      expect(await stored()).toBe(before);

      const asked = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof })), 202);
      expect(asked.status).toBe('unverified');
      expect(await h.deliver()).toHaveLength(1);
      expect(await stored()).toBe(before + 1);

      // The same solution again, even with a new fill-time token: refused, nothing more stored.
      const again = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question((await fresh()).formToken, { proof })), 400);
      expect(again).toMatchObject({ code: 'QA_ERR_PROOF_INVALID', errors: [{ pointer: '/proof', message: expect.stringContaining('used already') }] });
      expect(await stored()).toBe(before + 1);
      expect(await h.deliver()).toHaveLength(0);
    });

    it('is lifted, like the rate limits, by a benchmark key', async () => {
      const form = await fresh();
      const before = await stored();
      const headers = { 'x-cong-rate-limit-bypass': BYPASS };
      ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken), { headers }), 202);
      // One solution sent again and again, as the benchmark does.
      const proof = solve(form.proof.challenge);
      ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof }), { headers }), 202);
      ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof }), { headers }), 202);
      expect(await stored()).toBe(before + 3);
      // A wrong key lifts nothing.
      expect(ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken), { headers: { 'x-cong-rate-limit-bypass': `${BYPASS}x` } }), 400).code).toBe('QA_ERR_PROOF_REQUIRED');
      await h.deliver();
    });

    it('puts the challenge, its script and a noscript notice on the page, and tells a page sent without a solution', async () => {
      const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
      expect(page.status).toBe(200);
      const challenge = /data-proof="([^"]+)" data-proof-bits="8"/.exec(page.text)?.[1];
      expect(challenge).toMatch(/^8\.\d{13}\./);
      expect(page.text).toContain('<input type="hidden" name="proof" value="">');
      expect(page.text).toContain(`<script src="/t/${PROVINCE}/hoi-dap/kiem-tra.js" defer></script>`);
      const noscript = /<noscript>(.*?)<\/noscript>/.exec(page.text)?.[1] ?? '';
      expect(noscript).toContain('cần bật JavaScript');
      expect(noscript.indexOf('JavaScript trong trình duyệt')).toBeLessThan(noscript.indexOf('JavaScript must be enabled'));
      // No inline script: the page's policy allows its own files only.
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.text).not.toContain('<script>');

      const script = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/kiem-tra.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(script.text).toContain("subtle.digest('SHA-256'");

      const formToken = /name="formToken" value="([^"]+)"/.exec(page.text)![1]!;
      const fields = { name: 'Trần Văn Bình', email: 'binh.tran@example.vn', field: 'thue', title: 'Miễn thuế sử dụng đất nông nghiệp', content: 'Hộ gia đình tôi có được miễn thuế sử dụng đất nông nghiệp không ạ?', consentProcessing: 'on', website: '', formToken };
      const before = await stored();
      const post = (body: Record<string, string>) =>
        h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi`, { rawBody: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

      // What a browser without JavaScript sends: the empty hidden field.
      const refused = await post({ ...fields, proof: '' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('cần bật JavaScript trong trình duyệt, tải lại trang rồi gửi lại');
      expect(refused.text).toContain('Trần Văn Bình'); // the values are kept
      expect(refused.text).toMatch(/data-proof="8\./); // with a fresh challenge
      const tampered = await post({ ...fields, proof: solve(challenge!, BITS, true) });
      expect(tampered.status).toBe(400);
      expect(tampered.text).toContain('Mã kiểm tra chống gửi tự động của biểu mẫu không hợp lệ');
      expect(await stored()).toBe(before);
      expect(await h.deliver()).toHaveLength(0);

      // "Find similar questions" posts the same form, hidden field included: nothing is sent, nothing refused.
      const similar = await h.t.client.request('POST', `/t/${PROVINCE}/hoi-dap/gui-cau-hoi/tuong-tu`, { rawBody: new URLSearchParams({ ...fields, proof: '' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(similar.status).toBe(200);

      const sent = await post({ ...fields, proof: solve(challenge!) });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.text).toContain('Vui lòng kiểm tra e-mail');
      expect(await stored()).toBe(before + 1);
      expect(await h.deliver()).toHaveLength(1);
    });
  });

  describe('off (the default)', () => {
    let h: Harness;

    beforeAll(async () => {
      h = await startQaPlatform(dialect, { minFillSeconds: 0 });
    });
    afterAll(async () => h?.stop());

    it('asks for nothing: no challenge in the form or on the page, and a question without a solution is taken', async () => {
      const form = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
      expect(form).not.toHaveProperty('proof');
      ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken)), 202);
      // A client that sends one anyway is not refused for it.
      ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(form.formToken, { proof: 'whatever:1' })), 202);
      expect(await h.deliver()).toHaveLength(2);

      const page = await h.t.client.get(`/t/${PROVINCE}/hoi-dap/gui-cau-hoi`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('data-proof');
      expect(page.text).not.toContain('name="proof"');
      expect(page.text).not.toContain('<noscript>');
      expect(page.text).not.toContain('kiem-tra.js');
    });
  });
});
