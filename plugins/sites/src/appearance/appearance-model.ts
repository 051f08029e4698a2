import { normalizeText } from '@cong/sdk';
import { BUILTIN_HOME_BLOCKS, type HomeBlock, type HomeLayoutEntry, type ThemeTokens } from '@cong/plugin-portal/api';
import { SITES_ERR_BRANDING_INVALID, SITES_ERR_COLOUR_CONTRAST, SITES_ERR_HOME_BLOCK_SETTINGS, SITES_ERR_HOME_BLOCK_UNKNOWN, SITES_ERR_THEME_UNKNOWN } from '../errors.js';
import { approvedTheme, type ThemeColours } from './approved-themes.js';
import { IMAGE_URL, OWN_BLOCKS } from './home-blocks.js';
import { AA_NON_TEXT, AA_TEXT, contrastRatio, normalizeColour, shownRatio } from './contrast.js';

/** What a unit may change of the province's theme (TEN-06): its logo and two colours. The header, emblem area and footer are the portal's layout. */
export interface Branding {
  /** Header and link colour, `#rrggbb`; null keeps the theme's. */
  readonly primary: string | null;
  /** Focus ring and accents; null keeps the theme's. */
  readonly accent: string | null;
  /** The unit's logo in the emblem area: a media-library path (`/media/…`) or an https URL; null for the emblem. */
  readonly logo: string | null;
  readonly logoAlt: string | null;
}

/** A unit's appearance: an approved theme, its branding, and its home layout (null: the portal's default home page). */
export interface Appearance {
  readonly theme: string;
  readonly branding: Branding;
  readonly home: readonly HomeLayoutEntry[] | null;
}

export const NO_BRANDING: Branding = { primary: null, accent: null, logo: null, logoAlt: null };


/** The theme's colours with the branding's applied. */
export function colours(appearance: Pick<Appearance, 'theme' | 'branding'>): ThemeColours {
  const base = (approvedTheme(appearance.theme) ?? approvedTheme('do-truyen-thong')!).colours;
  return { ...base, ...(appearance.branding.primary ? { primary: appearance.branding.primary } : {}), ...(appearance.branding.accent ? { accent: appearance.branding.accent } : {}) };
}

/** The portal's tokens for an appearance. */
export function tokensOf(appearance: Appearance): Partial<ThemeTokens> {
  return { ...colours(appearance), logo: appearance.branding.logo ?? '', logoAlt: appearance.branding.logoAlt ?? '' };
}

/** One failed contrast pair, with the pointer of the branding field that caused it. */
interface ContrastFailure {
  readonly pointer: string;
  readonly colour: string;
  readonly against: string;
  readonly ratio: number;
  readonly needed: number;
}

/** Every pair of an appearance's colours that fails WCAG 2.1 AA. */
export function contrastFailures(c: ThemeColours): ContrastFailure[] {
  const pairs: [string, string, string, string, number][] = [
    ['/branding/primary', c.primary, 'background', c.background, AA_TEXT], // links
    ['/branding/primary', c.primary, 'header text', c.onPrimary, AA_TEXT], // the header
    ['/branding/accent', c.accent, 'background', c.background, AA_NON_TEXT], // the focus ring
    ['/theme', c.text, 'background', c.background, AA_TEXT],
    ['/theme', c.muted, 'background', c.background, AA_TEXT],
  ];
  return pairs
    .map(([pointer, colour, against, other, needed]) => ({ pointer, colour, against, ratio: contrastRatio(colour, other), needed }))
    .filter((f) => f.ratio < f.needed);
}

/** The settings schema subset a contributed block may declare: a flat object of strings, integers, numbers and booleans. */
interface FlatProperty {
  readonly type?: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
}

/** Checks `settings` against a flat object schema; returns the first problem, or null. */
export function flatSettingsProblem(schema: Readonly<Record<string, unknown>>, settings: Readonly<Record<string, unknown>>): string | null {
  const properties = (schema.properties ?? {}) as Record<string, FlatProperty>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const key of required) if (!(key in settings)) return `${key} is required`;
  for (const [key, value] of Object.entries(settings)) {
    const p = properties[key];
    if (!p) return `${key} is not a setting of the block`;
    if (p.enum && !p.enum.includes(value)) return `${key} must be one of ${p.enum.join(', ')}`;
    if (p.type === 'string') {
      if (typeof value !== 'string') return `${key} must be text`;
      if (value.length > (p.maxLength ?? 500)) return `${key} is longer than ${p.maxLength ?? 500}`;
      if (p.pattern && !new RegExp(p.pattern, 'u').test(value)) return `${key} does not match ${p.pattern}`;
    } else if (p.type === 'integer' || p.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || (p.type === 'integer' && !Number.isInteger(value))) return `${key} must be a ${p.type}`;
      if ((p.minimum !== undefined && value < p.minimum) || (p.maximum !== undefined && value > p.maximum)) return `${key} must be in ${p.minimum ?? '…'}–${p.maximum ?? '…'}`;
    } else if (p.type === 'boolean') {
      if (typeof value !== 'boolean') return `${key} must be true or false`;
    } else {
      return `${key} has a type the editor cannot check`;
    }
  }
  return null;
}

