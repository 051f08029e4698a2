import { defineSchema } from '@cong/sdk';
import type { Lang, Languages } from '../site/languages.js';
import type { AlertScope, AlertSeverity } from './alerts-database.js';

export type AlertState = 'scheduled' | 'active' | 'ended';

/** An alert as the admin API returns it. */
export interface Alert {
  readonly id: string;
  readonly message: { readonly vi: string; readonly en: string | null };
  readonly severity: AlertSeverity;
  readonly scope: AlertScope;
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly state: AlertState;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An alert as a unit's site (and the widget) sees it. */
export interface PublicAlert {
  readonly id: string;
  readonly message: string;
  readonly lang: 'vi' | 'en';
  readonly severity: AlertSeverity;
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly unit: { readonly slug: string; readonly name: string };
}

const severity = { enum: ['info', 'warning', 'danger'] } as const;
const scope = { enum: ['unit', 'subtree'], description: '`unit`: this unit\'s site only; `subtree`: also every unit below (from the province: sitewide).' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const messageVi = { type: 'string', minLength: 1, maxLength: 1000 } as const;
const messageEn = { type: ['string', 'null'], maxLength: 1000 } as const;

const alertProperties = {
  id: { type: 'string' },
  message: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: ['string', 'null'] } } },
  severity,
  scope,
  startsAt: time,
  endsAt: { type: ['string', 'null'], format: 'date-time' },
  state: { enum: ['scheduled', 'active', 'ended'] },
  createdBy: { type: 'string' },
  createdAt: time,
  updatedAt: time,
} as const;

export const alertSchema = defineSchema<Alert>({ type: 'object', additionalProperties: false, required: Object.keys(alertProperties), properties: alertProperties });

export const alertPage = defineSchema<{ items: Alert[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: alertSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const listAlertsQuery = defineSchema<{ state?: AlertState; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { enum: ['scheduled', 'active', 'ended'] },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export interface CreateAlertBody {
  message: { vi: string; en?: string | null };
  severity: AlertSeverity;
  scope?: AlertScope;
  startsAt?: string;
  endsAt?: string | null;
}

export const createAlertBody = defineSchema<CreateAlertBody>({
  type: 'object',
  additionalProperties: false,
  required: ['message', 'severity'],
  properties: {
    message: { type: 'object', additionalProperties: false, required: ['vi'], properties: { vi: messageVi, en: messageEn } },
    severity,
    scope: { ...scope, default: 'unit' },
    startsAt: { ...time, description: 'Default: now.' },
    endsAt: { type: ['string', 'null'], format: 'date-time', description: 'Default: none (shown until ended).' },
  },
});

export const updateAlertBody = defineSchema<Partial<CreateAlertBody>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    message: { type: 'object', additionalProperties: false, required: ['vi'], properties: { vi: messageVi, en: messageEn } },
    severity,
    scope,
    startsAt: time,
    endsAt: { type: ['string', 'null'], format: 'date-time' },
  },
});

export const alertIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});

/** `lang` takes the site's languages; every language but Vietnamese shows the English message, else the Vietnamese. */
export const publicAlertsQuery = (languages: Languages) =>
  defineSchema<{ lang: Lang }>({
    type: 'object',
    additionalProperties: false,
    properties: {
      lang: { enum: [...languages.codes], default: 'vi', description: 'Alerts are written in Vietnamese and English: other languages show the English, and an alert without an English message shows the Vietnamese.' },
    },
  });

export const publicAlertList = defineSchema<{ items: PublicAlert[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'message', 'lang', 'severity', 'startsAt', 'endsAt', 'unit'],
        properties: {
          id: { type: 'string' },
          message: { type: 'string' },
          lang: { enum: ['vi', 'en'] },
          severity,
          startsAt: time,
          endsAt: { type: ['string', 'null'], format: 'date-time' },
          unit: { type: 'object', additionalProperties: false, required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } },
        },
      },
    },
  },
});
