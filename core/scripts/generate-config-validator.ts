// Writes src/config/config-validator.generated.js: the config schema compiled ahead of time with
// ajv's standalone code, so the platform does not spend ~40 ms compiling it at every start.
// Run after changing config-schema.ts: `npx tsx core/scripts/generate-config-validator.ts` (or let
// the test in config-schema.test.ts tell you the file is stale and print the command).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configValidatorSource } from '../src/config/config-validator-source.js';

const target = fileURLToPath(new URL('../src/config/config-validator.generated.js', import.meta.url));
writeFileSync(target, configValidatorSource());
console.log(`wrote ${target}`);
