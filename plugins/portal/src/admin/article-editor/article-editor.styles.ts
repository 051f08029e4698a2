import { css } from 'lit';
import { richTextStyles } from '../rich-text/rich-text.styles.js';

/** The look of the portal's admin forms, lists and tables (the article editor, categories, legal documents). */
export const formStyles = css`
    :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
    form { display: grid; gap: var(--cong-space-s, 0.75rem); max-width: 56rem; }
    .field { display: grid; gap: 0.25rem; }
    label, .label { font-weight: 600; }
    input, textarea, select { font: inherit; padding: 0.4rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
    input[readonly], textarea[readonly] { background: var(--cong-color-surface-lowered, #f3f4f6); }
    [aria-invalid='true'] { border-color: var(--cong-color-danger, #b00020); }
    .field-error, .error, .stale { color: var(--cong-color-danger, #b00020); }
    .note, .status { color: var(--cong-color-text-quiet, #535353); }
    .remarks { border-inline-start: 4px solid var(--cong-color-warning, #7a4a00); padding: 0.25rem var(--cong-space-s, 0.75rem); margin-block: var(--cong-space-s, 0.75rem); background: var(--cong-color-surface-lowered, #f3f4f6); }
    .remarks h3 { margin: 0; font-size: 1rem; }
    button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); background: var(--cong-color-surface, #fff); color: var(--cong-color-text, #1b1b1b); cursor: pointer; }
    button.primary { background: var(--cong-color-brand, #0b57b0); color: var(--cong-color-on-brand, #fff); border-color: transparent; justify-self: start; }
    button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    button[disabled] { opacity: 0.6; cursor: default; }
    .workflow, .revisions { margin-block-start: var(--cong-space-l, 1.5rem); max-width: 56rem; display: grid; gap: var(--cong-space-s, 0.75rem); }
    .actions { display: flex; flex-wrap: wrap; gap: var(--cong-space-xs, 0.5rem); }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: start; padding: 0.4rem; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    a { color: var(--cong-color-link, #0b57b0); }
    a:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: 2px; }
    fieldset { border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); display: grid; gap: var(--cong-space-s, 0.75rem); padding: var(--cong-space-s, 0.75rem); }
    legend { font-weight: 600; padding-inline: 0.25rem; }
    .row { display: flex; flex-wrap: wrap; gap: var(--cong-space-s, 0.75rem); align-items: end; }
    .row > .field { flex: 1 1 12rem; }
    .flag { display: inline-block; border: 1px solid currentColor; border-radius: var(--cong-radius, 0.375rem); padding: 0 0.4rem; font-size: 0.875rem; font-weight: 600; color: var(--cong-color-warning, #7a4a00); }
    .notice { border-inline-start: 4px solid var(--cong-color-warning, #7a4a00); padding: 0.25rem var(--cong-space-s, 0.75rem); background: var(--cong-color-surface-lowered, #f3f4f6); }
    .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
`;

/** Insertions and deletions of a revision diff: underlined and struck through, not told by colour alone. */
export const diffStyles = css`
  ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e3f5e1; color: #0f3d14; }
  del { text-decoration: line-through; text-decoration-thickness: 2px; background: #fbe4e4; color: #5c0b0b; }
  .diff-change { border-bottom: 1px solid var(--cong-color-border, #c9ccd1); padding-block: var(--cong-space-xs, 0.5rem); }
  .diff-change h4 { margin: 0 0 0.25rem; font-size: 1rem; }
  .diff-words { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
`;

export const articleEditorStyles = [formStyles, diffStyles, richTextStyles];
