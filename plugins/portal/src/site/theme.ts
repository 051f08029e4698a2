import { createExtensionPoint, type TenantInfo } from '@cong/sdk';
import type { SafeHtml } from './html.js';

/**
 * Design tokens of a unit's public site. Each becomes a CSS custom property (`--portal-primary`…)
 * in the page's style block; the tenant-sites plugin supplies them per unit.
 */
export interface ThemeTokens {
  /** Header and link colour; must keep 4.5:1 against white (WCAG 2.1 AA). */
  readonly primary: string;
  /** Text on the primary colour. */
  readonly onPrimary: string;
  readonly accent: string;
  readonly text: string;
  readonly background: string;
  readonly muted: string;
  /** URL of the emblem or logo image, or '' for the built-in emblem mark. */
  readonly logo: string;
  /** Alt text of the logo. */
  readonly logoAlt: string;
  readonly fontFamily: string;
  readonly maxWidth: string;
}

/** The built-in tokens: a deep red header with white text (contrast 8.6:1), dark grey text on white (12.6:1). */
export const DEFAULT_THEME: ThemeTokens = {
  primary: '#9b1c1c',
  onPrimary: '#ffffff',
  accent: '#8a5a00',
  text: '#1f2328',
  background: '#ffffff',
  muted: '#57606a',
  logo: '',
  logoAlt: '',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  maxWidth: '72rem',
};

/** A block on the home page: the built-in ones are the latest articles and the latest legal documents. */
export interface HomeBlock {
  readonly id: string;
  readonly order: number;
  /**
   * The block in a language: `lang` is `vi`, `en` or a language the portal is configured with (a BCP 47
   * code such as `lo`); render English for a language the block does not know.
   */
  render(input: { readonly tenant: TenantInfo; readonly lang: string }): Promise<SafeHtml | null> | SafeHtml | null;
}

/** What the tenant-sites plugin (or any contributor) extends: tokens per unit, and home-page blocks. */
export interface SiteTheme {
  /** Tokens for a unit; called per request (cache on the contributor's side). Later contributors win per token. */
  setTokens(resolve: (tenant: TenantInfo) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>): void;
  addHomeBlock(block: HomeBlock): void;
  /**
   * The contributor's tokens or blocks for a unit changed: the unit's cached pages are dropped in this
   * process at once; other processes render them again within the page cache's age limit (5 minutes).
   */
  tokensChanged(tenantId: string): void;
}

export const siteThemePoint = createExtensionPoint<SiteTheme>({ id: 'portal.site-theme', version: 1 });

/** The portal's implementation of the point: the collected contributions. */
export class ThemeRegistry implements SiteTheme {
  readonly #resolvers: ((tenant: TenantInfo) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>)[] = [];
  readonly #blocks: HomeBlock[] = [];

  /** `onChange` drops the unit's cached pages. */
  constructor(private readonly onChange: (tenantId: string) => void = () => undefined) {}

  tokensChanged(tenantId: string): void {
    this.onChange(tenantId);
  }

  setTokens(resolve: (tenant: TenantInfo) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>): void {
    this.#resolvers.push(resolve);
  }

  addHomeBlock(block: HomeBlock): void {
    this.#blocks.push(block);
  }

  get homeBlocks(): readonly HomeBlock[] {
    return [...this.#blocks].sort((a, b) => a.order - b.order);
  }

  async tokens(tenant: TenantInfo): Promise<ThemeTokens> {
    let tokens: ThemeTokens = DEFAULT_THEME;
    for (const resolve of this.#resolvers) tokens = { ...tokens, ...(await resolve(tenant)) };
    return tokens;
  }
}

/** A CSS value from a token: only characters a colour, length, URL or font list needs (no `;`, `{`, `}` or `<`). */
export function cssValue(value: string): string {
  return /^[\w\s#%(),.\-"'/:+]*$/.test(value) && !/<|\/\*|\bexpression\b|url\s*\(/i.test(value) ? value : '';
}
