// The gazette's part of `pnpm bench` (GAZ-31: search over 100,000 documents, p95 ≤ 100 ms at 20
// connections on SQLite). Seeds a platform directory with published issues and documents of the demo
// province straight into SQLite (large transactions, prepared statements; realistic Vietnamese
// summaries and ~2 KB texts), writes their search entries and full-text rows in the same form as
// `indexGazetteDocument` (plugins/gazette/src/search), starts the platform and measures the public
// API's search and the search page with autocannon, URLs rotated over a realistic mix of queries.
//
//   node tests/bench/gazette-bench.js [documents=100000]      (standalone; BENCH_DURATION, BENCH_WARMUP)
//   BENCH_GAZETTE=1 pnpm bench                                 (as part of the full bench)
//
// Not a test: it asserts nothing, it prints and returns the figures.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fold, slugify } from '@cong/sdk';
import { loadAverage, serverRssMb, startServer } from './bench-support.js';
import { fetchAll, rotate } from './portal-bench.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'core/dist/cli/main.js');
const gazettePlugin = join(root, 'plugins/gazette');
export const GAZETTE_TARGETS = { searchP95Ms: 100, connections: 20 };
const BATCH = 5_000;
const DOCS_PER_ISSUE = 40;

// ─── Realistic documents ─────────────────────────────────────────────────────────────────────────
const TOPICS = [
  'quản lý đất đai', 'bảo vệ môi trường', 'phòng, chống thiên tai', 'quản lý chất thải rắn sinh hoạt', 'giá dịch vụ khám bệnh, chữa bệnh',
  'hỗ trợ phát triển sản xuất nông nghiệp', 'quản lý cụm công nghiệp', 'bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất',
  'phân cấp quản lý nhà nước về an toàn thực phẩm', 'quản lý, vận hành Cổng thông tin điện tử', 'chính sách thu hút nguồn nhân lực chất lượng cao',
  'học phí đối với giáo dục mầm non và phổ thông công lập', 'định mức chi hoạt động khuyến công', 'quản lý tài nguyên nước', 'bảng giá tính thuế tài nguyên',
  'phí tham quan di tích lịch sử', 'quản lý trật tự xây dựng đô thị', 'cấp giấy phép xây dựng', 'phối hợp quản lý nhà nước về khoáng sản',
  'tiêu chí xã nông thôn mới kiểu mẫu', 'quản lý và sử dụng kinh phí sự nghiệp khoa học và công nghệ', 'hạn mức giao đất ở', 'chế độ dinh dưỡng đối với vận động viên',
  'quản lý hoạt động vận tải hành khách bằng xe ô tô', 'bảo tồn và phát huy giá trị di sản văn hóa', 'phát triển du lịch cộng đồng', 'chuyển đổi số trong cơ quan nhà nước',
  'cải cách thủ tục hành chính', 'hỗ trợ doanh nghiệp nhỏ và vừa', 'quản lý rừng phòng hộ ven biển', 'nuôi trồng thủy sản', 'phòng cháy, chữa cháy rừng',
  'quản lý nghĩa trang và cơ sở hỏa táng', 'đặt tên đường, phố và công trình công cộng', 'chính sách hỗ trợ người có công với cách mạng', 'giá nước sạch sinh hoạt',
  'thu phí sử dụng công trình kết cấu hạ tầng trong khu vực cửa khẩu', 'quản lý an toàn đập, hồ chứa nước', 'phát triển giao thông nông thôn', 'xây dựng xã hội học tập',
];
const PLACES = [
  'thành phố Đông Hà', 'thị xã Quảng Trị', 'huyện Vĩnh Linh', 'huyện Gio Linh', 'huyện Cam Lộ', 'huyện Triệu Phong', 'huyện Hải Lăng', 'huyện Hướng Hóa', 'huyện Đakrông',
  'huyện đảo Cồn Cỏ', 'xã Hải Thượng', 'xã Triệu Phước', 'xã Gio Mỹ', 'xã Vĩnh Thái', 'xã Cam Hiếu', 'xã Tân Hợp', 'xã A Ngo', 'xã Hướng Phùng', 'phường Đông Lương', 'phường An Đôn',
  'khu kinh tế Đông Nam', 'cửa khẩu quốc tế Lao Bảo', 'cảng biển Mỹ Thủy', 'khu công nghiệp Quán Ngang',
];
const SENTENCES = [
  'Quy định này áp dụng đối với cơ quan, tổ chức, hộ gia đình và cá nhân có liên quan trên địa bàn tỉnh.',
  'Ủy ban nhân dân cấp huyện chịu trách nhiệm tổ chức triển khai thực hiện và kiểm tra việc thực hiện Quy định này.',
  'Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành hướng dẫn việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về Sở Tư pháp để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.',
  'Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn vốn hợp pháp khác.',
  'Việc thu, nộp, quản lý và sử dụng phí thực hiện theo quy định của Luật Phí và lệ phí và các văn bản hướng dẫn thi hành.',
  'Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả thực hiện nhiệm vụ được giao.',
  'Hồ sơ đề nghị được nộp trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh hoặc nộp trực tuyến trên Cổng dịch vụ công.',
  'Thời hạn giải quyết không quá mười lăm ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.',
  'Các hành vi vi phạm bị xử lý theo quy định của pháp luật về xử lý vi phạm hành chính.',
  'Định kỳ hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 15 tháng 12.',
  'Mức hỗ trợ tối đa không quá năm mươi phần trăm tổng chi phí thực hiện dự án và không quá hai tỷ đồng đối với mỗi dự án.',
  'Đối tượng được hỗ trợ phải đáp ứng đầy đủ các điều kiện về đất đai, quy hoạch, bảo vệ môi trường và an toàn lao động.',
  'Ban Quản lý Khu kinh tế tỉnh hướng dẫn nhà đầu tư thực hiện thủ tục theo quy định.',
  'Sở Nông nghiệp và Môi trường theo dõi, đôn đốc, kiểm tra việc thực hiện và tổng hợp báo cáo kết quả.',
  'Văn bản này thay thế các quy định trước đây trái với nội dung của Quy định này.',
  'Giá đất cụ thể được xác định theo phương pháp so sánh, thu nhập, thặng dư hoặc hệ số điều chỉnh giá đất.',
  'Công tác tuyên truyền, phổ biến, giáo dục pháp luật được thực hiện thường xuyên, bằng nhiều hình thức phù hợp.',
  'Chủ đầu tư có trách nhiệm lập phương án bảo vệ môi trường và thực hiện quan trắc định kỳ theo quy định.',
  'Ủy ban nhân dân cấp xã niêm yết công khai danh sách đối tượng được hưởng chính sách tại trụ sở và nhà văn hóa thôn, bản.',
];
const AGENCIES = [
  ['Ủy ban nhân dân tỉnh Quảng Trị', 'local', 'quyet-dinh', 'QĐ-UBND', 0.55],
  ['Hội đồng nhân dân tỉnh Quảng Trị', 'local', 'nghi-quyet', 'NQ-HĐND', 0.25],
  ['Ủy ban nhân dân tỉnh Quảng Trị', 'local', 'chi-thi', 'CT-UBND', 0.08],
  ['Văn phòng Ủy ban nhân dân tỉnh', 'local', 'thong-bao', 'TB-VP', 0.07],
  ['Bộ Tư pháp', 'central', 'van-ban-khac', 'BTP-KTrVB', 0.05],
];
const SIGNERS = ['Võ Văn Hưng', 'Hà Sỹ Đồng', 'Lê Đức Tiến', 'Hoàng Nam', 'Nguyễn Chiến Thắng', 'Nguyễn Đăng Quang'];

