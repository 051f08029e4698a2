import { html, type HomeBlock } from '@cong/plugin-portal/api';

/** An image address the public site may show: a site-relative media-library path or an https URL. */
export const IMAGE_URL = /^(\/media\/[\w.\-/]{1,300}|https:\/\/[^\s"'<>]{1,1000})$/;
const HTTPS_URL = /^https:\/\/[^\s"'<>]{1,1000}$/;

/** A block of the sites plugin: rendered only where a unit's home layout names it, with its own settings check. */
interface OwnBlock extends HomeBlock {
  /** The first problem with `settings`, or null. */
  check(settings: Readonly<Record<string, unknown>>): string | null;
}

const t = (lang: string, vi: string, en: string) => (lang === 'vi' ? vi : en);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

interface ServiceLink {
  readonly title: string;
  readonly url: string;
}

/** Links to online public services (dịch vụ công trực tuyến): a list of title + https URL. */
const servicesBlock: OwnBlock = {
  id: 'sites.public-services',
  order: 900,
  layoutOnly: true,
  label: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['links'],
    properties: {
      heading: { type: 'string', maxLength: 200 },
      links: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'object', additionalProperties: false, required: ['title', 'url'], properties: { title: { type: 'string', maxLength: 200 }, url: { type: 'string', pattern: '^https://', maxLength: 1000 } } } },
    },
  },
  check(settings) {
    for (const key of Object.keys(settings)) if (key !== 'heading' && key !== 'links') return `${key} is not a setting of the block`;
    if (settings.heading !== undefined && !isText(settings.heading, 200)) return 'heading must be text of at most 200 characters';
    const links = settings.links;
    if (!Array.isArray(links) || links.length === 0 || links.length > 20) return 'links must list 1 to 20 links';
    for (const [i, link] of links.entries()) {
      const l = link as Record<string, unknown>;
      if (typeof l !== 'object' || l === null || Object.keys(l).some((k) => k !== 'title' && k !== 'url')) return `links/${i} must have a title and a url only`;
      if (!isText(l.title, 200)) return `links/${i}/title must be text of at most 200 characters`;
      if (typeof l.url !== 'string' || !HTTPS_URL.test(l.url)) return `links/${i}/url must be an https:// address`;
    }
    return null;
  },
  render({ lang, settings }) {
    const links = (settings?.links ?? []) as readonly ServiceLink[];
    if (links.length === 0) return null;
    const heading = typeof settings?.heading === 'string' ? settings.heading : t(lang, 'Dịch vụ công trực tuyến', 'Online public services');
    return html`<h2>${heading}</h2><ul class="links">${links.map((l) => html`<li><a href="${l.url}" rel="noopener">${l.title}</a></li>`)}</ul>`;
  },
};

/** A banner image (with its text alternative), optionally a link. */
const bannerBlock: OwnBlock = {
  id: 'sites.banner',
  order: 901,
  layoutOnly: true,
  label: { vi: 'Ảnh băng rôn', en: 'Banner image' },
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['image', 'alt'],
    properties: { image: { type: 'string', maxLength: 1000 }, alt: { type: 'string', maxLength: 300 }, link: { type: 'string', pattern: '^https://', maxLength: 1000 } },
  },
  check(settings) {
    for (const key of Object.keys(settings)) if (!['image', 'alt', 'link'].includes(key)) return `${key} is not a setting of the block`;
    if (typeof settings.image !== 'string' || !IMAGE_URL.test(settings.image)) return 'image must be a media-library path (/media/…) or an https:// address';
    if (!isText(settings.alt, 300)) return 'alt (the text alternative) is required, at most 300 characters';
    if (settings.link !== undefined && (typeof settings.link !== 'string' || !HTTPS_URL.test(settings.link))) return 'link must be an https:// address';
    return null;
  },
  render({ settings }) {
    if (typeof settings?.image !== 'string' || typeof settings.alt !== 'string') return null;
    const image = html`<img src="${settings.image}" alt="${settings.alt}" style="max-width:100%;height:auto">`;
    return typeof settings.link === 'string' ? html`<a href="${settings.link}">${image}</a>` : image;
  },
};

/** The sites plugin's own home-page blocks, by id. */
export const OWN_BLOCKS: ReadonlyMap<string, OwnBlock> = new Map([servicesBlock, bannerBlock].map((b) => [b.id, b]));
