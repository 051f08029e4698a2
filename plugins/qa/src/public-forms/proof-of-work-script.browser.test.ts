import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROOF_OF_WORK_SCRIPT } from './proof-of-work-script.js';

const CHALLENGE = `8.1800000000000.${'A'.repeat(22)}.${'B'.repeat(43)}`;

/** The question page's form as `formPage` renders it while proof-of-work is on (the parts the script uses). */
function mountForm(): { form: HTMLFormElement; sent: { proof: string; prevented: boolean; submitter: string }[] } {
  document.body.innerHTML =
    `<form method="post" action="/hoi-dap/gui-cau-hoi" data-proof="${CHALLENGE}" data-proof-bits="8">` +
    `<input name="title" value="Tiêu đề"><input type="hidden" name="proof" value="">` +
    `<p id="q-proof-status" role="status"></p>` +
    `<button type="submit" id="send">Gửi câu hỏi / Send</button>` +
    `<button type="submit" id="similar" formaction="/hoi-dap/gui-cau-hoi/tuong-tu" formnovalidate>Tìm câu hỏi tương tự</button></form>`;
  const form = document.querySelector('form')!;
  new Function(PROOF_OF_WORK_SCRIPT)();
  const sent: { proof: string; prevented: boolean; submitter: string }[] = [];
  // After the script's listener: records what would be sent, and keeps the test page where it is.
  form.addEventListener('submit', (event) => {
    sent.push({ proof: (form.elements.namedItem('proof') as HTMLInputElement).value, prevented: event.defaultPrevented, submitter: (event.submitter as HTMLElement | null)?.id ?? '' });
    event.preventDefault();
  });
  return { form, sent };
}

describe('the question page’s proof-of-work script', () => {
  afterEach(() => document.body.replaceChildren());

  it('holds "Send" while it solves the challenge with Web Crypto, then sends the form with the solution', async () => {
    const { sent } = mountForm();
    document.getElementById('send')!.click();
    // The first submission is held: checking, buttons disabled, nothing in the field yet.
    expect(sent).toEqual([{ proof: '', prevented: true, submitter: 'send' }]);
    expect(document.getElementById('q-proof-status')!.textContent).toBe('Đang kiểm tra… (checking…)');
    expect((document.getElementById('send') as HTMLButtonElement).disabled).toBe(true);

    await vi.waitUntil(() => sent.length === 2, { timeout: 10_000 });
    const proof = sent[1]!.proof;
    expect(sent[1]).toMatchObject({ prevented: false, submitter: 'send' });
    expect(proof.startsWith(`${CHALLENGE}:`)).toBe(true);
    expect(proof.slice(CHALLENGE.length + 1)).toMatch(/^\d+$/);
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(proof)));
    expect(hash[0]).toBe(0); // 8 leading zero bits
    expect((document.getElementById('send') as HTMLButtonElement).disabled).toBe(false);
  });

  it('leaves "Find similar questions" alone: nothing is sent by it, so nothing is solved first', () => {
    const { sent } = mountForm();
    document.getElementById('similar')!.click();
    expect(sent).toEqual([{ proof: '', prevented: false, submitter: 'similar' }]);
    expect(document.getElementById('q-proof-status')!.textContent).toBe('');
  });
});
