import { css } from 'lit';

/** The look the submissions elements share with the portal's other admin pages. */
export const submissionStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--cong-space-s, 0.75rem); }
  .bar { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; margin-block: var(--cong-space-m, 1rem); }
  form.stack { display: grid; gap: var(--cong-space-s, 0.75rem); max-width: 48rem; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); display: grid; gap: var(--cong-space-s, 0.75rem); }
  input, select, textarea { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  textarea { min-height: 6rem; }
  button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
  button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; }
  button[disabled] { opacity: 0.6; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
  a { color: var(--cong-color-link, #0b57b0); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); vertical-align: top; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); margin-block: var(--cong-space-m, 1rem); }
  .pager { display: flex; gap: var(--cong-space-s, 0.75rem); align-items: center; margin-block: var(--cong-space-m, 1rem); }
  .field-error, [role='alert'] { color: var(--cong-color-danger, #b00020); }
  iframe.preview { width: 100%; min-height: 20rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: #fff; }
  .tree { list-style: none; padding-inline-start: 1.25rem; margin: 0; }
  .tree > li { margin-block: 0.25rem; }
  .tree label { display: inline-flex; gap: 0.4rem; font-weight: 400; align-items: center; }
`;
