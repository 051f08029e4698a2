import type { ValidateFunction } from 'ajv';

/** The config schema, compiled ahead of time (see config-validator-source.ts). */
declare const validate: ValidateFunction;
export default validate;
export { validate };
