import { msg, str } from '@lit/localize';
import { bilingual, type BilingualText } from '../shared/shared.js';

/** The part of a plugin's config JSON Schema the settings form understands. */
export interface ConfigSchema {
  readonly type?: string | readonly string[];
  readonly title?: BilingualText;
  readonly description?: BilingualText;
  readonly 'x-cong-label'?: BilingualText;
  readonly 'x-cong-description'?: BilingualText;
  readonly 'x-cong-secret'?: boolean;
  readonly 'x-cong-per-tenant'?: boolean;
  /** Set in cong.config.json only: shown read-only, never sent. */
  readonly 'x-cong-file-only'?: boolean;
  readonly writeOnly?: boolean;
  readonly properties?: Readonly<Record<string, ConfigSchema>>;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly items?: ConfigSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly default?: unknown;
  readonly [keyword: string]: unknown;
}

export type FieldKind = 'text' | 'email' | 'url' | 'select' | 'integer' | 'number' | 'boolean' | 'list' | 'group' | 'secret' | 'fileOnly' | 'unsupported';

/** One field of the generated form. */
export interface FieldSpec {
  readonly key: string;
  /** JSON Pointer of the value inside `values` (`/smtp/host`). */
  readonly pointer: string;
  readonly path: readonly string[];
  readonly schema: ConfigSchema;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly children: readonly FieldSpec[];
}

/** The schema's type without `null` (`["string", "null"]` → `string`), inferred when absent. */
export function primaryType(schema: ConfigSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = (types as string[]).find((t) => t !== 'null');
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.enum?.every((v) => typeof v === 'string')) return 'string';
  return undefined;
}

export function isSecret(schema: ConfigSchema): boolean {
  return schema['x-cong-secret'] === true || schema.writeOnly === true;
}

function kindOf(schema: ConfigSchema, path: readonly string[]): FieldKind {
  // The server honours the mark on top-level fields, which come from cong.config.json only.
  if (path.length === 1 && schema['x-cong-file-only'] === true) return 'fileOnly';
  const type = primaryType(schema);
  if (isSecret(schema) && (type === 'string' || type === undefined)) return 'secret';
  if (schema.enum && (type === 'string' || type === 'integer' || type === 'number')) return 'select';
  switch (type) {
    case 'string':
      return schema.format === 'email' ? 'email' : schema.format === 'uri' || schema.format === 'url' ? 'url' : 'text';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return primaryType(schema.items ?? {}) === 'string' ? 'list' : 'unsupported';
    case 'object':
      return 'group';
    default:
      return 'unsupported';
  }
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The form's fields for an object schema, in the schema's order. */
export function fieldsOf(schema: ConfigSchema, path: readonly string[] = []): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => !key.startsWith('$'))
    .map(([key, property]) => {
      const fieldPath = [...path, key];
      const kind = kindOf(property, fieldPath);
      return {
        key,
        path: fieldPath,
        pointer: `/${fieldPath.map(escapePointer).join('/')}`,
        schema: property,
        kind,
        required: required.has(key),
        children: kind === 'group' ? fieldsOf(property, fieldPath) : [],
      };
    });
}

/** Every field, groups and their fields, depth first. */
export function flatten(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => [f, ...flatten(f.children)]);
}

/** The field's label: `x-cong-label` `{ vi, en }`, else `title`, else its key. */
export function fieldLabel(field: FieldSpec): string {
  return bilingual(field.schema['x-cong-label']) ?? bilingual(field.schema.title) ?? field.key;
}

export function fieldDescription(field: FieldSpec): string | undefined {
  return bilingual(field.schema['x-cong-description']) ?? bilingual(field.schema.description);
}

