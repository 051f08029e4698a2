import { defineSchema, NotFoundError, respond, type RouteBuilder } from '@cong/sdk';
import type { DefaultCalendarService } from '../calendar/default-calendar-service.js';
import type { DefaultRulesService, RuleVersion } from '../rules/default-rules-service.js';
import type { CoreApiDeps } from './core-api-deps.js';

const dayProperties = {
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  kind: { enum: ['holiday', 'day-off', 'working-day'] },
  name: {
    type: 'object',
    additionalProperties: false,
    required: ['vi'],
    properties: { vi: { type: 'string', minLength: 1, maxLength: 200 }, en: { type: 'string', maxLength: 200 } },
  },
  citation: { type: 'string', maxLength: 300 },
} as const;
const daySchema = { type: 'object', additionalProperties: false, required: ['date', 'kind', 'name'], properties: dayProperties } as const;
const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'value', 'effectiveFrom', 'effectiveTo', 'citation', 'version'],
  properties: {
    name: { type: 'string' },
    value: {},
    effectiveFrom: { type: 'string' },
    effectiveTo: { type: ['string', 'null'] },
    citation: { type: 'string' },
    version: { type: 'string' },
    source: { enum: ['pack', 'admin'] },
    description: { type: ['string', 'null'] },
    owner: { type: 'string', description: 'The plugin whose id prefixes the name.' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string', description: 'The administrator, or `pack:<owner>` for a version shipped in a rule pack.' },
  },
} as const;

/** A stored rule version as the API shows it (times as ISO strings). */
const shownRule = (v: RuleVersion) => ({ ...v, createdAt: new Date(Number(v.createdAt)).toISOString() });

/** Public holidays per year and legal rule versions: readable by staff, changed by their managers. */
export function calendarRoutes(route: RouteBuilder, deps: CoreApiDeps & { readonly calendar: DefaultCalendarService; readonly rules: DefaultRulesService }): void {
  route.get('/calendar/:year', {
    summary: { vi: 'Ngày nghỉ lễ, nghỉ bù, làm bù trong năm', en: 'Special days of a year' },
    permission: 'core.calendar.manage',
    schema: {
      params: defineSchema<{ year: number }>({ type: 'object', additionalProperties: false, required: ['year'], properties: { year: { type: 'integer', minimum: 1900, maximum: 2999 } } }),
      response: { 200: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: daySchema } } } },
    },
    handler: async (req) => ({ items: await deps.calendar.specialDays(req.params.year) }),
  });

  route.put('/calendar/days/:date', {
    summary: { vi: 'Đặt ngày nghỉ hoặc ngày làm bù', en: 'Set a special day' },
    permission: 'core.calendar.manage',
    schema: {
      params: defineSchema<{ date: string }>({ type: 'object', additionalProperties: false, required: ['date'], properties: { date: dayProperties.date } }),
      body: defineSchema<{ kind: 'holiday' | 'day-off' | 'working-day'; name: { vi: string; en?: string }; citation?: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'name'],
        properties: { kind: dayProperties.kind, name: dayProperties.name, citation: dayProperties.citation },
      }),
    },
    handler: async (req) => {
      const day = { date: req.params.date, ...req.body };
      await deps.calendar.setDay({ ...day, updatedBy: req.principal!.id });
      await deps.audit.record({ action: 'core.calendar.set', objectType: 'calendar-day', objectId: day.date, tenantId: null, after: day }, { request: req });
      return respond(204);
    },
  });

  route.get('/rules/:name', {
    summary: { vi: 'Các phiên bản của một tham số pháp lý', en: 'Versions of a legal rule' },
    permission: 'core.rules.manage',
    schema: {
      params: defineSchema<{ name: string }>({ type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[A-Za-z0-9.-]+$', maxLength: 160 } } }),
      response: { 200: { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: ruleSchema } } } },
    },
    handler: async (req) => {
      const items = await deps.rules.history(req.params.name);
      if (items.length === 0) throw new NotFoundError(`No rule ${req.params.name}`);
      return { items: items.map(shownRule) };
    },
  });

  route.post('/rules', {
    summary: { vi: 'Ban hành phiên bản mới của tham số pháp lý', en: 'Set a new version of a rule' },
    description: 'From its effective date the new value applies; the version in force before it ends the day before.',
    permission: 'core.rules.manage',
    schema: {
      body: defineSchema<{ name: string; value: unknown; effectiveFrom: string; citation: string; description?: string }>({
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value', 'effectiveFrom', 'citation'],
        properties: {
          name: { type: 'string', maxLength: 160 },
          value: {},
          effectiveFrom: dayProperties.date,
          citation: { type: 'string', minLength: 1, maxLength: 300 },
          description: { type: 'string', maxLength: 1000 },
        },
      }),
      response: { 201: ruleSchema },
    },
    handler: async (req) => {
      const version = await deps.rules.set({ ...req.body, createdBy: req.principal!.id });
      await deps.audit.record({ action: 'core.rule.set', objectType: 'rule', objectId: version.name, tenantId: null, after: req.body }, { request: req });
      return respond(201, shownRule(version));
    },
  });
}
