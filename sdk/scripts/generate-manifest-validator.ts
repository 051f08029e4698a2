// Writes src/plugin/manifest-validator.generated.js from schemas/manifest.schema.json, so checking
// a manifest needs no schema compilation at start-up. Run after changing the schema:
// `npx -y tsx sdk/scripts/generate-manifest-validator.ts` (a test says when the file is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { manifestValidatorSource } from '../src/plugin/manifest-validator-source.js';

const target = fileURLToPath(new URL('../src/plugin/manifest-validator.generated.js', import.meta.url));
writeFileSync(target, manifestValidatorSource());
console.log(`wrote ${target}`);
