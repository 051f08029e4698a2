import { css } from 'lit';

export const greetingListStyles = css`
  :host { display: block; font: inherit; color: var(--cong-color-text, #1b1b1b); }
  table { border-collapse: collapse; width: 100%; margin-block: 1rem; }
  th, td { text-align: start; padding: 0.5rem; border-bottom: 1px solid var(--cong-color-border, #d0d0d0); }
  form { display: grid; gap: 0.75rem; max-width: 32rem; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  input, textarea, select { font: inherit; padding: 0.4rem; }
  [aria-invalid='true'] { border-color: var(--cong-color-danger, #b00020); }
  .field-error, [role='alert'] { color: var(--cong-color-danger, #b00020); font-weight: 400; }
  button { font: inherit; padding: 0.5rem 1rem; justify-self: start; }
`;
