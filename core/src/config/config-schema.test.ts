import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, it } from 'vitest';
import { configSchema } from './config-schema.js';
import { configValidatorSource } from './config-validator-source.js';

// core/config.schema.json is what editors read through "$schema"; it must be the schema the core uses.
it('the published config.schema.json is the schema the core validates with, and is valid 2020-12', () => {
  const published = JSON.parse(readFileSync(new URL('../../config.schema.json', import.meta.url), 'utf8'));
  expect(published).toEqual(JSON.parse(JSON.stringify(configSchema)));
  const ajv = new Ajv2020({ strict: false });
  expect(ajv.validateSchema(published)).toBe(true);
});

it('the generated validator is current (else run: npx -y tsx core/scripts/generate-config-validator.ts)', () => {
  const committed = readFileSync(new URL('./config-validator.generated.js', import.meta.url), 'utf8');
  expect(committed).toBe(configValidatorSource());
});
