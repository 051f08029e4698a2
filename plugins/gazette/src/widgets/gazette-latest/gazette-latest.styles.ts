import { css } from 'lit';

/**
 * Custom properties: `--cong-gazette-accent`, `--cong-gazette-text`, `--cong-gazette-muted`,
 * `--cong-gazette-background`, `--cong-gazette-border`, `--cong-gazette-radius`, `--cong-gazette-font`,
 * `--cong-gazette-gap`, `--cong-gazette-link`. Parts: `container`, `title`, `status`, `list`, `item`,
 * `link`, `time`, `pdf`, `more`.
 */
export const gazetteLatestStyles = css`
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
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cong-gazette-gap, 0.75rem);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  a {
    color: var(--cong-gazette-link, #0b4f9c);
  }
  [part~='link'] {
    font-weight: 600;
  }
  a:focus-visible {
    outline: 2px solid var(--cong-gazette-accent, #b71c1c);
    outline-offset: 2px;
  }
  time,
  .status,
  .pages {
    color: var(--cong-gazette-muted, #555b63);
    font-size: 0.875em;
  }
  .status {
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .more {
    display: inline-block;
    margin-top: var(--cong-gazette-gap, 0.75rem);
  }
`;
