// The Q&A plugin's part of `pnpm bench` (issue 8, acceptance 4):
//   - question submission (`POST /api/qa/public/questions`: validation, sanitising, insert, the
//     verification mail in the outbox) at 20 connections, with the per-address and per-e-mail limits
//     lifted by a benchmark key (`http.rateLimitBypassKeys`, header `X-Cong-Rate-Limit-Bypass`).
//     Target ≥ 150 req/s, p99 ≤ 250 ms.
//   - the public Q&A list page (`GET /hoi-dap`, 200 published answers seeded, rotated over pages, a
//     field filter and searches) once warm, against bare Koa in the same run. Target ≥ 50 % of bare Koa.
//
//   node tests/bench/qa-bench.js                 (standalone; BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS)
//   BENCH_QA=1 pnpm bench                        (as part of the full bench)
//
// The submission needs the form's fill-time token: it is read like a client reads it (GET
// /api/qa/public/form), the bench waits the configured minimum fill time and then reuses it for every
// request of the run (it stays valid `formMaxAgeHours`). Not a test: it asserts nothing.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fold } from '@cong/sdk';
import { loadAverage, PAGE_HEADERS, run, serverRssMb, startServer } from './bench-support.js';
import { fetchAll, recordPage, rotate } from './portal-bench.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'core/dist/cli/main.js');
const qaPlugin = join(root, 'plugins/qa');
export const QA_TARGETS = { submitReqPerSec: 150, submitP99Ms: 250, submitConnections: 20, listShareOfBare: 0.5 };
const BYPASS_KEY = 'qa-bench-bypass-key-0123456789abcdef0123456789';
const MIN_FILL_SECONDS = 1;
const PUBLISHED = 200;

const FIELDS = ['dat-dai', 'xay-dung', 'giao-duc', 'y-te', 'lao-dong-viec-lam', 'thue'];
const TOPICS = [
  'cấp giấy chứng nhận quyền sử dụng đất lần đầu', 'cấp giấy phép xây dựng nhà ở riêng lẻ', 'chuyển trường cho học sinh trung học cơ sở',
  'thủ tục khám bệnh bảo hiểm y tế trái tuyến', 'trợ cấp thất nghiệp khi nghỉ việc', 'hoàn thuế thu nhập cá nhân', 'tách thửa đất nông nghiệp',
  'đăng ký hộ kinh doanh', 'chế độ thai sản cho lao động nữ', 'bồi thường khi Nhà nước thu hồi đất', 'học phí mầm non công lập', 'cấp lại căn cước',
];

/** Seeds `count` published questions and answers of the demo province straight into SQLite, as publication leaves them. */
function seedPublished(dbFile, count) {
  const db = new Database(dbFile);
  const province = db.prepare(`SELECT id FROM core_tenants WHERE slug = 'quang-tri'`).get()?.id;
  const agencies = db.prepare(`SELECT id FROM core_tenants WHERE parent_id = ? AND kind = 'department'`).all(province).map((r) => r.id);
  if (!province || agencies.length === 0) throw new Error('the demo province quang-tri or its departments are missing');
  const insertQuestion = db.prepare(`INSERT INTO qa_questions (id, province_id, site_id, status, tracking_code, asker_name, asker_email, asker_phone, asker_address, field_code, commune_id,
    title, content, consent_publish, consent_version, agency_id, verify_hash, verify_expires_at, verified_at, close_reason, channel, created_at, updated_at)
    VALUES (?, ?, ?, 'answered', ?, 'Người hỏi', 'hoi@example.vn', NULL, NULL, ?, NULL, ?, ?, 1, 'bench', ?, NULL, NULL, ?, NULL, 'form', ?, ?)`);
  const insertPublication = db.prepare(`INSERT INTO qa_publications (question_id, province_id, agency_id, field_code, slug, status, title, question, answer, search_fold,
    asked_at, answered_at, reviewed_by, reviewed_at, published_by, published_at, updated_at) VALUES (?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, 'bench', ?, 'bench', ?, ?)`);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const topic = TOPICS[i % TOPICS.length];
      const field = FIELDS[i % FIELDS.length];
      const agency = agencies[i % agencies.length];
      const title = `Hỏi về ${topic} (số ${i + 1})`;
      const question = `Xin hỏi thủ tục ${topic}: hồ sơ gồm những gì, nộp ở đâu và thời hạn giải quyết bao lâu? Gia đình tôi ở phường Đông Hà.`;
      const answer = `Trả lời: Về ${topic}, hồ sơ nộp tại Trung tâm Phục vụ hành chính công tỉnh hoặc trực tuyến trên Cổng dịch vụ công. Thời hạn giải quyết không quá mười lăm ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.`;
      const at = now - (count - i) * 3_600_000;
      const code = `HD-2026-${String(100000 + i)}`;
      insertQuestion.run(id, province, province, code, field, title, question, agency, at, at, at);
      const slug = `${fold(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100)}-${id.slice(0, 8)}`;
      insertPublication.run(id, province, agency, field, slug, title, question, answer, fold(`${title} ${question} ${answer}`).toLowerCase(), at, at + 1000, at + 2000, at + 3000, at + 3000);
    }
  })();
  db.close();
}

