import { css } from 'lit';

/**
 * Themable from the embedding page through custom properties (they inherit into the shadow root) and
 * `::part(…)`. Custom properties: `--cong-hello-accent`, `--cong-hello-text`, `--cong-hello-muted`,
 * `--cong-hello-background`, `--cong-hello-border`, `--cong-hello-radius`, `--cong-hello-font`,
 * `--cong-hello-gap`. Parts: `container`, `title`, `list`, `item`, `name`, `message`, `time`,
 * `status`, `signature`.
 */
export const helloGreetingsStyles = css`
  :host {
    display: block;
    font: inherit;
    font-family: var(--cong-hello-font, inherit);
    color: var(--cong-hello-text, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--cong-hello-background, transparent);
    border: 1px solid var(--cong-hello-border, #d0d4da);
    border-top: 4px solid var(--cong-hello-accent, #b71c1c);
    border-radius: var(--cong-hello-radius, 6px);
    padding: var(--cong-hello-gap, 0.75rem) calc(var(--cong-hello-gap, 0.75rem) * 1.5);
  }
  h2 {
    margin: 0 0 var(--cong-hello-gap, 0.75rem);
    font-size: 1.125em;
    color: var(--cong-hello-accent, #b71c1c);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cong-hello-gap, 0.75rem);
  }
  li {
    display: grid;
    gap: 0.125rem;
  }
  .name {
    font-weight: 600;
  }
  .message {
    overflow-wrap: anywhere;
  }
  time,
  .status,
  .signature {
    color: var(--cong-hello-muted, #555b63);
    font-size: 0.875em;
  }
  .signature {
    margin: var(--cong-hello-gap, 0.75rem) 0 0;
    font-style: italic;
  }
  .status {
    margin: 0;
  }
`;
