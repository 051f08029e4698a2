import { css } from 'lit';

/**
 * The editor's styles. `<portal-rich-text>` renders into its light DOM, so the element containing it
 * adopts these (they select by the element's classes).
 */
export const richTextStyles = css`
  portal-rich-text { display: block; border: 1px solid var(--cong-color-border, #c9ccd1); border-radius: var(--cong-radius, 0.375rem); }
  .portal-rich-text-toolbar { display: flex; flex-wrap: wrap; gap: 2px; padding: 4px; border-bottom: 1px solid var(--cong-color-border, #c9ccd1); background: var(--cong-color-surface-lowered, #f3f4f6); }
  .portal-rich-text-toolbar button { min-width: 2.25rem; padding: 0.25rem 0.5rem; border: 1px solid transparent; background: transparent; }
  .portal-rich-text-toolbar button[aria-pressed='true'] { background: var(--cong-color-surface, #fff); border-color: var(--cong-color-brand, #0b57b0); font-weight: 700; }
  .portal-rich-text-toolbar .sep { width: 1px; margin: 2px 4px; background: var(--cong-color-border, #c9ccd1); }
  .portal-rich-text-notice:empty { display: none; }
  .portal-rich-text-notice { margin: 0; padding: 0.25rem 0.5rem; color: var(--cong-color-danger, #b00020); }
  /* ProseMirror's own rules: Tiptap injects them into the document head, which does not reach a shadow root. */
  .ProseMirror { position: relative; white-space: pre-wrap; word-wrap: break-word; font-variant-ligatures: none; }
  .ProseMirror [contenteditable='false'] { white-space: normal; }
  .ProseMirror-hideselection *::selection { background: transparent; }
  .ProseMirror-selectednode { outline: 2px solid var(--cong-color-brand, #0b57b0); }
  .ProseMirror-gapcursor { display: none; }
  .portal-rich-text-surface { min-height: 12rem; padding: var(--cong-space-s, 0.75rem); outline: none; }
  .portal-rich-text-surface:focus-visible { outline: var(--cong-focus-ring, solid 3px #0b57b0); outline-offset: -3px; }
  .portal-rich-text-surface img { max-width: 100%; }
  .portal-rich-text-surface table { border-collapse: collapse; }
  .portal-rich-text-surface td, .portal-rich-text-surface th { border: 1px solid var(--cong-color-border, #c9ccd1); min-width: 3rem; padding: 0.25rem; }
  .portal-rich-text-surface blockquote { border-inline-start: 3px solid var(--cong-color-border, #c9ccd1); margin-inline: 0; padding-inline-start: var(--cong-space-s, 0.75rem); }
  .portal-rich-text-surface .text-center, .portal-rich-text-surface [style*='center'] { text-align: center; }
`;
