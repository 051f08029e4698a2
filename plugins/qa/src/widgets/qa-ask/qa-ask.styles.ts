import { css } from 'lit';

/**
 * Custom properties: `--cong-qa-accent`, `--cong-qa-text`, `--cong-qa-muted`, `--cong-qa-background`,
 * `--cong-qa-border`, `--cong-qa-radius`, `--cong-qa-font`, `--cong-qa-gap`, `--cong-qa-error`,
 * `--cong-qa-button-text`. Parts: `container`, `title`, `form`, `label`, `input`, `error`, `consent`,
 * `button`, `status`, `result`.
 */
export const qaAskStyles = css`
  :host {
    display: block;
    font-family: var(--cong-qa-font, inherit);
    color: var(--cong-qa-text, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--cong-qa-background, transparent);
    border: 1px solid var(--cong-qa-border, #d0d4da);
    border-top: 4px solid var(--cong-qa-accent, #0b5394);
    border-radius: var(--cong-qa-radius, 6px);
    padding: var(--cong-qa-gap, 0.75rem) calc(var(--cong-qa-gap, 0.75rem) * 1.5);
  }
  h2 {
    margin: 0 0 var(--cong-qa-gap, 0.75rem);
    font-size: 1.125em;
    color: var(--cong-qa-accent, #0b5394);
  }
  form {
    display: grid;
    gap: calc(var(--cong-qa-gap, 0.75rem) * 0.75);
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  select,
  textarea {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin-top: 0.25rem;
    padding: 0.45rem;
    font: inherit;
    color: inherit;
    border: 1px solid var(--cong-qa-border, #8a939c);
    border-radius: 4px;
  }
  input[type='checkbox'] {
    display: inline;
    width: auto;
    margin: 0 0.4rem 0 0;
  }
  .check {
    font-weight: 400;
  }
  [aria-invalid='true'] {
    border-color: var(--cong-qa-error, #a40e26);
  }
  .error {
    margin: 0.25rem 0 0;
    color: var(--cong-qa-error, #a40e26);
    font-size: 0.875em;
  }
  .consent {
    font-size: 0.875em;
    color: var(--cong-qa-muted, #505a64);
    margin: 0;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  button {
    justify-self: start;
    padding: 0.55rem 1.2rem;
    font: inherit;
    color: var(--cong-qa-button-text, #fff);
    background: var(--cong-qa-accent, #0b5394);
    border: 0;
    border-radius: 4px;
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--cong-qa-accent, #0b5394);
    outline-offset: 2px;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
  }
  .alert {
    color: var(--cong-qa-error, #a40e26);
  }
`;