/** The Q&A scenarios: `measureBare` measures bare Koa at the same connection count (run-bench's, or its own standalone). */
export async function qaBench({ duration = 10, warmup = 3, connections = 50, measureBare, log = (m) => process.stdout.write(`[qa] ${m}\n`) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cong-qa-bench-'));
  try {
    writeFileSync(
      join(dir, 'cong.config.json'),
      JSON.stringify({
        database: 'sqlite:./cong.db',
        http: { port: 0, rateLimitBypassKeys: [BYPASS_KEY] },
        demo: true,
        plugins: [qaPlugin],
        pluginConfig: { qa: { questions: { minFillSeconds: MIN_FILL_SECONDS } } },
      }),
    );
    log('migrating');
    execFileSync(process.execPath, [cli, 'migrate'], { cwd: dir, stdio: 'ignore', env: { ...process.env, CONG_LOG__LEVEL: 'warn' } });
    // The demo province is created by the first start, not by the migrations.
    await (await startServer([cli, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/)).stop();
    seedPublished(join(dir, 'cong.db'), PUBLISHED);
    const platform = await startServer([cli, 'start'], { cwd: dir }, /running at (http:\/\/\S+)/);
    try {
      const base = platform.url;
      // The API names its unit in X-Cong-Tenant (fetch cannot set Host); pages resolve it from Host.
      const unit = { 'x-cong-tenant': 'quang-tri' };
      const host = { host: 'localhost' };

      // 1. Submission, as the widget sends it, with a token read the way a client reads it.
      const form = await (await fetch(`${base}/api/qa/public/form`, { headers: unit })).json();
      if (typeof form.formToken !== 'string') throw new Error(`the form gave no token: ${JSON.stringify(form).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, (MIN_FILL_SECONDS + 0.5) * 1000));
      const body = JSON.stringify({
        name: 'Nguyễn Thị Lan',
        email: 'lan.nguyen@example.vn',
        phone: '0912 345 678',
        address: 'Số 12 đường Hùng Vương, phường Đông Hà',
        field: form.fields?.[0]?.code ?? 'dat-dai',
        title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu',
        content: 'Gia đình tôi sử dụng đất ổn định từ năm 1990, không có tranh chấp. Xin hỏi hồ sơ và thời hạn cấp giấy chứng nhận lần đầu? <b>Cảm ơn</b> 🙏',
        consentProcessing: true,
        consentPublish: true,
        formToken: form.formToken,
      });
      const submit = {
        url: `${base}/api/qa/public/questions`,
        method: 'POST',
        headers: { ...unit, 'content-type': 'application/json', 'x-cong-rate-limit-bypass': BYPASS_KEY },
        body,
      };
      const probe = await fetch(submit.url, { method: 'POST', headers: submit.headers, body });
      if (probe.status !== 202) throw new Error(`a submission answered ${probe.status}: ${(await probe.text()).slice(0, 400)}`);
      const submitConnections = QA_TARGETS.submitConnections;
      log(`question submission, -c ${submitConnections}, ${duration} s`);
      await run({ ...submit, connections: submitConnections, duration: warmup });
      const submitLoad = loadAverage();
      const s = await run({ ...submit, connections: submitConnections, duration });
      const submission = {
        name: 'question submission (POST /api/qa/public/questions, limits bypassed)',
        connections: submitConnections,
        loadAverage1m: submitLoad.one,
        requestsPerSec: Math.round(s.requests.average),
        latencyP50Ms: s.latency.p50,
        latencyP99Ms: s.latency.p99,
        non2xx: s.non2xx,
        errors: s.errors,
        rssMb: serverRssMb(platform.pid),
      };

      // 2. The public list page, warm: pages, a field filter and searches rotated.
      const pages = [
        ...[1, 2, 3, 4, 5].map((n) => `/hoi-dap?trang=${n}`),
        ...FIELDS.map((f) => `/hoi-dap?linh-vuc=${f}`),
        ...['dat dai', 'giấy phép xây dựng', 'thai san', 'hoc phi', 'căn cước'].map((q) => `/hoi-dap?q=${encodeURIComponent(q)}`),
      ].map((path) => ({ path, headers: { ...host, ...PAGE_HEADERS } }));
      const checks = await fetchAll(base, pages, 4);
      log(`public Q&A list, ${pages.length} URLs rotated, -c ${connections}, ${duration} s`);
      const listLoad = loadAverage();
      const list = { name: `public Q&A list /hoi-dap (${pages.length} URLs rotated, warm)`, connections, loadAverage1m: listLoad.one, ...(await rotate(base, pages, { connections, duration, warmup })), rssMb: serverRssMb(platform.pid) };
      const pageFile = join(dir, 'bare-page.json');
      writeFileSync(pageFile, JSON.stringify(await recordPage(base, pages[0])));
      await platform.stop();
      // What the list is also compared with, as the portal's pages are: Koa answering the same page's
      // bytes and headers, asked the same way — the load generator reads the same bytes in both runs.
      const bareServer = await startServer([join(root, 'tests/bench/bare-koa.js')], { env: { BARE_KOA_PAGE: pageFile } }, /listening (\d+)/);
      try {
        const samePage = await rotate(bareServer.url, pages, { connections, duration, warmup });
        list.bareSamePageReqPerSec = samePage.requestsPerSec;
        list.shareOfBareSamePage = Math.round((list.requestsPerSec / samePage.requestsPerSec) * 1000) / 1000;
      } finally {
        await bareServer.stop();
      }
      const bare = measureBare ? await measureBare() : undefined;
      if (bare) list.shareOfBare = Math.round((list.requestsPerSec / bare.requestsPerSec) * 1000) / 1000;
      return { published: PUBLISHED, checks, submission, list, bare: bare ? { requestsPerSec: bare.requestsPerSec, latencyP99Ms: bare.latencyP99Ms } : null, targets: QA_TARGETS };
    } finally {
      await platform.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printQa(out, write) {
  const t = out.targets;
  write(`\nQ&A (${out.published} published answers seeded); targets: submission ≥ ${t.submitReqPerSec} req/s with p99 ≤ ${t.submitP99Ms} ms at ${t.submitConnections} connections, list ≥ ${t.listShareOfBare * 100} % of bare Koa\n`);
  write('scenario                                                           -c   req/s   p50 ms   p99 ms   non-2xx+errors   load 1m\n');
  for (const s of [out.submission, out.list]) {
    write(`${s.name.padEnd(66)} ${String(s.connections).padStart(3)}  ${String(s.requestsPerSec).padStart(6)}   ${String(s.latencyP50Ms).padStart(6)}   ${String(s.latencyP99Ms).padStart(6)}   ${String(s.non2xx + s.errors).padStart(14)}   ${s.loadAverage1m}\n`);
  }
  if (out.bare) write(`bare Koa at -c ${out.list.connections}: ${out.bare.requestsPerSec} req/s; the list is ${(out.list.shareOfBare * 100).toFixed(1)} % of it\n`);
  if (out.list.bareSamePageReqPerSec) write(`bare Koa answering the same list page: ${out.list.bareSamePageReqPerSec} req/s; the list is ${(out.list.shareOfBareSamePage * 100).toFixed(1)} % of it\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const warmup = Number(process.env.BENCH_WARMUP ?? 3);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const measureBare = async () => {
    const bare = await startServer([join(root, 'tests/bench/bare-koa.js')], {}, /listening (\d+)/);
    try {
      await run({ url: `${bare.url}/`, connections, duration: warmup });
      const r = await run({ url: `${bare.url}/`, connections, duration });
      return { requestsPerSec: Math.round(r.requests.average), latencyP99Ms: r.latency.p99 };
    } finally {
      await bare.stop();
    }
  };
  const out = await qaBench({ duration, warmup, connections, measureBare });
  printQa(out, (t) => process.stdout.write(t));
  const resultsDir = join(root, 'tests/bench/results');
  if (existsSync(join(root, 'tests/bench'))) {
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `qa-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(out, null, 2));
    process.stdout.write(`\nResults written to ${file}\n`);
  }
}
