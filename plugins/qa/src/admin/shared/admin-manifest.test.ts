// The manifest's nav entries and the pages agree: each page's route (the pages build links from
// ROUTES) and a permission the plugin declares. That every element is defined, the admin build checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWER, APPROVE, CONSULTATION_REPLY, CONSULTATIONS, DIALOGUES, FEEDBACK, IDEAS, PRIVACY, ROUTES, STATISTICS, TEMPLATES, TRIAGE } from './qa-api.js';

interface Manifest {
  scripts: { build: string };
  cong: { permissions: { id: string }[]; admin: { module: string; nav: { id: string; label: { vi: string; en?: string }; route: string; element: string; icon?: string; permission?: string }[] } };
}
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('cong.admin', () => {
  it('names each page under the route the page links with, behind a declared permission, with an icon and both languages', () => {
    const nav = manifest.cong.admin.nav;
    expect(Object.fromEntries(nav.map((n) => [n.element, n.route]))).toEqual({
      'qa-board-queue': ROUTES.board,
      'qa-routing-rules': ROUTES.rules,
      'qa-agency-inbox': ROUTES.inbox,
      'qa-answer-settings': ROUTES.settings,
      'qa-consultations': ROUTES.consultations,
      'qa-consultation-requests': ROUTES.consultationRequests,
      'qa-dialogues': ROUTES.dialogues,
      'qa-statistics': ROUTES.statistics,
      'qa-feedback': ROUTES.feedback,
      'qa-ideas': ROUTES.ideas,
      'qa-mail-templates': ROUTES.templates,
      'qa-personal-data': ROUTES.privacy,
    });
    expect(Object.fromEntries(nav.map((n) => [n.element, n.permission]))).toEqual({
      'qa-board-queue': TRIAGE,
      'qa-routing-rules': TRIAGE,
      'qa-agency-inbox': ANSWER,
      'qa-answer-settings': APPROVE,
      'qa-consultations': CONSULTATIONS,
      'qa-consultation-requests': CONSULTATION_REPLY,
      'qa-dialogues': DIALOGUES,
      'qa-statistics': STATISTICS,
      'qa-feedback': FEEDBACK,
      'qa-ideas': IDEAS,
      'qa-mail-templates': TEMPLATES,
      'qa-personal-data': PRIVACY,
    });
    // Ids and routes are unique: the shell keys its nav and its router by them.
    expect(new Set(nav.map((n) => n.id)).size).toBe(nav.length);
    expect(new Set(nav.map((n) => n.route)).size).toBe(nav.length);
    const declared = manifest.cong.permissions.map((p) => p.id);
    for (const entry of nav) {
      expect(declared).toContain(entry.permission);
      expect(entry.icon).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(entry.route.startsWith('/qa/')).toBe(true);
      expect(entry.id.startsWith('qa.')).toBe(true);
      expect(entry.label.vi).toBeTruthy();
      expect(entry.label.en).toBeTruthy();
    }
    expect(manifest.cong.admin.module).toBe('./dist/admin/index.js');
    expect(manifest.scripts.build).toContain('vite build --config vite.admin.config.ts');
  });
});
