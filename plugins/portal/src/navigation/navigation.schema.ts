import { defineSchema } from '@cong/sdk';
import type { Banner, BannerInput } from './banner.repository.js';
import type { Menu, MenuItemInput } from './menu.service.js';
import { BANNER_PLACEMENTS, MENU_LOCATIONS, MENU_TARGET_KINDS, type MenuLocation } from './navigation-database.js';

// ─── Menus ──────────────────────────────────────────────────────────────────────────────────
export const menuParams = defineSchema<{ location: MenuLocation }>({
  type: 'object',
  additionalProperties: false,
  required: ['location'],
  properties: { location: { enum: MENU_LOCATIONS, description: '`main`: the header navigation; `footer`: the footer links; `quick-links`: the footer\'s quick links.' } },
});

const label = {
  type: 'object',
  additionalProperties: false,
  required: ['vi'],
  properties: { vi: { type: 'string', minLength: 1, maxLength: 200 }, en: { type: ['string', 'null'], maxLength: 200 } },
} as const;

const target = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { enum: MENU_TARGET_KINDS },
    value: { type: 'string', maxLength: 1000, description: 'category, page, article: a slug of the unit; path: a site path (/lien-he); url: an https URL; legal: empty.' },
  },
} as const;

const leafItem = {
  type: 'object',
  additionalProperties: false,
  required: ['label', 'target'],
  properties: { label, target, newTab: { type: 'boolean', default: false } },
} as const;

export const putMenuBody = defineSchema<{ items: MenuItemInput[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      maxItems: 60,
      description: 'The whole menu, in order. Two levels: an item\'s children have no children. At most 60 items in all.',
      items: { ...leafItem, properties: { ...leafItem.properties, children: { type: 'array', maxItems: 60, items: leafItem } } },
    },
  },
});

const itemOut = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'target', 'newTab', 'href'],
  properties: {
    id: { type: 'string' },
    label: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: ['string', 'null'] } } },
    target: { type: 'object', additionalProperties: false, required: ['kind', 'value'], properties: { kind: { enum: MENU_TARGET_KINDS }, value: { type: 'string' } } },
    newTab: { type: 'boolean' },
    href: { type: 'string', description: 'The language-neutral site path, or the external URL.' },
  },
} as const;

export const menuSchema = defineSchema<Menu>({
  type: 'object',
  additionalProperties: false,
  required: ['location', 'items', 'updatedAt', 'updatedBy'],
  properties: {
    location: { enum: MENU_LOCATIONS },
    items: {
      type: 'array',
      items: { ...itemOut, required: [...itemOut.required, 'children'], properties: { ...itemOut.properties, children: { type: 'array', items: { ...itemOut, required: [...itemOut.required, 'children'], properties: { ...itemOut.properties, children: { type: 'array', maxItems: 0 } } } } } },
    },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
    updatedBy: { type: ['string', 'null'] },
  },
});

// ─── Banners ────────────────────────────────────────────────────────────────────────────────
const time = { type: ['string', 'null'], format: 'date-time' } as const;
const bannerInputProperties = {
  placement: { enum: BANNER_PLACEMENTS },
  imageUrl: { type: 'string', minLength: 1, maxLength: 1000, description: 'https:// or the platform\'s files (/files/…).' },
  alt: {
    type: 'object',
    additionalProperties: false,
    required: ['vi', 'en'],
    description: 'Alternative text (WCAG 1.1.1), required in both languages.',
    properties: { vi: { type: 'string', minLength: 1, maxLength: 300 }, en: { type: 'string', minLength: 1, maxLength: 300 } },
  },
  linkUrl: { type: ['string', 'null'], maxLength: 1000, description: 'An https URL or a site path (/trang/…); null: no link.' },
  startsAt: { ...time, description: 'Shown from this time; null: from now on.' },
  endsAt: { ...time, description: 'Hidden from this time; null: no end.' },
  order: { type: 'integer', minimum: -100000, maximum: 100000 },
  active: { type: 'boolean' },
} as const;

export const createBannerBody = defineSchema<BannerInput & Pick<Required<BannerInput>, 'placement' | 'imageUrl' | 'alt'>>({
  type: 'object',
  additionalProperties: false,
  required: ['placement', 'imageUrl', 'alt'],
  properties: bannerInputProperties,
});

export const updateBannerBody = defineSchema<BannerInput>({ type: 'object', additionalProperties: false, minProperties: 1, properties: bannerInputProperties });

export const bannerIdParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } });

const bannerProperties = {
  id: { type: 'string' },
  placement: { enum: BANNER_PLACEMENTS },
  imageUrl: { type: 'string' },
  alt: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
  linkUrl: { type: ['string', 'null'] },
  startsAt: time,
  endsAt: time,
  order: { type: 'integer' },
  active: { type: 'boolean' },
  state: { enum: ['scheduled', 'showing', 'ended', 'inactive'] },
  createdBy: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

export const bannerSchema = defineSchema<Banner>({ type: 'object', additionalProperties: false, required: Object.keys(bannerProperties), properties: bannerProperties });

export const bannerList = defineSchema<{ items: Banner[] }>({ type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: bannerSchema } } });

export const bannerListQuery = defineSchema<{ placement?: (typeof BANNER_PLACEMENTS)[number] }>({
  type: 'object',
  additionalProperties: false,
  properties: { placement: { enum: BANNER_PLACEMENTS } },
});

export const siteClockResponse = defineSchema<{ refreshed: boolean }>({
  type: 'object',
  additionalProperties: false,
  required: ['refreshed'],
  properties: { refreshed: { type: 'boolean', description: 'A banner or alert window of this unit opened or closed in the last two minutes: its cached pages were dropped.' } },
});
