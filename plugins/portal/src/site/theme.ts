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
  /**
   * A line above the unit's name in the header (the province's name, "UBND TỈNH QUẢNG TRỊ"), or '' for
   * none. Locked by the province for every site (TEN-06): the tenant-sites plugin sets it network-wide.
   */
  readonly headerLine: string;
  /** A line in the footer (the governing body, the licence), or ''. Locked by the province like `headerLine`. */
  readonly footerNote: string;
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
  headerLine: '',
  footerNote: '',
};

/** A block on the home page: the built-in ones are the latest articles and the latest legal documents. */
export interface HomeBlock {
  readonly id: string;
  readonly order: number;
  /**
   * The block in a language: `lang` is `vi`, `en` or a language the portal is configured with (a BCP 47
   * code such as `lo`); render English for a language the block does not know. `settings` are the
   * block's settings in a unit's home layout (valid against `settingsSchema`), absent on the default home page.
   */
  render(input: { readonly tenant: TenantInfo; readonly lang: string; readonly settings?: Readonly<Record<string, unknown>> }): Promise<SafeHtml | null> | SafeHtml | null;
  /** The block's name in the home-page editor (a unit's layout can choose it). */
  readonly label?: { readonly vi: string; readonly en: string };
  /** JSON Schema (an object with `additionalProperties: false`) of the block's settings in a home layout. */
  readonly settingsSchema?: Readonly<Record<string, unknown>>;
  /** Shown only where a unit's home layout names it, never on the default home page. */
  readonly layoutOnly?: boolean;
}

/** The built-in blocks a home layout may name, besides the contributed ones (`HomeBlock.id`). */
export const BUILTIN_HOME_BLOCKS = {
  /** Settings: `count` (1–20, default 10), `category` (a category slug). */
  latestNews: 'portal.latest-news',
  /** Settings: `count` (1–20, default 5). */
  legalDocuments: 'portal.legal-documents',
  /** The leaders in office (name, position), linking to /lanh-dao. No settings. */
  leaders: 'portal.leaders',
  /** The unit's published offices (address, phone, e-mail), linking to /lien-he. No settings. */
  contacts: 'portal.contacts',
} as const;

/** One entry of a unit's home layout: a block id (built-in or contributed) and its settings. */
export interface HomeLayoutEntry {
  readonly block: string;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The query parameter carrying a preview token (`?xem-truoc=…`), see `SiteTheme.setPreviewVerifier`. */
export const PREVIEW_PARAM = 'xem-truoc';

/** What a request asks of the contributors: `preview` is the preview token a verifier accepted, else null. */
export interface ThemeRequest {
  readonly preview: string | null;
}

/** What the tenant-sites plugin (or any contributor) extends: tokens per unit, and home-page blocks. */
export interface SiteTheme {
  /** Tokens for a unit; called per request (cache on the contributor's side). Later contributors win per token. */
  setTokens(resolve: (tenant: TenantInfo, request: ThemeRequest) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>): void;
  addHomeBlock(block: HomeBlock): void;
  /**
   * The contributor's tokens or blocks for a unit changed: the unit's cached pages are dropped in this
   * process at once; other processes render them again within the page cache's age limit (5 minutes).
   */
  tokensChanged(tenantId: string): void;
  /**
   * A unit's home layout: the ordered blocks its home page shows instead of the default page, or null
   * for the default page. The first contributor that answers non-null wins. Drop cached pages with `tokensChanged`.
   */
  setHomeLayout(resolve: (tenant: TenantInfo, request: ThemeRequest) => Promise<readonly HomeLayoutEntry[] | null> | readonly HomeLayoutEntry[] | null): void;
  /**
   * Recognises a preview token (`?xem-truoc=<token>` on any public page of the unit): when one verifier
   * accepts it the page is rendered afresh, outside the page cache, answered `private, no-store`, and
   * the token and layout resolvers get `{ preview: token }` (each shows its draft when the token is its own).
   */
  setPreviewVerifier(verify: (tenant: TenantInfo, token: string) => Promise<boolean> | boolean): void;
  /** The contributed home blocks, by `order`: what a home-layout editor offers. */
  readonly blocks: readonly HomeBlock[];
}

export const siteThemePoint = createExtensionPoint<SiteTheme>({ id: 'portal.site-theme', version: 1 });

/** The portal's implementation of the point: the collected contributions. */
export class ThemeRegistry implements SiteTheme {
  readonly #resolvers: ((tenant: TenantInfo, request: ThemeRequest) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>)[] = [];
  readonly #blocks: HomeBlock[] = [];
  readonly #layouts: ((tenant: TenantInfo, request: ThemeRequest) => Promise<readonly HomeLayoutEntry[] | null> | readonly HomeLayoutEntry[] | null)[] = [];
  readonly #verifiers: ((tenant: TenantInfo, token: string) => Promise<boolean> | boolean)[] = [];

  /** `onChange` drops the unit's cached pages. */
  constructor(private readonly onChange: (tenantId: string) => void = () => undefined) {}

  tokensChanged(tenantId: string): void {
    this.onChange(tenantId);
  }

  setTokens(resolve: (tenant: TenantInfo, request: ThemeRequest) => Promise<Partial<ThemeTokens>> | Partial<ThemeTokens>): void {
    this.#resolvers.push(resolve);
  }

  addHomeBlock(block: HomeBlock): void {
    this.#blocks.push(block);
  }

  setHomeLayout(resolve: (tenant: TenantInfo, request: ThemeRequest) => Promise<readonly HomeLayoutEntry[] | null> | readonly HomeLayoutEntry[] | null): void {
    this.#layouts.push(resolve);
  }

  setPreviewVerifier(verify: (tenant: TenantInfo, token: string) => Promise<boolean> | boolean): void {
    this.#verifiers.push(verify);
  }

  get blocks(): readonly HomeBlock[] {
    return [...this.#blocks].sort((a, b) => a.order - b.order);
  }

  /** The blocks of the default home page (not the layout-only ones). */
  get homeBlocks(): readonly HomeBlock[] {
    return this.blocks.filter((b) => !b.layoutOnly);
  }

  block(id: string): HomeBlock | undefined {
    return this.#blocks.find((b) => b.id === id);
  }

  get previewable(): boolean {
    return this.#verifiers.length > 0;
  }

  async verifyPreview(tenant: TenantInfo, token: string): Promise<boolean> {
    for (const verify of this.#verifiers) if (await verify(tenant, token)) return true;
    return false;
  }

  async homeLayout(tenant: TenantInfo, request: ThemeRequest = { preview: null }): Promise<readonly HomeLayoutEntry[] | null> {
    for (const resolve of this.#layouts) {
      const layout = await resolve(tenant, request);
      if (layout) return layout;
    }
    return null;
  }

  async tokens(tenant: TenantInfo, request: ThemeRequest = { preview: null }): Promise<ThemeTokens> {
    let tokens: ThemeTokens = DEFAULT_THEME;
    for (const resolve of this.#resolvers) tokens = { ...tokens, ...(await resolve(tenant, request)) };
    return tokens;
  }
}

/** A CSS value from a token: only characters a colour, length, URL or font list needs (no `;`, `{`, `}` or `<`). */
export function cssValue(value: string): string {
  return /^[\w\s#%(),.\-"'/:+]*$/.test(value) && !/<|\/\*|\bexpression\b|url\s*\(/i.test(value) ? value : '';
}
