import { defineSchema } from '@cong/sdk';
import { UNIT_KINDS, type UnitKind } from '../registry/site.schema.js';

export interface ProvisioningBody {
  tree?: { root?: string; kinds?: UnitKind[]; includeRoot?: boolean };
  csv?: string;
  template?: string;
  initialStatus?: 'draft' | 'live';
  dryRun?: boolean;
}

export const provisioningBody = defineSchema<ProvisioningBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    tree: {
      type: 'object',
      additionalProperties: false,
      description: 'Every active unit under `root` (slug or id; default the unit the call names), optionally only some kinds; the root itself only with `includeRoot`.',
      properties: {
        root: { type: 'string', minLength: 1, maxLength: 100 },
        kinds: { type: 'array', uniqueItems: true, maxItems: UNIT_KINDS.length, items: { enum: [...UNIT_KINDS] } },
        includeRoot: { type: 'boolean', default: false },
      },
    },
    csv: { type: 'string', minLength: 1, maxLength: 1_000_000, description: 'CSV text with the header slug,template,primary_host,alias_hosts,status,go_live_on,notes (slug required; alias hosts separated by ";").' },
    template: { type: 'string', maxLength: 40, description: 'Every site\'s template; without it a CSV line\'s, the site\'s own, or the default of the unit\'s kind.' },
    initialStatus: { enum: ['draft', 'live'], default: 'draft', description: 'Status of the sites the run creates.' },
    dryRun: { type: 'boolean', default: false, description: 'Report what would change and write nothing.' },
  },
  oneOf: [{ required: ['tree'] }, { required: ['csv'] }],
});

const siteReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'unitId', 'slug', 'name', 'action', 'template', 'changes', 'error'],
  properties: {
    line: { type: ['integer', 'null'], description: 'The CSV line.' },
    unitId: { type: ['string', 'null'] },
    slug: { type: 'string' },
    name: { type: ['string', 'null'] },
    action: { enum: ['create', 'update', 'unchanged', 'error'] },
    template: { type: ['string', 'null'] },
    changes: { type: 'array', items: { type: 'string' } },
    error: { type: ['object', 'null'], additionalProperties: false, required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

const countsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['create', 'update', 'unchanged', 'error'],
  properties: { create: { type: 'integer' }, update: { type: 'integer' }, unchanged: { type: 'integer' }, error: { type: 'integer' } },
} as const;

export const provisioningReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dryRun', 'domain', 'roles', 'counts', 'sites'],
  properties: {
    dryRun: { type: 'boolean' },
    domain: { type: 'string' },
    roles: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id', 'action'], properties: { id: { type: 'string' }, action: { enum: ['create', 'unchanged'] } } },
    },
    counts: countsSchema,
    sites: { type: 'array', items: siteReportSchema },
  },
} as const;

const text = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;

export const templateListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'kinds', 'pages', 'menus', 'mandatedSections', 'roles', 'theme'],
        properties: {
          id: { type: 'string' },
          label: text,
          kinds: { type: 'array', items: { type: 'string' } },
          pages: { type: 'array', items: { type: 'string' }, description: 'Slugs of the pages it creates.' },
          menus: { type: 'array', items: { type: 'string' }, description: 'Menu locations it fills.' },
          mandatedSections: { type: 'boolean' },
          roles: { type: 'array', items: { type: 'string' } },
          theme: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
} as const;
