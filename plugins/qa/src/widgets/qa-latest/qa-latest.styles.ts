import { css } from 'lit';

/**
 * Custom properties: `--cong-qa-accent`, `--cong-qa-text`, `--cong-qa-muted`, `--cong-qa-background`,
 * `--cong-qa-border`, `--cong-qa-radius`, `--cong-qa-font`, `--cong-qa-gap`, `--cong-qa-link`. Parts:
 * `container`, `title`, `status`, `list`, `item`, `link`, `meta`, `time`, `more`.
 */
export const qaLatestStyles = css`
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
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cong-qa-gap, 0.75rem);
  }
  a {
    color: var(--cong-qa-link, #0b5394);
  }
  a:focus-visible {
    outline: 2px solid var(--cong-qa-accent, #0b5394);
    outline-offset: 2px;
  }
  .meta {
    display: block;
    font-size: 0.875em;
    color: var(--cong-qa-muted, #505a64);
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0 0 0.5rem;
    color: var(--cong-qa-muted, #505a64);
  }
  .more {
    display: inline-block;
    margin-top: var(--cong-qa-gap, 0.75rem);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
