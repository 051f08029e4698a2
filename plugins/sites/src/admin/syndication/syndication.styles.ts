import { css } from 'lit';

/** The look the syndication elements share with the other admin pages (the shell's design tokens). */
export const syndicationStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  section { margin-block-end: var(--cong-space-l, 1.5rem); }
  .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
  form.stack { display: grid; gap: var(--cong-space-s, 0.75rem); max-width: 48rem; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); display: grid; gap: var(--cong-space-s, 0.75rem); }
  fieldset label { display: flex; gap: 0.4rem; font-weight: 400; align-items: center; }
  input, select, textarea { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  textarea { min-height: 5rem; }
  button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button.link { border: 0; background: none; padding: 0; color: var(--cong-color-link, #0b57b0); text-decoration: underline; }
  button[disabled] { opacity: 0.6; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  a { color: var(--cong-color-link, #0b57b0); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--cong-space-m, 1rem); margin-block: var(--cong-space-m, 1rem); }
  .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
  .muted { color: var(--cong-color-muted, #5b616b); }
  .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
  .field-error, [role='alert'] { color: var(--cong-color-danger, #b00020); }
`;
