import { css } from 'lit';

/**
 * The design tokens admin elements use: `--cong-*` custom properties mapped onto Web Awesome's theme
 * (`--wa-*`), with fallbacks so an element also looks right outside the shell (component tests). The
 * shell adopts {@link congTokens} on the document; custom properties inherit into shadow roots, so a
 * plugin only writes `color: var(--cong-color-text)`. Keep to the documented list ({@link CONG_TOKENS}).
 */
export const congTokens = css`
  :root,
  :host {
    --cong-font: var(--wa-font-family-body, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --cong-font-size: var(--wa-font-size-m, 1rem);
    --cong-font-size-small: var(--wa-font-size-s, 0.875rem);
    --cong-color-text: var(--wa-color-text-normal, #1b1b1b);
    --cong-color-text-quiet: var(--wa-color-text-quiet, #535353);
    --cong-color-link: var(--wa-color-text-link, #0b57b0);
    --cong-color-surface: var(--wa-color-surface-default, #ffffff);
    --cong-color-surface-raised: var(--wa-color-surface-raised, #ffffff);
    --cong-color-surface-lowered: var(--wa-color-surface-lowered, #f3f4f6);
    --cong-color-border: var(--wa-color-surface-border, #c9ccd1);
    --cong-color-brand: var(--wa-color-brand-fill-loud, #0b57b0);
    --cong-color-on-brand: var(--wa-color-brand-on-loud, #ffffff);
    --cong-color-danger: var(--wa-color-danger-on-quiet, #b00020);
    --cong-color-success: var(--wa-color-success-on-quiet, #1d6b35);
    --cong-color-warning: var(--wa-color-warning-on-quiet, #7a4a00);
    --cong-focus-ring: var(--wa-focus-ring, solid 3px #0b57b0);
    --cong-space-xs: var(--wa-space-xs, 0.5rem);
    --cong-space-s: var(--wa-space-s, 0.75rem);
    --cong-space-m: var(--wa-space-m, 1rem);
    --cong-space-l: var(--wa-space-l, 1.5rem);
    --cong-radius: var(--wa-border-radius-m, 0.375rem);
  }
`;

/** The documented `--cong-*` tokens and what each is for. Others may change without notice. */
export const CONG_TOKENS = {
  '--cong-font': 'Body font family',
  '--cong-font-size': 'Body text size',
  '--cong-font-size-small': 'Secondary text size',
  '--cong-color-text': 'Normal text',
  '--cong-color-text-quiet': 'Secondary text (still AA on the surfaces)',
  '--cong-color-link': 'Links',
  '--cong-color-surface': 'Page and card background',
  '--cong-color-surface-raised': 'Raised background (menus, dialogs)',
  '--cong-color-surface-lowered': 'Lowered background (table stripes, wells)',
  '--cong-color-border': 'Borders and separators',
  '--cong-color-brand': 'Primary action background',
  '--cong-color-on-brand': 'Text on the primary action background',
  '--cong-color-danger': 'Error text and invalid field borders',
  '--cong-color-success': 'Success text',
  '--cong-color-warning': 'Warning text',
  '--cong-focus-ring': 'Focus outline (`outline: var(--cong-focus-ring)`)',
  '--cong-space-xs': 'Extra small gap',
  '--cong-space-s': 'Small gap',
  '--cong-space-m': 'Medium gap',
  '--cong-space-l': 'Large gap',
  '--cong-radius': 'Corner radius',
} as const;

export type CongToken = keyof typeof CONG_TOKENS;
