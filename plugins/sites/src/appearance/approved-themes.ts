import type { ThemeTokens } from '@cong/plugin-portal/api';

/** The tokens a theme fixes: colours of text and surfaces; fonts and width stay the portal's. */
export type ThemeColours = Pick<ThemeTokens, 'primary' | 'onPrimary' | 'accent' | 'text' | 'background' | 'muted'>;

/** A theme the province approved (TEN-06): a unit picks one, then may change its primary and accent colours. */
export interface ApprovedTheme {
  readonly id: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly colours: ThemeColours;
}

/**
 * The built-in approved themes. Each passes WCAG 2.1 AA (checked by `checkColours`, and by a test):
 * text and muted text 4.5:1 on the background, the header text 4.5:1 on the primary colour, the
 * primary colour (links) 4.5:1 on the background, the accent (focus ring) 3:1 on the background.
 */
export const APPROVED_THEMES: readonly ApprovedTheme[] = [
  {
    id: 'do-truyen-thong',
    label: { vi: 'Đỏ truyền thống', en: 'Traditional red' },
    colours: { primary: '#9b1c1c', onPrimary: '#ffffff', accent: '#8a5a00', text: '#1f2328', background: '#ffffff', muted: '#57606a' },
  },
  {
    id: 'xanh-bien',
    label: { vi: 'Xanh biển', en: 'Sea blue' },
    colours: { primary: '#0b4f8a', onPrimary: '#ffffff', accent: '#8a5a00', text: '#1f2328', background: '#ffffff', muted: '#57606a' },
  },
  {
    id: 'xanh-la',
    label: { vi: 'Xanh lá', en: 'Green' },
    colours: { primary: '#1b5e20', onPrimary: '#ffffff', accent: '#8a5a00', text: '#1f2328', background: '#ffffff', muted: '#57606a' },
  },
  {
    id: 'tuong-phan-cao',
    label: { vi: 'Tương phản cao', en: 'High contrast' },
    colours: { primary: '#000000', onPrimary: '#ffffff', accent: '#0050b3', text: '#000000', background: '#ffffff', muted: '#333333' },
  },
];

export const DEFAULT_THEME_ID = 'do-truyen-thong';

export const approvedTheme = (id: string): ApprovedTheme | undefined => APPROVED_THEMES.find((t) => t.id === id);
