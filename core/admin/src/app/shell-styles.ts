import { css } from 'lit';

/** Styles the shell's elements share: native controls on the `--cong-*` tokens, focus rings, helpers. */
export const shellStyles = css`
  :host { font-family: var(--cong-font); color: var(--cong-color-text); }
  *, *::before, *::after { box-sizing: border-box; }
  a { color: var(--cong-color-link); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
    outline: var(--cong-focus-ring);
    outline-offset: 2px;
  }
  h1 { font-size: 1.6rem; margin: 0 0 var(--cong-space-m); }
  h1:focus { outline: none; }
  h2 { font-size: 1.2rem; margin: var(--cong-space-l) 0 var(--cong-space-s); }
  label { font-weight: 600; }
  input, select, textarea {
    font: inherit;
    color: inherit;
    background: var(--cong-color-surface);
    border: 1px solid #767676;
    border-radius: var(--cong-radius);
    padding: 0.45rem 0.6rem;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--cong-radius);
    border: 1px solid #767676;
    background: var(--cong-color-surface);
    color: var(--cong-color-text);
    padding: 0.45rem 0.9rem;
  }
  button.primary { background: var(--cong-color-brand); border-color: var(--cong-color-brand); color: var(--cong-color-on-brand); }
  button:disabled { cursor: default; opacity: 0.7; }
  button.link { border: none; background: none; padding: 0; color: var(--cong-color-link); text-decoration: underline; }
  [aria-invalid='true'] { border-color: var(--cong-color-danger); }
  .field { display: grid; gap: 0.3rem; }
  .field-error, .error { color: var(--cong-color-danger); font-weight: 400; }
  .quiet { color: var(--cong-color-text-quiet); }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
`;
