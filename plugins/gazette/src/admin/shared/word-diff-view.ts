import { html, nothing, type TemplateResult } from 'lit';
import { diffTexts } from './diff-messages.js';
import type { DiscrepancyView, RoundDetail, RoundSide } from './gazette-api.js';

type Segment = RoundDetail['segments'][number];

/** Words only the original has: struck through, and said as "bị xóa" … "hết phần bị xóa" by screen readers. */
function deleted(text: string): TemplateResult {
  const t = diffTexts();
  return html`<del><span class="visually-hidden">[${t.deleted}: </span>${text}<span class="visually-hidden"> — ${t.deletedEnd}]</span></del>`;
}

/** Words only the electronic copy has: underlined, said as "được thêm" … "hết phần được thêm". */
function inserted(text: string): TemplateResult {
  const t = diffTexts();
  return html`<ins><span class="visually-hidden">[${t.inserted}: </span>${text}<span class="visually-hidden"> — ${t.insertedEnd}]</span></ins>`;
}

/** One side's words: the shared ones plain, its own marked. Segments are words joined by single spaces. */
function sideText(segments: readonly Segment[], side: 'original' | 'electronic'): TemplateResult[] {
  const own = side === 'original' ? 'delete' : 'insert';
  const out: TemplateResult[] = [];
  let first = true;
  for (const segment of segments) {
    if (segment.op !== 'equal' && segment.op !== own) continue;
    const space = first ? '' : ' ';
    first = false;
    out.push(segment.op === 'equal' ? html`${space}${segment.text}` : html`${space}${own === 'delete' ? deleted(segment.text) : inserted(segment.text)}`);
  }
  return out;
}

function column(id: string, label: string, side: RoundSide, body: TemplateResult[]): TemplateResult {
  const t = diffTexts();
  return html`<section aria-labelledby=${`${id}-heading`}>
    <h3 id=${`${id}-heading`}>${label}</h3>
    <p class="note">${side.fileName} · ${t.methods[side.method] ?? side.method}</p>
    <div class="diff-text" id=${id} role="region" aria-labelledby=${`${id}-heading`} tabindex="0">${body}</div>
  </section>`;
}

/**
 * The two extracted texts side by side, with the word-level difference marked: `<del>` in the original
 * for words the electronic copy lacks, `<ins>` in the electronic copy for words it adds. Each mark
 * carries a visually hidden label, since screen readers do not announce `del`/`ins` by default.
 */
export function sideBySideDiff(round: Pick<RoundDetail, 'segments' | 'original' | 'electronic'>): TemplateResult {
  const t = diffTexts();
  return html`<p class="note">${t.legend}</p>
    <div class="diff">
      ${column('diff-original', t.original, round.original, sideText(round.segments, 'original'))}
      ${column('diff-electronic', t.electronic, round.electronic, sideText(round.segments, 'electronic'))}
    </div>`;
}

/** The discrepancies with their context, numbered, each saying what the original and the copy have. */
export function discrepancyList(discrepancies: readonly DiscrepancyView[], headingId = 'discrepancies-heading'): TemplateResult {
  const t = diffTexts();
  return html`<section aria-labelledby=${headingId}>
    <h3 id=${headingId}>${t.discrepancies} (${discrepancies.length})</h3>
    ${discrepancies.length === 0
      ? html`<p>${t.noDiscrepancy}</p>`
      : html`<ol class="discrepancies">${discrepancies.map(
          (d) => html`<li>
            <div><span class="label">${t.context}:</span> …${d.before} ${d.original ? deleted(d.original) : nothing} ${d.electronic ? inserted(d.electronic) : nothing} ${d.after}…</div>
            <dl class="facts">
              <dt>${t.originalSays}</dt><dd>${d.original || t.missing}</dd>
              <dt>${t.electronicSays}</dt><dd>${d.electronic || t.missing}</dd>
            </dl>
          </li>`,
        )}</ol>`}
  </section>`;
}

/** The round's figures in one sentence. */
export function roundSummary(round: Pick<RoundDetail, 'identical' | 'similarity' | 'discrepancies'>): string {
  const t = diffTexts();
  return round.identical ? t.identical : t.summary(round.similarity, round.discrepancies.length);
}
