/**
 * The script a public form page loads while its proof-of-work is on (`/hoi-dap/kiem-tra.js` for the
 * question form). The page's form names the challenge in `data-proof` and the difficulty in
 * `data-proof-bits`, and has an empty hidden `proof` field and a `#q-proof-status` line. The script
 * finds the nonce with Web Crypto (`crypto.subtle.digest`, SHA-256 of `<challenge>:<nonce>`, in
 * batches so the page stays responsive), starting when the person first enters the form, so that it
 * is usually done by "Send"; at "Send" it waits for it ("Đang kiểm tra…"), fills `proof` and sends the
 * form. A submit button with its own `formaction` (nothing is sent) is left alone.
 * A file, not an inline script, so the page's CSP stays `script-src 'self'`.
 */
export const PROOF_OF_WORK_SCRIPT = `(() => {
  'use strict';
  const form = document.querySelector('form[data-proof]');
  if (!form) return;
  const field = form.querySelector('input[name="proof"]');
  const status = document.getElementById('q-proof-status');
  const challenge = form.getAttribute('data-proof') || '';
  const bits = Number(form.getAttribute('data-proof-bits'));
  const say = (vi, en) => { if (status) status.textContent = vi + ' (' + en + ')'; };
  const subtle = window.crypto && window.crypto.subtle;
  if (!field || !(bits > 0)) return;
  if (!subtle || typeof TextEncoder !== 'function') {
    say('Trình duyệt này không hỗ trợ kiểm tra chống gửi tự động của biểu mẫu', 'this browser cannot run the form’s check against automated sending');
    return;
  }
  const encoder = new TextEncoder();
  const zeroBits = (bytes) => {
    let n = 0;
    for (const b of bytes) {
      if (b === 0) { n += 8; continue; }
      return n + Math.clz32(b) - 24;
    }
    return n;
  };
  const BATCH = 2048;
  let solving;
  const solve = () => solving || (solving = (async () => {
    for (let base = 0; base < Number.MAX_SAFE_INTEGER; base += BATCH) {
      const jobs = [];
      for (let i = 0; i < BATCH; i++) jobs.push(subtle.digest('SHA-256', encoder.encode(challenge + ':' + (base + i))));
      const digests = await Promise.all(jobs);
      for (let i = 0; i < BATCH; i++) if (zeroBits(new Uint8Array(digests[i])) >= bits) return challenge + ':' + (base + i);
    }
    throw new Error('no nonce');
  })());
  form.addEventListener('focusin', () => { solve().catch(() => undefined); }, { once: true });
  form.addEventListener('submit', (event) => {
    const submitter = event.submitter || null;
    if (submitter && submitter.hasAttribute('formaction')) return;
    if (field.value) return;
    event.preventDefault();
    const buttons = Array.from(form.querySelectorAll('button[type="submit"]'));
    buttons.forEach((b) => { b.disabled = true; });
    say('Đang kiểm tra…', 'checking…');
    solve().then((proof) => {
      field.value = proof;
      buttons.forEach((b) => { b.disabled = false; });
      say('Đang gửi…', 'sending…');
      if (typeof form.requestSubmit === 'function') form.requestSubmit(submitter); else form.submit();
    }, () => {
      buttons.forEach((b) => { b.disabled = false; });
      say('Không kiểm tra được biểu mẫu. Vui lòng tải lại trang', 'the form could not be checked; please reload the page');
    });
  });
})();
`;