/** The value at a path of a nested object. */
export function valueAt(values: unknown, path: readonly string[]): unknown {
  let current = values;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The control's raw state: text for inputs (a list is one item a line), a boolean for switches. */
export type Draft = Record<string, string | boolean>;

/** The controls' state for stored values; secrets are always blank. */
export function draftOf(fields: readonly FieldSpec[], values: unknown): Draft {
  const draft: Draft = {};
  for (const field of flatten(fields)) {
    const value = valueAt(values, field.path);
    switch (field.kind) {
      case 'group':
      case 'fileOnly':
      case 'unsupported':
        break;
      case 'secret':
        draft[field.pointer] = '';
        break;
      case 'boolean':
        draft[field.pointer] = typeof value === 'boolean' ? value : field.schema.default === true;
        break;
      case 'list':
        draft[field.pointer] = Array.isArray(value) ? value.map(String).join('\n') : '';
        break;
      default:
        draft[field.pointer] = value === undefined || value === null ? '' : String(value);
    }
  }
  return draft;
}

/** What the form knows beyond its controls' text. */
export interface FormState {
  readonly draft: Draft;
  /** Pointers of secrets the user chose to clear. */
  readonly cleared: ReadonlySet<string>;
  /** Pointers of switches the user changed (others are sent only when stored). */
  readonly touched: ReadonlySet<string>;
  /** The stored values, to know which switches and lists this scope has. */
  readonly values: unknown;
  readonly secretsSet: readonly string[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The `values` to PUT: blank optional fields are left out (they inherit), numbers are numbers, a
 * blank secret is left out (the server keeps it) and a cleared one is `null`.
 */
export function payloadOf(fields: readonly FieldSpec[], state: FormState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = state.draft[field.pointer];
    const stored = valueAt(state.values, field.path);
    switch (field.kind) {
      case 'group': {
        const child = payloadOf(field.children, state);
        if (Object.keys(child).length > 0 || field.required) out[field.key] = child;
        break;
      }
      case 'unsupported':
        if (stored !== undefined) out[field.key] = stored; // kept as stored: the form cannot edit it
        break;
      case 'fileOnly':
        break; // the server refuses it: it comes from cong.config.json
      case 'secret':
        if (state.cleared.has(field.pointer)) out[field.key] = null;
        else if (typeof raw === 'string' && raw !== '') out[field.key] = raw;
        break;
      case 'boolean':
        if (stored !== undefined || state.touched.has(field.pointer) || field.required) out[field.key] = raw === true;
        break;
      case 'list': {
        const items = lines(String(raw ?? ''));
        if (items.length > 0 || field.required || (stored !== undefined && state.touched.has(field.pointer))) out[field.key] = items;
        break;
      }
      case 'integer':
      case 'number':
        if (raw !== '' && raw !== undefined) out[field.key] = Number(raw);
        break;
      case 'select': {
        if (raw === '' || raw === undefined) break;
        const option = field.schema.enum!.find((v) => String(v) === raw);
        out[field.key] = option ?? raw;
        break;
      }
      default:
        if (raw !== '' && raw !== undefined) out[field.key] = raw;
    }
  }
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkString(value: string, schema: ConfigSchema): string | undefined {
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) return msg(str`Enter at least ${schema.minLength} characters.`, { id: 'settingsForm.error.minLength' });
  if (schema.maxLength !== undefined && length > schema.maxLength) return msg(str`Enter at most ${schema.maxLength} characters.`, { id: 'settingsForm.error.maxLength' });
  if (schema.format === 'email' && !EMAIL.test(value)) return msg('Enter an e-mail address such as ten@example.gov.vn.', { id: 'settingsForm.error.email' });
  if (schema.format === 'uri' || schema.format === 'url') {
    try {
      new URL(value);
    } catch {
      return msg('Enter a full address starting with https://.', { id: 'settingsForm.error.uri' });
    }
  }
  if (schema.pattern) {
    try {
      if (!new RegExp(schema.pattern, 'u').test(value)) return msg('The value does not have the expected form.', { id: 'settingsForm.error.pattern' });
    } catch {
      // A pattern the browser cannot compile: the server checks it.
    }
  }
  if (schema.enum && !schema.enum.includes(value)) return msg('Choose one of the options.', { id: 'settingsForm.error.enum' });
  return undefined;
}

function checkNumber(raw: string, schema: ConfigSchema, integer: boolean): string | undefined {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return msg('Enter a number.', { id: 'settingsForm.error.number' });
  if (integer && !Number.isInteger(value)) return msg('Enter a whole number.', { id: 'settingsForm.error.integer' });
  if (schema.minimum !== undefined && value < schema.minimum) return msg(str`Enter ${schema.minimum} or more.`, { id: 'settingsForm.error.minimum' });
  if (schema.maximum !== undefined && value > schema.maximum) return msg(str`Enter ${schema.maximum} or less.`, { id: 'settingsForm.error.maximum' });
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    return msg(str`Enter more than ${schema.exclusiveMinimum}.`, { id: 'settingsForm.error.exclusiveMinimum' });
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
    return msg(str`Enter less than ${schema.exclusiveMaximum}.`, { id: 'settingsForm.error.exclusiveMaximum' });
  return undefined;
}

const requiredMessage = () => msg('This field is required.', { id: 'settingsForm.error.required' });

/** Client-side checks mirroring the schema: required, lengths, formats, patterns, ranges, list sizes. */
export function validate(fields: readonly FieldSpec[], state: FormState, errors: Record<string, string> = {}, groupSent = true): Record<string, string> {
  for (const field of fields) {
    const raw = state.draft[field.pointer];
    const text = typeof raw === 'string' ? raw : '';
    switch (field.kind) {
      case 'group': {
        const sent = field.required || Object.keys(payloadOf(field.children, state)).length > 0;
        validate(field.children, state, errors, groupSent && sent);
        break;
      }
      case 'secret': {
        const set = state.secretsSet.includes(field.key) && !state.cleared.has(field.pointer);
        if (text === '') {
          if (field.required && groupSent && !set) errors[field.pointer] = requiredMessage();
        } else {
          const error = checkString(text, field.schema);
          if (error) errors[field.pointer] = error;
        }
        break;
      }
      case 'boolean':
      case 'fileOnly':
      case 'unsupported':
        break;
      case 'list': {
        const items = lines(text);
        if (field.required && groupSent && items.length === 0 && (field.schema.minItems ?? 1) > 0) errors[field.pointer] = requiredMessage();
        else if (field.schema.minItems !== undefined && items.length > 0 && items.length < field.schema.minItems)
          errors[field.pointer] = msg(str`Enter at least ${field.schema.minItems} items, one a line.`, { id: 'settingsForm.error.minItems' });
        else if (field.schema.maxItems !== undefined && items.length > field.schema.maxItems)
          errors[field.pointer] = msg(str`Enter at most ${field.schema.maxItems} items.`, { id: 'settingsForm.error.maxItems' });
        else {
          for (const [index, item] of items.entries()) {
            const error = checkString(item, field.schema.items ?? {});
            if (error) {
              errors[field.pointer] = msg(str`Line ${index + 1}: ${error}`, { id: 'settingsForm.error.line' });
              break;
            }
          }
        }
        break;
      }
      default: {
        if (text.trim() === '') {
          if (field.required && groupSent) errors[field.pointer] = requiredMessage();
          break;
        }
        const error =
          field.kind === 'integer' || field.kind === 'number'
            ? checkNumber(text, field.schema, field.kind === 'integer')
            : field.kind === 'select'
              ? undefined
              : checkString(text, field.schema);
        if (error) errors[field.pointer] = error;
      }
    }
  }
  return errors;
}

/** A server issue (`/values/smtp/port`) as the pointer of the nearest field of the form (`/smtp/port`). */
export function fieldPointerOf(serverPointer: string, fields: readonly FieldSpec[]): string | undefined {
  const known = new Set(flatten(fields).map((f) => f.pointer));
  let pointer = serverPointer.replace(/^\/values(?=\/|$)/, '');
  while (pointer) {
    if (known.has(pointer)) return pointer;
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  }
  return undefined;
}
