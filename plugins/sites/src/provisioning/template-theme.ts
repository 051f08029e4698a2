import { APPROVED_THEMES, DEFAULT_THEME_ID } from '../appearance/approved-themes.js';
import { NO_BRANDING, type Appearance } from '../appearance/appearance-model.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';

/**
 * The initial appearance of a site provisioned from a template: the approved theme whose primary colour
 * the template names (else the default theme with the template's primary and accent as branding), and
 * the portal's default home page. The appearance store (src/appearance) serves it until the unit's site
 * admin publishes an appearance of their own: one source of tokens for the public site (TEN-06).
 */
export function templateAppearance(templateId: string | null): Appearance {
  const tokens = (templateId && BUILTIN_TEMPLATES.get(templateId)?.theme) || {};
  const primary = tokens.primary?.toLowerCase();
  const accent = tokens.accent?.toLowerCase();
  const theme = APPROVED_THEMES.find((t) => t.colours.primary === primary && (!accent || t.colours.accent === accent));
  if (theme || primary === undefined) return { theme: theme?.id ?? DEFAULT_THEME_ID, branding: NO_BRANDING, home: null };
  return { theme: DEFAULT_THEME_ID, branding: { ...NO_BRANDING, primary, accent: accent ?? null }, home: null };
}
