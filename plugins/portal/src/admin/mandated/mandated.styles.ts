import { css } from 'lit';

/** Shared look of the compliance page and the deadlines widget: the shell's tokens, badges by status. */
export const mandatedStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  :host([hidden]) { display: none; }
  h2 { font-size: 1.15rem; margin: var(--cong-space-m, 1rem) 0 var(--cong-space-xs, 0.5rem); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); }
  input, select, textarea { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  button[disabled] { opacity: 0.6; cursor: default; }
  a { color: var(--cong-color-link, #0b57b0); }
  small, .quiet { color: var(--cong-color-text-quiet, #535353); }
  .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-s, 0.75rem); }
  .bar label { display: grid; gap: 0.25rem; font-weight: 600; }
  .inline { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.25rem; }
  .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.875rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
  .b-ok, .b-met { color: #1a6b2f; }
  .b-empty, .b-overdue { color: #a4161a; }
  .b-stale, .b-english-missing, .b-late { color: #8a4b00; }
  .b-not-applicable, .b-pending { color: #535353; }
  .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-s, 0.75rem); }
  [role='alert'] { color: var(--cong-color-danger, #b00020); }
  ul { margin: 0; padding-inline-start: 1.25rem; }
  li { margin-block: 0.25rem; }
`;
