import { css } from 'lit';

export const noticeListStyles = css`
  :host { display: block; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { border-bottom: 1px solid var(--wa-color-neutral-border-quiet, #ccc); padding: 0.4rem; text-align: left; vertical-align: top; }
  form { display: grid; gap: 0.75rem; max-width: 40rem; margin-top: 1rem; }
  label { display: flex; flex-direction: column; gap: 0.25rem; }
  textarea { min-height: 5rem; }
  .field-error { color: #a4001d; }
  .actions, [role='group'] { display: flex; gap: 0.5rem; flex-wrap: wrap; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
