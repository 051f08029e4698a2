import { defineSchema } from '@cong/sdk';
import type { Greeting } from '../api/index.js';

const greetingProperties = {
  id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  message: { type: 'string' },
  language: { enum: ['vi', 'en'] },
  createdAt: { type: 'string', format: 'date-time' },
  deliveredAt: { type: ['string', 'null'], format: 'date-time' },
} as const;

export const greetingSchema = defineSchema<Greeting>({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(greetingProperties),
  properties: greetingProperties,
});

/** Body of `POST /api/hello/greetings`. */
export const createGreetingBody = defineSchema<{ name: string; message?: string; language?: 'vi' | 'en' }>({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, description: 'Who is greeted (người được chào).' },
    message: { type: 'string', maxLength: 500, default: '' },
    language: { enum: ['vi', 'en'], description: 'Default: the unit\'s setting `defaultLanguage`.' },
  },
});

export const listGreetingsQuery = defineSchema<{ limit: number; offset: number; language?: 'vi' | 'en' }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
    language: { enum: ['vi', 'en'] },
  },
});

export const greetingPage = defineSchema<{ items: Greeting[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: greetingSchema },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});

export const greetingIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});

/** Query of the public `GET /hello/greetings/latest` (the widget's data). */
export const latestGreetingsQuery = defineSchema<{ limit: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 20, default: 5 } },
});

/** A greeting as the public sees it: what the admin list shows, without the delivery state. */
export type PublicGreeting = Pick<Greeting, 'id' | 'name' | 'message' | 'language' | 'createdAt'>;

export const latestGreetingsResponse = defineSchema<{ items: PublicGreeting[]; signature: string | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'signature'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'message', 'language', 'createdAt'],
        properties: {
          id: greetingProperties.id,
          name: greetingProperties.name,
          message: greetingProperties.message,
          language: greetingProperties.language,
          createdAt: greetingProperties.createdAt,
        },
      },
    },
    signature: { type: ['string', 'null'] },
  },
});
