import { css } from 'lit';

/** Shared look of the organisation elements, on the shell's design tokens. */
export const organisationStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  input, select, textarea { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button.danger { color: var(--cong-color-danger, #b00020); }
  button[disabled] { opacity: 0.6; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, [role='tab']:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  a { color: var(--cong-color-link, #0b57b0); }
  header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.25rem; }
  .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.875em; font-weight: 600; }
  .badge.warning { background: var(--cong-color-warning-surface, #fff4ce); color: var(--cong-color-warning-text, #5c4400); border: 1px solid var(--cong-color-warning, #b58a00); }
  .badge.ok { background: var(--cong-color-success-surface, #e6f4ea); color: var(--cong-color-success-text, #0d5323); }
  .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
  form.edit { display: grid; gap: var(--cong-space-m, 1rem); max-width: 60rem; }
  .field { display: grid; gap: 0.25rem; }
  .field > .label, fieldset > legend { font-weight: 600; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: 0.75rem; display: grid; gap: 0.5rem; }
  .pair { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
  .pair label, .field label { display: grid; gap: 0.25rem; }
  .check { display: flex; gap: 0.5rem; align-items: center; }
  .field-error { color: var(--cong-color-danger, #b00020); }
  [role='alert'] { color: var(--cong-color-danger, #b00020); }
  .muted { color: var(--cong-color-muted, #5f6368); }
  .depth-1 { padding-inline-start: 2rem; } .depth-2 { padding-inline-start: 3.5rem; } .depth-3 { padding-inline-start: 5rem; }
  .depth-4 { padding-inline-start: 6.5rem; } .depth-5 { padding-inline-start: 8rem; } .depth-6 { padding-inline-start: 9.5rem; }
  .portal-rich-text-surface { min-height: 6rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); padding: 0.5rem; }
`;
