import { css } from 'lit';

/**
 * Custom properties: `--cong-portal-accent`, `--cong-portal-text`, `--cong-portal-muted`,
 * `--cong-portal-background`, `--cong-portal-border`, `--cong-portal-radius`, `--cong-portal-font`,
 * `--cong-portal-gap`, `--cong-portal-link`. Parts: `container`, `title`, `list`, `item`, `link`,
 * `summary`, `time`, `status`.
 */
export const portalLatestStyles = css`
  :host {
    display: block;
    font-family: var(--cong-portal-font, inherit);
    color: var(--cong-portal-text, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--cong-portal-background, transparent);
    border: 1px solid var(--cong-portal-border, #d0d4da);
    border-top: 4px solid var(--cong-portal-accent, #b71c1c);
    border-radius: var(--cong-portal-radius, 6px);
    padding: var(--cong-portal-gap, 0.75rem) calc(var(--cong-portal-gap, 0.75rem) * 1.5);
  }
  h2 {
    margin: 0 0 var(--cong-portal-gap, 0.75rem);
    font-size: 1.125em;
    color: var(--cong-portal-accent, #b71c1c);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cong-portal-gap, 0.75rem);
  }
  li {
    display: grid;
    gap: 0.125rem;
  }
  a {
    color: var(--cong-portal-link, #0b4f9c);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  a:focus-visible {
    outline: 2px solid var(--cong-portal-accent, #b71c1c);
    outline-offset: 2px;
  }
  .summary {
    overflow-wrap: anywhere;
  }
  time,
  .status {
    color: var(--cong-portal-muted, #555b63);
    font-size: 0.875em;
  }
  .status {
    margin: 0;
  }
`;
