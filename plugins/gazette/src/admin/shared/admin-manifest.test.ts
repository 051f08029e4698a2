// The manifest's nav entries and the pages agree: each page's route (the pages build links from
// ROUTES) and a permission the plugin declares. That every element is defined, the admin build checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './gazette-api.js';

interface Manifest {
  cong: { permissions: { id: string }[]; admin: { module: string; nav: { id: string; route: string; element: string; icon?: string; permission?: string }[] } };
}
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('cong.admin', () => {
  it('names each page under the route the page links with, behind a declared permission, with an icon', () => {
    const nav = manifest.cong.admin.nav;
    expect(Object.fromEntries(nav.map((n) => [n.element, n.route]))).toEqual({
      'gazette-submissions': ROUTES.submissions,
      'gazette-contact': ROUTES.contact,
      'gazette-intake-register': ROUTES.register,
      'gazette-comparison': ROUTES.comparison,
      'gazette-deadlines': ROUTES.deadlines,
      'gazette-issues': ROUTES.issues,
      'gazette-corrections': ROUTES.corrections,
      'gazette-annual-report': ROUTES.annualReport,
    });
    const declared = manifest.cong.permissions.map((p) => p.id);
    for (const entry of nav) {
      expect(declared).toContain(entry.permission);
      expect(entry.icon).toMatch(/^[a-z][a-z0-9-]+$/);
    }
    expect(Object.fromEntries(nav.map((n) => [n.element, n.permission]))).toEqual({
      'gazette-submissions': 'gazette.submit',
      'gazette-contact': 'gazette.submit',
      'gazette-intake-register': 'gazette.receive',
      'gazette-comparison': 'gazette.compare',
      'gazette-deadlines': 'gazette.receive',
      'gazette-issues': 'gazette.compose',
      'gazette-corrections': 'gazette.compose',
      'gazette-annual-report': 'gazette.receive',
    });
    expect(manifest.cong.admin.module).toBe('./dist/admin/index.js');
  });
});
