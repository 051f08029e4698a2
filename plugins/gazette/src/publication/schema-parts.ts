// JSON-schema building blocks shared by the publication and correction schemas.
export const date = { type: 'string', format: 'date' } as const;
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] }) as const;
export const id = { type: 'string', minLength: 1, maxLength: 36 } as const;
export const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
export const localized = { type: 'object', additionalProperties: false, required: ['vi'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