/** The settings schemas of the portal's built-in blocks. */
export const BUILTIN_BLOCK_SCHEMAS: Readonly<Record<string, { readonly label: { vi: string; en: string }; readonly settingsSchema: Readonly<Record<string, unknown>> }>> = {
  [BUILTIN_HOME_BLOCKS.latestNews]: {
    label: { vi: 'Tin mới', en: 'Latest news' },
    settingsSchema: { type: 'object', additionalProperties: false, properties: { count: { type: 'integer', minimum: 1, maximum: 20 }, category: { type: 'string', maxLength: 200, pattern: '^[a-z0-9-]*$' } } },
  },
  [BUILTIN_HOME_BLOCKS.leaders]: { label: { vi: 'Lãnh đạo', en: 'Leadership' }, settingsSchema: { type: 'object', additionalProperties: false, properties: {} } },
  [BUILTIN_HOME_BLOCKS.contacts]: { label: { vi: 'Liên hệ', en: 'Contact' }, settingsSchema: { type: 'object', additionalProperties: false, properties: {} } },
  [BUILTIN_HOME_BLOCKS.legalDocuments]: {
    label: { vi: 'Văn bản mới', en: 'Latest legal documents' },
    settingsSchema: { type: 'object', additionalProperties: false, properties: { count: { type: 'integer', minimum: 1, maximum: 20 } } },
  },
};

/**
 * An appearance as sent by an admin, normalised and checked: an approved theme, colours that keep AA
 * contrast, image URLs the site may show, and blocks that exist with valid settings. Throws
 * problem+json errors naming the field (`/branding/primary`, `/home/2/settings`).
 */
export function checkAppearance(input: Appearance, blocks: readonly HomeBlock[]): Appearance {
  if (!approvedTheme(input.theme)) throw SITES_ERR_THEME_UNKNOWN.create({ theme: input.theme }, { errors: [{ in: 'body', pointer: '/theme', message: 'is not an approved theme', keyword: 'enum' }] });
  const colour = (field: 'primary' | 'accent') => {
    const raw = input.branding[field];
    if (raw === null) return null;
    const value = normalizeColour(raw);
    if (value === null) throw SITES_ERR_BRANDING_INVALID.create({ field, reason: 'a colour is written #rrggbb' }, { errors: [{ in: 'body', pointer: `/branding/${field}`, message: 'must be a colour #rrggbb', keyword: 'pattern' }] });
    return value;
  };
  const text = (value: string | null) => (value === null ? null : normalizeText(value).trim() || null);
  const branding: Branding = { primary: colour('primary'), accent: colour('accent'), logo: text(input.branding.logo), logoAlt: text(input.branding.logoAlt) };
  if (branding.logo !== null && !IMAGE_URL.test(branding.logo)) {
    throw SITES_ERR_BRANDING_INVALID.create({ field: 'logo', reason: 'the logo is a media-library path (/media/…) or an https:// address' }, { errors: [{ in: 'body', pointer: '/branding/logo', message: 'must be /media/… or https://…', keyword: 'pattern' }] });
  }
  const failure = contrastFailures(colours({ theme: input.theme, branding }))[0];
  if (failure) {
    throw SITES_ERR_COLOUR_CONTRAST.create(
      { colour: failure.colour, ratio: shownRatio(failure.ratio), against: failure.against, needed: failure.needed },
      { errors: [{ in: 'body', pointer: failure.pointer, message: `contrast ${shownRatio(failure.ratio)}:1 against the ${failure.against} is below ${failure.needed}:1`, keyword: 'contrast' }] },
    );
  }
  const home = input.home === null ? null : input.home.map((entry, i) => checkEntry(entry, i, blocks));
  return { theme: input.theme, branding, home };
}

function checkEntry(entry: HomeLayoutEntry, index: number, blocks: readonly HomeBlock[]): HomeLayoutEntry {
  const settings = entry.settings ?? {};
  const unknown = () => SITES_ERR_HOME_BLOCK_UNKNOWN.create({ block: entry.block }, { errors: [{ in: 'body', pointer: `/home/${index}/block`, message: 'is not a home-page block', keyword: 'enum' }] });
  const own = OWN_BLOCKS.get(entry.block);
  const contributed = blocks.find((b) => b.id === entry.block);
  const schema = BUILTIN_BLOCK_SCHEMAS[entry.block]?.settingsSchema ?? contributed?.settingsSchema ?? (contributed ? { properties: {} } : undefined);
  if (!own && !schema) throw unknown();
  const problem = own ? own.check(settings) : flatSettingsProblem(schema!, settings);
  if (problem) throw SITES_ERR_HOME_BLOCK_SETTINGS.create({ block: entry.block, reason: problem }, { errors: [{ in: 'body', pointer: `/home/${index}/settings`, message: problem, keyword: 'settings' }] });
  return { block: entry.block, settings };
}
