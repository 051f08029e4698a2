import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestValidatorSource } from './manifest-validator-source.js';
import { manifestSchema, validateManifest } from './validate-manifest.js';

describe('validateManifest', () => {
  const valid = {
    id: 'gazette',
    pluginApi: '^1.0.0',
    requires: { portal: '^1.2.0' },
    optional: { mail: '>=1' },
    permissions: [{ id: 'gazette.publish', label: { vi: 'Đăng Công báo', en: 'Publish the gazette' } }],
    admin: {
      module: './dist/admin/index.js',
      nav: [{ id: 'gazette.issues', label: { vi: 'Số Công báo' }, route: '/gazette/issues', element: 'gazette-issue-list' }],
      slots: [{ zone: 'dashboard.widgets@1', element: 'gazette-due-widget', order: 20 }],
      settings: true,
    },
    widgets: { module: './dist/widgets/index.js', elements: ['cong-gazette-latest'] },
    failurePolicy: 'abort',
  };

  it('accepts the manifest of ARCHITECTURE.md §2', () => {
    expect(validateManifest(valid)).toMatchObject({ valid: true, errors: [] });
  });

  it('reports every schema issue with a JSON pointer', () => {
    const result = validateManifest({ id: 'Gazette!', pluginApi: 1, colour: 'red', admin: { nav: [] } });
    expect(result.valid).toBe(false);
    const pointers = result.errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/id', '/pluginApi', '/colour', '/admin/module']));
    expect(result.errors.find((e) => e.pointer === '/colour')?.message).toBe('is not a known manifest field');
  });

  it('checks what a schema cannot: ranges, prefixes, self-dependency', () => {
    const result = validateManifest({
      ...valid,
      pluginApi: 'soon',
      requires: { gazette: '^1', portal: 'one' },
      optional: { portal: '^1' },
      permissions: [{ id: 'portal.publish', label: { vi: 'x' } }],
      admin: { module: './a.js', nav: [{ id: 'other.x', label: { vi: 'x' }, route: '/x', element: 'portal-list' }] },
      widgets: { module: './w.js', elements: ['gazette-latest'] },
    });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => `${e.pointer} ${e.message}`)).toEqual([
      '/pluginApi "soon" is not a semver range',
      '/requires/gazette a plugin cannot depend on itself',
      '/requires/portal "one" is not a semver range',
      '/optional/portal is also listed in requires',
      '/permissions/0/id must start with "gazette."',
      '/admin/nav/0/element tag must start with "gazette-"',
      '/admin/nav/0/id must start with "gazette."',
      '/widgets/elements/0 tag must start with "cong-gazette-"',
    ]);
  });

  it('accepts a display name in Vietnamese, with or without English, and refuses a bad one', () => {
    expect(validateManifest({ ...valid, name: { vi: 'Công báo', en: 'Gazette' } })).toMatchObject({ valid: true });
    expect(validateManifest({ ...valid, name: { vi: 'Công báo' } })).toMatchObject({ valid: true });
    const bad = (name: unknown) => {
      const result = validateManifest({ ...valid, name });
      expect(result.valid).toBe(false);
      return result.errors.map((e) => e.pointer);
    };
    expect(bad({ en: 'Gazette' })).toEqual(['/name/vi']);
    expect(bad({ vi: '' })).toEqual(['/name/vi']);
    expect(bad({ vi: 'x'.repeat(101) })).toEqual(['/name/vi']);
    expect(bad({ vi: 'Công báo', en: 'x'.repeat(101) })).toEqual(['/name/en']);
    expect(bad({ vi: 'Công báo', fr: 'Journal' })).toEqual(['/name/fr']);
    expect(bad('Công báo')).toEqual(['/name']);
  });

  it('the shipped schema is itself valid draft 2020-12 (the runtime skips that check for speed)', () => {
    const ajv = new Ajv2020({ strict: true });
    expect(ajv.validateSchema(manifestSchema)).toBe(true);
  });
});

it('the generated manifest validator is current (else run: npx -y tsx sdk/scripts/generate-manifest-validator.ts)', () => {
  expect(readFileSync(new URL('./manifest-validator.generated.js', import.meta.url), 'utf8')).toBe(manifestValidatorSource());
});
