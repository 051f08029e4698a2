import { APPROVED_THEMES } from './approved-themes.js';

const colour = { type: ['string', 'null'], maxLength: 7, description: '#rrggbb (or #rgb); null keeps the theme\'s colour.' } as const;
const label = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;

const branding = {
  type: 'object',
  additionalProperties: false,
  required: ['primary', 'accent', 'logo', 'logoAlt'],
  properties: {
    primary: colour,
    accent: colour,
    logo: { type: ['string', 'null'], maxLength: 1000, description: 'A media-library path (/media/…) or an https:// address; null for the emblem.' },
    logoAlt: { type: ['string', 'null'], maxLength: 300 },
  },
} as const;

const scalar = { type: ['string', 'number', 'boolean'], maxLength: 2000 } as const;
const settingValue = {
  anyOf: [scalar, { type: 'array', maxItems: 30, items: { anyOf: [scalar, { type: 'object', maxProperties: 10, additionalProperties: scalar }] } }],
} as const;

const homeEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['block'],
  properties: {
    block: { type: 'string', minLength: 1, maxLength: 100 },
    // Each block's own settings schema is checked by the service (the field named in the error); here
    // only the shape: scalars, or lists of scalars or of small flat objects (the services block's links).
    settings: { type: 'object', maxProperties: 20, additionalProperties: settingValue },
  },
} as const;

/** An appearance as sent and as answered. */
export const appearanceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['theme', 'branding', 'home'],
  properties: {
    theme: { type: 'string', enum: APPROVED_THEMES.map((t) => t.id) },
    branding,
    home: { type: ['array', 'null'], maxItems: 30, items: homeEntry, description: 'Ordered blocks of the home page; null for the portal\'s default home page.' },
  },
} as const;

const appearanceOrNull = { ...appearanceSchema, type: ['object', 'null'] } as const;

export const appearanceViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['published', 'draft', 'previewToken', 'fromTemplate', 'publishedAt', 'publishedBy', 'updatedAt'],
  properties: {
    published: appearanceSchema,
    draft: appearanceOrNull,
    previewToken: { type: ['string', 'null'], description: 'Open the site with ?xem-truoc=<token> to see the draft.' },
    fromTemplate: { type: 'boolean' },
    publishedAt: { type: ['string', 'null'] },
    publishedBy: { type: ['string', 'null'] },
    updatedAt: { type: ['string', 'null'] },
  },
} as const;

export const catalogueSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['themes', 'blocks'],
  properties: {
    themes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'colours'],
        properties: {
          id: { type: 'string' },
          label,
          colours: {
            type: 'object',
            additionalProperties: false,
            required: ['primary', 'onPrimary', 'accent', 'text', 'background', 'muted'],
            properties: { primary: { type: 'string' }, onPrimary: { type: 'string' }, accent: { type: 'string' }, text: { type: 'string' }, background: { type: 'string' }, muted: { type: 'string' } },
          },
        },
      },
    },
    blocks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'settingsSchema'],
        properties: { id: { type: 'string' }, label, settingsSchema: { type: 'object' } },
      },
    },
  },
} as const;

/** The parts the province locks for every site. */
export const networkAppearanceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['headerLine', 'footerNote'],
  properties: {
    headerLine: { type: 'string', maxLength: 200, description: 'A line above each unit\'s name in the header (the province\'s name); empty for none.' },
    footerNote: { type: 'string', maxLength: 500, description: 'A line in each site\'s footer (the governing body, the licence); empty for none.' },
  },
} as const;
