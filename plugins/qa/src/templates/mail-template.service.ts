import { coreServices, NotFoundError, normalizeText, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_TEMPLATE_PLACEHOLDER } from '../errors.js';
import { isMailTemplateName, MAIL_TEMPLATE_NAMES, MAIL_TEMPLATES, type MailTemplateName, type MailTemplateText } from './mail-template-catalog.js';
import type { MailTemplateDatabase, MailTemplateRow } from './mail-template-database.js';
import { MailTemplateRepository } from './mail-template.repository.js';
import { renderMailTemplate, unknownPlaceholders, type MailValues, type RenderedMail } from './render-mail-template.js';

/** Who edits a province's templates: a person of its board, through a route. */
export interface TemplateEditor {
  readonly id: string;
  readonly provinceId: string;
  readonly request: RouteRequest;
}

export interface MailTemplateView extends MailTemplateText {
  readonly name: MailTemplateName;
  readonly description: { readonly vi: string; readonly en: string };
  readonly keys: readonly string[];
  readonly overridden: boolean;
  readonly defaults: MailTemplateText;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

const textOf = (row: MailTemplateRow): MailTemplateText => ({ subject: row.subject, bodyVi: row.body_vi, bodyEn: row.body_en });
// Templates are stored as typed, with Windows line ends made plain (the bodies are plain text).
const clean = (value: string) => normalizeText(value).replace(/\r\n?/g, '\n');

/**
 * A province's e-mail templates: the default text of each named message, or the province's own, edited
 * by its board (`qa.templates.manage`). Every change is audited with the text before and after.
 */
export class MailTemplateService {
  readonly repo: MailTemplateRepository;

  constructor(private readonly ctx: PluginContext) {
    this.repo = new MailTemplateRepository(ctx.get(coreServices.database).kysely<MailTemplateDatabase>());
  }

  /**
   * The text to send for `name` in `provinceId`: the province's override, else the default. Areas call
   * it where they build a message; pass the open transaction when there is one (one connection on SQLite).
   */
  async textFor(provinceId: string, name: MailTemplateName, trx?: Transaction<any>): Promise<MailTemplateText> {
    const row = await this.repo.find(provinceId, name, trx);
    return row ? textOf(row) : MAIL_TEMPLATES[name].defaults;
  }

  async list(provinceId: string) {
    const rows = new Map((await this.repo.all(provinceId)).map((r) => [r.name, r]));
    return {
      items: MAIL_TEMPLATE_NAMES.map((name) => ({
        name,
        description: MAIL_TEMPLATES[name].description,
        keys: [...MAIL_TEMPLATES[name].keys],
        overridden: rows.has(name),
        updatedAt: iso(rows.get(name)?.updated_at),
      })),
    };
  }

  async detail(provinceId: string, name: string): Promise<MailTemplateView> {
    const template = known(name);
    return view(template, await this.repo.find(provinceId, template));
  }

  async save(editor: TemplateEditor, name: string, input: MailTemplateText): Promise<MailTemplateView> {
    const template = known(name);
    const text = { subject: clean(input.subject).trim(), bodyVi: clean(input.bodyVi), bodyEn: clean(input.bodyEn) };
    checkPlaceholders(template, text);
    const before = await this.repo.find(editor.provinceId, template);
    const row: MailTemplateRow = { province_id: editor.provinceId, name: template, subject: text.subject, body_vi: text.bodyVi, body_en: text.bodyEn, updated_by: editor.id, updated_at: Date.now() };
    await this.#transaction(async (trx) => {
      await this.repo.save(row, trx);
      await this.#audit(editor, 'qa.template.update', template, before ? textOf(before) : { default: true }, text, trx);
    });
    return view(template, row);
  }

  /** Drops the province's override: the default text is sent again. */
  async reset(editor: TemplateEditor, name: string): Promise<MailTemplateView> {
    const template = known(name);
    const before = await this.repo.find(editor.provinceId, template);
    if (before) {
      await this.#transaction(async (trx) => {
        await this.repo.remove(editor.provinceId, template, trx);
        await this.#audit(editor, 'qa.template.reset', template, textOf(before), { default: true }, trx);
      });
    }
    return view(template, undefined);
  }

  /** Renders the saved text, or a draft (parts left out are the saved ones), with the sample values. */
  async preview(provinceId: string, name: string, draft: Partial<MailTemplateText> = {}): Promise<RenderedMail & { values: MailValues }> {
    const template = known(name);
    const saved = await this.textFor(provinceId, template);
    const text = { subject: draft.subject ?? saved.subject, bodyVi: draft.bodyVi ?? saved.bodyVi, bodyEn: draft.bodyEn ?? saved.bodyEn };
    checkPlaceholders(template, text);
    const values = MAIL_TEMPLATES[template].sample;
    return { ...renderMailTemplate(text, values), values };
  }

  async #audit(editor: TemplateEditor, action: string, name: string, before: unknown, after: unknown, trx: Transaction<MailTemplateDatabase>): Promise<void> {
    await this.ctx.get(coreServices.audit).record({ action, objectType: 'qa.template', objectId: name, tenantId: editor.provinceId, before, after }, { request: editor.request, trx });
  }

  #transaction<T>(work: (trx: Transaction<MailTemplateDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<MailTemplateDatabase, T>(work);
  }
}

/**
 * Renders the message `name` for `provinceId` with `values`: the one call an area makes to build an
 * e-mail. Pass `trx` when a transaction is open.
 */
export async function renderQaMail(ctx: PluginContext, provinceId: string, name: MailTemplateName, values: MailValues, trx?: Transaction<any>): Promise<RenderedMail> {
  return renderMailTemplate(await new MailTemplateService(ctx).textFor(provinceId, name, trx), values);
}

/** Refuses a placeholder the template does not declare, naming the field (400). */
function checkPlaceholders(template: MailTemplateName, text: MailTemplateText): void {
  const keys = MAIL_TEMPLATES[template].keys;
  for (const field of ['subject', 'bodyVi', 'bodyEn'] as const) {
    const unknown = unknownPlaceholders(text[field], keys);
    if (unknown.length === 0) continue;
    const allowed = keys.map((k) => `{{${k}}}`).join(', ');
    const message = `uses ${unknown.join(', ')}; the placeholders of ${template} are ${allowed}`;
    throw QA_ERR_TEMPLATE_PLACEHOLDER.create({ field, placeholders: unknown.join(', '), allowed }, { errors: [{ in: 'body', pointer: `/${field}`, message, keyword: 'enum' }] });
  }
}

function known(name: string): MailTemplateName {
  if (!isMailTemplateName(name)) throw new NotFoundError(`No e-mail template is named ${name}`);
  return name;
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function view(name: MailTemplateName, row: MailTemplateRow | undefined): MailTemplateView {
  const definition = MAIL_TEMPLATES[name];
  return {
    name,
    description: definition.description,
    keys: [...definition.keys],
    ...(row ? textOf(row) : definition.defaults),
    overridden: row !== undefined,
    defaults: definition.defaults,
    updatedBy: row?.updated_by ?? null,
    updatedAt: iso(row?.updated_at),
  };
}
