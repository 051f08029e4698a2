import type { ValidateFunction } from 'ajv';

/** The manifest schema, compiled ahead of time (see manifest-validator-source.ts). */
declare const validate: ValidateFunction;
export default validate;
export { validate };
