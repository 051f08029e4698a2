import { css } from 'lit';

/**
 * Custom properties: `--cong-portal-alert-info`, `--cong-portal-alert-warning`,
 * `--cong-portal-alert-danger` (backgrounds), `--cong-portal-alert-text`, `--cong-portal-radius`,
 * `--cong-portal-font`, `--cong-portal-gap`. Parts: `container`, `alert` (with `info`, `warning` or
 * `danger` beside it), `message`, `unit`.
 */
export const portalAlertStyles = css`
  :host {
    display: block;
    font-family: var(--cong-portal-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  .alerts {
    display: grid;
    gap: 0.25rem;
  }
  .alert {
    margin: 0;
    padding: var(--cong-portal-gap, 0.75rem);
    border-radius: var(--cong-portal-radius, 0);
    color: var(--cong-portal-alert-text, #fff);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .info {
    background: var(--cong-portal-alert-info, #0b4f9c);
  }
  .warning {
    background: var(--cong-portal-alert-warning, #8a5300);
  }
  .danger {
    background: var(--cong-portal-alert-danger, #b71c1c);
  }
  .unit {
    font-weight: 400;
    opacity: 0.9;
  }
`;
