import { DOCUMENT_TYPES } from '../intake/document-types.js';
import type { VerifiedSignature } from '../signing/index.js';
import type { FileVerification } from './file-verification.js';
import { certificateValidAtSigning, matched } from './file-verification.js';
import { fileSize, html, vnDate, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { SITE_BASE, type PublicSite } from './public-site.js';

/** The verification page's path on the gazette site. */
export const VERIFY_PATH = `${SITE_BASE}/kiem-tra`;
/** The form field of the uploaded file. */
export const VERIFY_FIELD = 'tep';

/** What the page shows below the forms. */
export type VerificationOutcome =
  | { readonly kind: 'form' }
  | { readonly kind: 'result'; readonly verification: FileVerification; readonly fileName?: string }
  | { readonly kind: 'error'; readonly message: { readonly vi: string; readonly en: string }; readonly sha256?: string };

/** `2026-11-29T06:05:12.000Z` → `29-11-2026 13:05:12 (giờ Việt Nam)`. */
function vietnamTime(iso: string | null): string {
  if (!iso) return 'không ghi';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const local = new Date(at + 7 * 3600_000).toISOString();
  return `${vnDate(local.slice(0, 10))} ${local.slice(11, 19)} (giờ Việt Nam)`;
}

// Green #0b6b2b (6.9:1) and red #a00000 (8.6:1) on white; the ✔/✘ sign and the words carry the meaning, not the colour.
const RESULT_STYLE = html`<style>.ok{color:#0b6b2b;font-weight:bold}.bad{color:#a00000;font-weight:bold}.notice.ok-box{border-color:#0b6b2b;background:#effaf1}.result h3{margin-top:1.5rem}</style>`;

const yesNo = (ok: boolean, yes: SafeHtml | string, no: SafeHtml | string) => (ok ? html`<span class="ok">✔ ${yes}</span>` : html`<span class="bad">✘ ${no}</span>`);

function signatureBlock(signature: VerifiedSignature, index: number): SafeHtml {
  const intact = signature.valid && signature.coversWholeDocument;
  const certificate = certificateValidAtSigning(signature);
  return html`<section aria-labelledby="chu-ky-${index}"><h4 id="chu-ky-${index}">Chữ ký số ${index}</h4>
<dl>
<dt>Kết luận</dt><dd>${yesNo(intact && certificate === true, 'Chữ ký hợp lệ: nội dung tệp không bị thay đổi từ khi ký.', 'Chữ ký không hợp lệ hoặc tệp đã bị thay đổi sau khi ký.')} <span lang="en" class="muted">(${intact && certificate === true ? 'Valid signature: the file is unchanged since signing.' : 'Invalid signature, or the file was changed after signing.'})</span></dd>
<dt>Toàn vẹn nội dung</dt><dd>${yesNo(intact, 'Các byte được ký không thay đổi và chữ ký bao trùm toàn bộ tệp.', signature.bytesAppendedAfter > 0 && signature.valid ? `Có ${signature.bytesAppendedAfter} byte được thêm sau khi ký, không được chữ ký bảo đảm.` : 'Nội dung đã bị thay đổi sau khi ký, hoặc không kiểm tra được.')}</dd>
<dt>Người ký</dt><dd>${signature.signer ? `${signature.signer.commonName ?? signature.signer.subject}${signature.signer.organisation && signature.signer.organisation !== signature.signer.commonName ? ` (${signature.signer.organisation})` : ''}` : 'Không xác định được'}</dd>
${signature.signer ? html`<dt>Tổ chức cung cấp dịch vụ chứng thực chữ ký số</dt><dd>${signature.signer.issuerCommonName ?? signature.signer.issuer}</dd>
<dt>Số hiệu chứng thư số</dt><dd class="hash">${signature.signer.serialNumber}</dd>` : null}
<dt>Thời điểm ký (do người ký khai)</dt><dd>${vietnamTime(signature.signedAt)}</dd>
<dt>Hiệu lực chứng thư số</dt><dd>${signature.signer ? html`từ ${vietnamTime(signature.signer.validFrom)} đến ${vietnamTime(signature.signer.validTo)} — ${yesNo(certificate === true, 'còn hiệu lực tại thời điểm ký', 'không có hiệu lực tại thời điểm ký')}` : 'Không xác định được'}</dd>
<dt>Chứng thư gốc tin cậy</dt><dd>${yesNo(signature.trusted, 'Chứng thư số dẫn đến một chứng thư gốc tin cậy.', 'Chưa xác định được chứng thư gốc tin cậy (chưa cấu hình, hoặc chuỗi chứng thư không dẫn đến).')}</dd>
${signature.reason ? html`<dt>Lý do ký</dt><dd>${signature.reason}</dd>` : null}
${signature.location ? html`<dt>Nơi ký</dt><dd>${signature.location}</dd>` : null}
</dl>
${signature.problems.length > 0 ? html`<p><strong>Các vấn đề phát hiện</strong> <span lang="en" class="muted">(problems found)</span>:</p><ul>${signature.problems.map((p) => html`<li>${p.vi} <span lang="en" class="muted">(${p.en})</span></li>`)}</ul>` : null}
</section>`;
}

function resultBlock(site: PublicSite, verification: FileVerification, fileName: string | undefined): SafeHtml {
  const found = matched(verification);
  const typeName = (code: string) => DOCUMENT_TYPES[code]?.vi ?? code;
  const signature = verification.signature;
  return html`<section aria-labelledby="ket-qua" class="result"><h2 id="ket-qua" tabindex="-1">Kết quả kiểm tra</h2>
<dl>
${fileName ? html`<dt>Tệp</dt><dd>${fileName}</dd>` : null}
<dt>Mã băm SHA-256</dt><dd class="hash">${verification.sha256}</dd>
</dl>
<h3>Đối chiếu với Công báo đã phát hành</h3>
${
  found
    ? html`<p class="notice ok-box" role="status"><strong>Trùng khớp.</strong> Tệp này đúng là tệp đã phát hành trên Công báo ${site.office.nameVi}, không bị thay đổi. <span lang="en">(Match: this file is a published file of this gazette, unchanged.)</span></p>
<ul>${verification.issues.map((i) => html`<li><a href="${site.path(`${SITE_BASE}/so/${i.year}/${i.numberFrom}`)}">Công báo số ${i.numbers} năm ${i.year}</a>, phát hành ngày ${vnDate(i.publicationDate)}</li>`)}${verification.documents.map((d) => html`<li>${d.file === 'original' ? 'Bản gốc đã ký' : 'Bản điện tử'} của <a href="${site.path(d.eliPath)}">${typeName(d.documentType)} ${d.numberSymbol}</a> — ${d.summary}</li>`)}</ul>`
    : html`<p class="notice" role="status"><strong>Không trùng khớp.</strong> Không có số Công báo hoặc văn bản nào đã đăng trên Công báo ${site.office.nameVi} có mã băm này. Tệp có thể đã bị sửa đổi, là tệp của cơ quan khác, hoặc chưa được phát hành. <span lang="en">(No match: no published issue or document of this gazette has this hash. The file may have been changed, come from elsewhere, or not be published.)</span></p>`
}
${
  signature === null
    ? html`<p class="muted">Tra cứu theo mã băm không kiểm tra chữ ký số; hãy tải tệp lên để kiểm tra chữ ký. <span lang="en">(A hash look-up does not check signatures; upload the file to check them.)</span></p>`
    : html`<h3>Chữ ký số</h3>
${
  signature.signed
    ? signature.signatures.map((s, i) => signatureBlock(s, i + 1))
    : html`<p class="notice" role="status"><strong>Tệp không có chữ ký số.</strong> <span lang="en">(The file carries no digital signature.)</span></p>`
}
<p class="muted">Trang này chưa kiểm tra tình trạng thu hồi chứng thư số (CRL, OCSP) và dấu thời gian; thời điểm ký là thời điểm người ký khai. <span lang="en">(Revocation and timestamps are not checked; the signing time is the one the signer states.)</span></p>`
}
</section>`;
}

/**
 * The public verification page (kiểm tra tệp Công báo, GAZ-05, GAZ-23): upload a PDF (a plain
 * multipart form, no script) or type a SHA-256, and read in plain Vietnamese, English second, whether
 * the file is a published file of this gazette and what its signatures say.
 */
export function verificationPage(site: PublicSite, outcome: VerificationOutcome, maxBytes: number): string {
  const sha256 = outcome.kind === 'result' && outcome.verification.signature === null ? outcome.verification.sha256 : outcome.kind === 'error' ? (outcome.sha256 ?? '') : '';
  return layout(
    site,
    { title: 'Kiểm tra tệp Công báo', path: VERIFY_PATH, description: `Kiểm tra tệp PDF có đúng là số Công báo ${site.office.nameVi} đã phát hành và chữ ký số của tệp.`, head: RESULT_STYLE },
    html`<h1>Kiểm tra tệp Công báo</h1>
<p>Tải lên tệp PDF của một số Công báo (hoặc của văn bản đã đăng) để biết tệp có đúng là tệp do Công báo ${site.office.nameVi} phát hành và còn nguyên vẹn, và kết quả kiểm tra chữ ký số của tệp. Tệp chỉ được dùng để kiểm tra và không được lưu lại.</p>
<p lang="en" class="muted">Upload a gazette PDF to learn whether it is a published, unchanged file of this gazette, and what its digital signature says. The file is only checked, never kept.</p>
${outcome.kind === 'error' ? html`<div class="notice" role="alert"><strong>${outcome.message.vi}</strong> <span lang="en">(${outcome.message.en})</span></div>` : null}
${outcome.kind === 'result' ? resultBlock(site, outcome.verification, outcome.fileName) : null}
${outcome.kind === 'result' ? html`<h2>Kiểm tra tệp khác</h2>` : null}
<form class="search" method="post" action="${site.path(VERIFY_PATH)}" enctype="multipart/form-data">
<fieldset><legend>Kiểm tra tệp</legend>
<label for="f-tep">Tệp PDF (tối đa ${fileSize(maxBytes)})</label>
<input id="f-tep" type="file" name="${VERIFY_FIELD}" accept="application/pdf,.pdf" required>
<button type="submit">Kiểm tra tệp</button>
</fieldset>
</form>
<form class="search" method="get" action="${site.path(VERIFY_PATH)}">
<fieldset><legend>Hoặc tra cứu theo mã băm</legend>
<label for="f-sha256">Mã băm SHA-256 (64 ký tự 0–9, a–f)</label>
<input id="f-sha256" type="text" name="sha256" value="${sha256}" maxlength="100" size="70" spellcheck="false" autocomplete="off">
<button type="submit">Tra cứu mã băm</button>
</fieldset>
</form>`,
  );
}
