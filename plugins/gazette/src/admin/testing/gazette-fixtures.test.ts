// The browser tests answer with the fixtures of gazette-fixtures.ts; this checks, in Node, that those
// answers pass the server's own response schemas (the ones the routes declare), so the pages are
// tested against the API's real shape and not against a guess of it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compareTexts } from '../../comparison/word-diff.js';
import { documentTypesSchema, submissionDetailSchema, submissionPageSchema } from '../../intake/submission.schema.js';
import { dashboardSchema, roundDetailSchema } from '../../review/comparison.schema.js';
import { dashboard, deadlineItem, detail, documentTypes, file, page, round, submission, TU_PHAP } from './gazette-fixtures.js';

// ajv as the platform compiles route schemas (JSON Schema 2020-12, full formats), reached through the
// SDK's own dependencies: the plugin does not depend on ajv itself.
const fromSdk = createRequire(createRequire(import.meta.url).resolve('@cong/sdk'));
type Validate = ((value: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const { Ajv2020 } = fromSdk('ajv/dist/2020.js') as { Ajv2020: new (options: object) => { compile(schema: object): Validate } };
const { fullFormats } = fromSdk('ajv-formats/dist/formats.js') as { fullFormats: object };
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true, validateSchema: false, keywords: ['example'], formats: fullFormats });

function problems(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('the admin tests\' fixtures', () => {
  const comparison = compareTexts('Mức thu là 150.000 đồng.', 'Mức thu là 15.000 đồng.');
  const returned = detail({ status: 'returned', round: 1, files: [file('original'), file('electronic')], flags: [{ code: 'marker-missing', message: { vi: 'Thiếu dòng “Công báo”', en: 'No marker' } }], register: { year: 2026, number: 57, label: '57/2026', registeredAt: '2026-11-21T03:00:00.000Z', registeredBy: 'tiep-nhan' } });

  it('match the submission responses', () => {
    expect(problems(submissionDetailSchema, detail())).toEqual([]);
    expect(problems(submissionDetailSchema, returned)).toEqual([]);
    expect(problems(submissionPageSchema, page([submission(), submission({ status: 'sent', sentAt: '2026-11-21T02:00:00.000Z' })]))).toEqual([]);
    expect(problems(documentTypesSchema, documentTypes)).toEqual([]);
  });

  it('match the round response, with the segments and discrepancies of the real word diff', () => {
    const value = round({
      submissionId: returned.id,
      segments: comparison.segments.map((s) => ({ op: s.op, text: s.text })),
      discrepancies: comparison.discrepancies.map((d) => ({ original: d.original, electronic: d.electronic, before: d.before, after: d.after })),
    });
    expect(problems(roundDetailSchema, value)).toEqual([]);
  });

  it('match the deadline dashboard response', () => {
    const value = dashboard([deadlineItem({ submission: submission({ issuer: TU_PHAP }) }), deadlineItem({ submission: submission(), state: 'at-risk', stage: 'send', cause: 'issuer-not-sent' })]);
    expect(problems(dashboardSchema, value)).toEqual([]);
  });

  it('would catch a fixture off the API\'s shape', () => {
    expect(problems(submissionDetailSchema, { ...detail(), status: 'lost' })).not.toEqual([]);
    expect(problems(roundDetailSchema, { ...round({ submissionId: 'x', segments: [], discrepancies: [] }), reviewerNotes: undefined })).not.toEqual([]);
  });
});
