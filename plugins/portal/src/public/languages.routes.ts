import { defineSchema, respond, type RouteBuilder } from '@cong/sdk';
import type { Lang, Languages } from '../site/languages.js';

/** A language of the public site, as the admin and other clients read it. */
export interface PublicLanguage {
  readonly code: Lang;
  /** Its name in itself (`English`, `ພາສາລາວ`). */
  readonly name: string;
  /** Its name in Vietnamese (`Tiếng Anh`, `Tiếng Lào`). */
  readonly nameVi: string;
  /** Where its site starts, under a unit's root: `/`, `/en/`, `/lo/`. */
  readonly path: string;
}

const languageList = defineSchema<{ items: PublicLanguage[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name', 'nameVi', 'path'],
        properties: { code: { type: 'string' }, name: { type: 'string' }, nameVi: { type: 'string' }, path: { type: 'string' } },
      },
    },
  },
});

/**
 * `GET /api/portal/languages`: the public site's languages, Vietnamese first, then English and the
 * configured ones (cong.config.json). The admin's editors offer a translation in each but Vietnamese.
 */
export function languageRoutes(route: RouteBuilder, languages: Languages): void {
  const body = { items: languages.all.map((l) => ({ code: l.code, name: l.name, nameVi: l.nameVi, path: l.segment === '' ? '/' : `/${l.segment}/` })) };
  route.get('/languages', {
    summary: { vi: 'Ngôn ngữ của trang công khai', en: 'Languages of the public site' },
    description: 'Anonymous. Vietnamese, English and the languages set in cong.config.json (pluginConfig.portal.languages); they change only with a restart.',
    tags: ['portal-public'],
    schema: { response: { 200: languageList } },
    handler: () => respond(200, body, { 'cache-control': 'public, max-age=300' }),
  });
}