/** A small deterministic generator, so two runs seed the same documents. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    s ^= s >>> 13;
    return (s >>> 0) / 4294967296;
  };
}

// The search token form, as src/search/search-tokens.ts writes it (folded, letters and digits only).
const tokens = (text) => fold(text.normalize('NFC')).split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '').map((t) => [...t].slice(0, 80).join(''));
const ftsForm = (text) => tokens(text).join(' ');
const numberKeyOf = (n, y, symbol) => `${n}/${y}/${symbol}`.toUpperCase();

function makeDocument(i, random, year) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  let r = random();
  let agency = AGENCIES[0];
  for (const a of AGENCIES) if ((r -= a[4]) <= 0) { agency = a; break; }
  const [issuer, level, type, symbol] = agency;
  const topic = pick(TOPICS);
  const place = pick(PLACES);
  const number = 1 + Math.floor(random() * 120);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const signedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const summaries = [
    `Ban hành Quy định về ${topic} trên địa bàn tỉnh Quảng Trị`,
    `Sửa đổi, bổ sung một số điều của Quy định về ${topic} ban hành kèm theo Quyết định số ${1 + Math.floor(random() * 90)}/${year - 1}/QĐ-UBND`,
    `Quy định chi tiết một số nội dung về ${topic} tại ${place}`,
    `Về tăng cường công tác ${topic} năm ${year}`,
  ];
  const summary = pick(summaries);
  const numberSymbol = `${number}/${year}/${symbol}`;
  const articles = [`${issuer.toUpperCase()}`, summary, `Căn cứ Luật Tổ chức chính quyền địa phương; Căn cứ Luật Ban hành văn bản quy phạm pháp luật;`];
  let length = articles.join('\n').length;
  for (let n = 1; length < 2000; n++) {
    const line = `Điều ${n}. ${pick(SENTENCES)} ${n === 1 ? `Phạm vi: ${topic} tại ${place}.` : pick(SENTENCES)}`;
    articles.push(line);
    length += line.length + 1;
  }
  return { i, issuer, level, type, numberSymbol, numberKey: numberKeyOf(number, year, symbol), number, summary, signedOn, fullText: articles.join('\n'), signer: pick(SIGNERS) };
}

/** Seeds `count` published documents in issues of 40 over five years to 2026, in publication order (as the gazette indexes them). */
export function seedGazette(dbFile, count, log) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const office = db.prepare(`SELECT id FROM core_tenants WHERE slug = 'quang-tri'`).get()?.id;
  if (!office) throw new Error('the demo province quang-tri is missing');
  const insertIssue = db.prepare(`INSERT INTO gazette_issues (id, office_id, year, number_from, number_to, publication_date, status, page_count, file_id, sha256, signature, renderer, render_error, created_by, created_at, published_by, published_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'published', ?, NULL, ?, NULL, 'chromium', NULL, 'bench', ?, 'bench', ?, ?)`);
  const insertDoc = db.prepare(`INSERT INTO gazette_documents (id, office_id, tenant_id, submission_id, kind, document_type, number_symbol, number_key, doc_number, doc_year, doc_symbol, summary, issuing_agency, issuer_level, signer, signed_on,
    effective_on, expires_on, legal_normative, field, full_text, search_text, summary_folded, issue_id, issue_year, first_page, last_page, published_on, published_at, eli_path, original_file_id, original_sha256,
    electronic_file_id, electronic_sha256, validity_override, validity_reason, validity_set_by, validity_set_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'document', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?)`);
  const insertEntry = db.prepare(`INSERT INTO gazette_search_entries (document_id, office_id, issue_id, document_type, tenant_id, agency_key, issuer_level, number_key, signed_on, issue_year, published_at, summary_fold, body_fold, indexed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)`);
  const insertFts = db.prepare(`INSERT INTO gazette_search_fts (rowid, summary, body) VALUES (?, ?, ?)`);
  const random = rng(20261129);
  const perYear = Math.ceil(count / 5);
  const eliTaken = new Set();
  let done = 0;
  let issue = null;
  let page = 1;
  const started = performance.now();
  while (done < count) {
    const batch = Math.min(BATCH, count - done);
    db.transaction(() => {
      for (let k = 0; k < batch; k++, done++) {
        const year = 2022 + Math.floor(done / perYear);
        const inYear = done % perYear;
        if (done % DOCS_PER_ISSUE === 0 || inYear === 0) {
          const number = 1 + Math.floor(inYear / DOCS_PER_ISSUE);
          const dayOfYear = Math.min(360, Math.floor((number * 360) / Math.ceil(perYear / DOCS_PER_ISSUE)));
          const date = new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
          const at = Date.parse(`${date}T03:00:00Z`);
          issue = { id: randomUUID(), year, date, at };
          insertIssue.run(issue.id, office, year, number, number, date, 200, createHash('sha256').update(issue.id).digest('hex'), at, at, at);
          page = 1;
        }
        const d = makeDocument(done, random, year);
        const id = randomUUID();
        let eli = `/eli/${d.type}/${year}/${slugify(d.numberSymbol, 120)}`;
        for (let n = 2; eliTaken.has(eli); n++) eli = `/eli/${d.type}/${year}/${slugify(d.numberSymbol, 120)}-${n}`;
        eliTaken.add(eli);
        const at = issue.at + done;
        const first = page;
        page += 3;
        insertDoc.run(id, office, office, randomUUID(), d.type, d.numberSymbol, d.numberKey, String(d.number), year, d.numberSymbol.split('/')[2], d.summary, d.issuer, d.level, d.signer, d.signedOn,
          d.fullText, fold(`${d.numberSymbol} ${d.summary} ${d.issuer} ${d.fullText}`), fold(d.summary), issue.id, year, first, page - 1, issue.date, at, eli, randomUUID(), createHash('sha256').update(id).digest('hex'), at, at);
        const entry = insertEntry.run(id, office, issue.id, d.type, office, slugify(d.issuer, 180), d.level, fold(d.numberKey).toUpperCase(), d.signedOn, year, at, at);
        insertFts.run(entry.lastInsertRowid, ftsForm(`${d.numberSymbol} ${d.summary}`), ftsForm(`${d.issuer} ${d.fullText}`));
      }
    })();
    log(`seeded ${done}/${count} documents (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  db.exec(`INSERT INTO gazette_search_fts(gazette_search_fts) VALUES ('optimize')`);
  db.exec('ANALYZE');
  db.close();
  return { seedMs: Math.round(performance.now() - started) };
}

/** The search mix: common and rare words, phrases, filters, number lookups, each order; the API and the page. */
export function searchRequests() {
  const api = (query) => ({ path: `/api/gazette/v1/documents?${query}`, headers: { 'x-cong-tenant': 'quang-tri' } });
  const page = (query) => ({ path: `/cong-bao/tra-cuu?${query}`, headers: { host: 'localhost' } });
  const apiQueries = [
    'conditions[term]=dat+dai',
    'conditions[term]=quan+ly+chat+thai+ran',
    'conditions[term]=%22bao+ve+moi+truong%22&order=newest',
    'conditions[term]=huong+hoa&conditions[type][]=quyet-dinh',
    'conditions[term]=hoc+phi&conditions[publication_year]=2025',
    'conditions[term]=thien+tai&conditions[signed_on][gte]=2024-01-01&conditions[signed_on][lte]=2024-12-31',
    'conditions[term]=quyet+dinh+ban+hanh&per_page=20',
    'conditions[term]=lao+bao&order=relevance&per_page=10',
    'conditions[number]=15/2025',
    'conditions[number]=42/2024/QD-UBND',
    'conditions[type][]=nghi-quyet&order=newest',
    'conditions[issuer_level]=central&order=oldest',
    'conditions[term]=con+co&fields[]=id&fields[]=summary',
    'conditions[term]=du+lich+cong+dong&conditions[issuer][]=hoi-dong-nhan-dan-tinh-quang-tri',
  ];
  const pageQueries = [
    'q=dat+dai',
    'q=%22phong+chong+thien+tai%22',
    'q=chuyen+doi+so&loai=quyet-dinh',
    'q=gio+linh&nam=2024&sap_xep=newest',
    'so_ky_hieu=7/2026',
    'q=nuoi+trong+thuy+san&cap=local&so_dong=50',
    'tu_ngay=2025-03-01&den_ngay=2025-06-30&sap_xep=oldest',
    'q=bo+tu+phap&pham_vi=summary',
  ];
  return { api: apiQueries.map(api), page: pageQueries.map(page) };
}

/**
 * The whole scenario: a fresh directory, migrations, seeding, the platform, then the API's and the
 * page's search at `connections` connections with a warm-up. Returns the figures.
 */
/**
 * `dir`: where the platform lives (kept afterwards); with `reuse`, a directory seeded by an earlier run
 * is measured again without seeding (for trying changes to the queries).
 */
export async function gazetteBench({ documents = 100_000, duration = 10, warmup = 3, connections = GAZETTE_TARGETS.connections, dir, reuse = false, log = (m) => process.stdout.write(`[gazette] ${m}\n`) } = {}) {
  const workDir = dir ?? join(tmpdir(), `cong-gazette-bench-${process.pid}`);
  const reusing = reuse && existsSync(join(workDir, 'cong.db'));
  try {
    let seeded = { seedMs: null };
    if (!reusing) {
      rmSync(workDir, { recursive: true, force: true });
      mkdirSync(workDir, { recursive: true });
      writeFileSync(join(workDir, 'cong.config.json'), JSON.stringify({ database: 'sqlite:./cong.db', http: { port: 0 }, demo: true, plugins: [gazettePlugin] }));
      log('migrating');
      execFileSync(process.execPath, [cli, 'migrate'], { cwd: workDir, stdio: 'ignore', env: { ...process.env, CONG_LOG__LEVEL: 'warn' } });
      // The demo province is created by the first start, not by the migrations.
      await (await startServer([cli, 'start'], { cwd: workDir }, /running at (http:\/\/\S+)/)).stop();
      seeded = seedGazette(join(workDir, 'cong.db'), documents, log);
    }
    const platform = await startServer([cli, 'start'], { cwd: workDir }, /running at (http:\/\/\S+)/);
    try {
      const { api, page } = searchRequests();
      // Every query answers 200 and finds something before anything is timed.
      const checks = await fetchAll(platform.url, [...api, ...page], 4);
      const scenarios = [];
      for (const [key, name, list] of [
        ['apiSearch', `public API search (${api.length} queries rotated)`, api],
        ['pageSearch', `search page (${page.length} queries rotated)`, page],
      ]) {
        log(`${name}, -c ${connections}, ${duration} s`);
        const load = loadAverage();
        const result = await rotate(platform.url, list, { connections, duration, warmup });
        scenarios.push({ key, name, connections, urls: list.length, loadAverage1m: load.one, ...result, rssMb: serverRssMb(platform.pid) });
      }
      return { documents, seedMs: seeded.seedMs, checks, scenarios, targets: GAZETTE_TARGETS };
    } finally {
      await platform.stop();
    }
  } finally {
    if (!dir && process.env.BENCH_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
  }
}

export function printGazette(out, write) {
  write(`\nGazette search over ${out.documents} documents (${out.seedMs === null ? 'seeded earlier' : `seeded in ${Math.round(out.seedMs / 1000)} s`}); target p95 ≤ ${out.targets.searchP95Ms} ms at ${out.targets.connections} connections\n`);
  write('scenario                                         req/s     p50 ms   p95 ms   p99 ms   non-2xx\n');
  for (const s of out.scenarios) write(`${s.name.padEnd(48)} ${String(s.requestsPerSec).padStart(6)}   ${String(s.latencyP50Ms).padStart(6)}   ${String(s.latencyP95Ms).padStart(6)}   ${String(s.latencyP99Ms).padStart(6)}   ${s.non2xx}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const documents = Number(process.argv[2] ?? 100_000);
  const dir = process.env.BENCH_GAZETTE_DIR;
  const out = await gazetteBench({ documents, ...(dir ? { dir, reuse: process.env.BENCH_GAZETTE_REUSE === '1' } : {}), duration: Number(process.env.BENCH_DURATION ?? 10), warmup: Number(process.env.BENCH_WARMUP ?? 3), connections: Number(process.env.BENCH_CONNECTIONS ?? GAZETTE_TARGETS.connections) });
  printGazette(out, (t) => process.stdout.write(t));
  const resultsDir = join(root, 'tests/bench/results');
  if (existsSync(join(root, 'tests/bench'))) {
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `gazette-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(out, null, 2));
    process.stdout.write(`\nResults written to ${file}\n`);
  }
}
