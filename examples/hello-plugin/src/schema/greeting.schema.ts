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
    language: { enum: ['vi', 'en'], default: 'vi' },
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
