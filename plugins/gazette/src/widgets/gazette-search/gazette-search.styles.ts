import { css } from 'lit';

/**
 * Custom properties: `--cong-gazette-accent`, `--cong-gazette-text`, `--cong-gazette-muted`,
 * `--cong-gazette-background`, `--cong-gazette-border`, `--cong-gazette-radius`, `--cong-gazette-font`,
 * `--cong-gazette-gap`, `--cong-gazette-link`, `--cong-gazette-button`, `--cong-gazette-on-button`.
 * Parts: `container`, `title`, `form`, `field`, `input`, `select`, `button`, `status`, `list`, `item`,
 * `link`, `summary`, `meta`.
 */
export const gazetteSearchStyles = css`
  :host {
    display: block;
    font-family: var(--cong-gazette-font, inherit);
    color: var(--cong-gazette-text, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--cong-gazette-background, transparent);
    border: 1px solid var(--cong-gazette-border, #d0d4da);
    border-top: 4px solid var(--cong-gazette-accent, #b71c1c);
    border-radius: var(--cong-gazette-radius, 6px);
    padding: var(--cong-gazette-gap, 0.75rem) calc(var(--cong-gazette-gap, 0.75rem) * 1.5);
  }
  h2 {
    margin: 0 0 var(--cong-gazette-gap, 0.75rem);
    font-size: 1.125em;
    color: var(--cong-gazette-accent, #b71c1c);
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cong-gazette-gap, 0.75rem);
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 10rem;
  }
  label {
    font-weight: 600;
    font-size: 0.875em;
  }
  input,
  select,
  button {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--cong-gazette-border, #8a9099);
    border-radius: var(--cong-gazette-radius, 6px);
    background: var(--cong-gazette-background, #fff);
    color: inherit;
  }
  button {
    background: var(--cong-gazette-button, var(--cong-gazette-accent, #b71c1c));
    color: var(--cong-gazette-on-button, #fff);
    border-color: transparent;
    cursor: pointer;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--cong-gazette-accent, #b71c1c);
    outline-offset: 2px;
  }
  .status {
    margin: var(--cong-gazette-gap, 0.75rem) 0;
    color: var(--cong-gazette-muted, #555b63);
    font-size: 0.875em;
  }
  ol {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: var(--cong-gazette-gap, 0.75rem);
  }
  a {
    color: var(--cong-gazette-link, #0b4f9c);
  }
  [part~='link'] {
    font-weight: 600;
  }
  .summary {
    display: block;
    overflow-wrap: anywhere;
  }
  .meta {
    display: block;
    color: var(--cong-gazette-muted, #555b63);
    font-size: 0.875em;
  }
`;
