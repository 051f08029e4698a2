import { css } from 'lit';

/** The look of the registry and provisioning screens: forms, tables and the status badges. */
export const registryStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  form { display: grid; gap: var(--cong-space-s, 0.75rem); max-width: 56rem; }
  .field { display: grid; gap: 0.25rem; }
  label, .label { font-weight: 600; }
  input, textarea, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  [aria-invalid='true'] { border-color: var(--cong-color-danger, #b00020); }
  .field-error, .error { color: var(--cong-color-danger, #b00020); }
  .note { color: var(--cong-color-text-quiet, #535353); }
  button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  button[disabled] { opacity: 0.6; cursor: default; }
  .actions, .row { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; }
  .row > .field { flex: 1 1 12rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.4rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); display: grid; gap: var(--cong-space-s, 0.75rem); padding: var(--cong-space-s, 0.75rem); }
  legend { font-weight: 600; padding-inline: 0.25rem; }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
  .badge { display: inline-block; border: 1px solid currentColor; border-radius: var(--cong-radius, 0.375rem); padding: 0 0.4rem; font-size: 0.875rem; font-weight: 600; }
  .badge[data-status='live'], .badge[data-action='create'] { color: var(--cong-color-success, #1d6b35); }
  .badge[data-status='suspended'], .badge[data-status='archived'], .badge[data-action='update'] { color: var(--cong-color-warning, #7a4a00); }
  .badge[data-action='error'] { color: var(--cong-color-danger, #b00020); }
  .panel { margin-block: var(--cong-space-l, 1.5rem); display: grid; gap: var(--cong-space-m, 1rem); max-width: 56rem; }
  ul.changes { margin: 0; padding-inline-start: 1.2rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
