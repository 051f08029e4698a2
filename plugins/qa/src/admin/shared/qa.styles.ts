import { css } from 'lit';

/** The look of the Q&A pages: forms, tables, badges, the timeline, the redaction review. */
export const qaStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  h1 { margin-block: 0 var(--cong-space-m, 1rem); }
  h2:focus, h1:focus { outline: none; }
  h2:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  form { display: grid; gap: var(--cong-space-s, 0.75rem); max-width: 60rem; }
  .field { display: grid; gap: 0.25rem; }
  label, .label { font-weight: 600; }
  .hint { font-weight: 400; font-size: 0.875rem; color: var(--cong-color-text-quiet, #535353); }
  input, textarea, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  [aria-invalid='true'] { border-color: var(--cong-color-danger, #b00020); border-width: 2px; }
  .field-error, .error { color: var(--cong-color-danger, #b00020); }
  .note { color: var(--cong-color-text-quiet, #535353); }
  button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button.danger { color: var(--cong-color-danger, #b00020); border-color: currentColor; }
  button.link { border: none; background: none; padding: 0; color: var(--cong-color-link, #0b57b0); text-decoration: underline; text-align: start; }
  button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  button[disabled] { opacity: 0.6; cursor: default; }
  .actions, .row { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; }
  .row > .field { flex: 1 1 12rem; }
  .grid { display: grid; gap: var(--cong-space-s, 0.75rem); grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: start; font-weight: 600; padding-block: 0.5rem; }
  th, td { text-align: start; padding: 0.4rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); display: grid; gap: var(--cong-space-s, 0.75rem); padding: var(--cong-space-s, 0.75rem); }
  legend { font-weight: 600; padding-inline: 0.25rem; }
  .panel { margin-block: var(--cong-space-l, 1.5rem); display: grid; gap: var(--cong-space-s, 0.75rem); }
  .panel > p, .panel > h2, .panel > h3 { margin: 0; }
  .badge { display: inline-block; border: 1px solid currentColor; border-radius: var(--cong-radius, 0.375rem); padding: 0 0.4rem; font-size: 0.875rem; font-weight: 600; white-space: nowrap; }
  .badge[data-state='overdue'], .badge[data-state='met-late'], .badge[data-status='returned'], .badge[data-status='closed'] { color: var(--cong-color-danger, #b00020); }
  .badge[data-state='due-soon'], .badge[data-state='paused'], .badge[data-status='waiting'], .badge[data-status='pending'] { color: var(--cong-color-warning, #7a4a00); }
  .badge[data-state='met'], .badge[data-status='answered'], .badge[data-status='published'], .badge[data-status='sent'] { color: var(--cong-color-success, #1d6b35); }
  .text-block { white-space: pre-wrap; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: var(--cong-space-s, 0.75rem); margin: 0; max-height: 24rem; overflow: auto; }
  mark { background: #fff1b8; color: inherit; }
  .columns { display: grid; gap: var(--cong-space-m, 1rem); grid-template-columns: 1fr 1fr; }
  @media (max-width: 48rem) { .columns { grid-template-columns: 1fr; } }
  ul.plain { margin: 0; padding-inline-start: 1.2rem; }
  ul.flags { margin: 0; padding-inline-start: 1.2rem; color: var(--cong-color-warning, #7a4a00); }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  progress { width: 100%; max-width: 24rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
`;
