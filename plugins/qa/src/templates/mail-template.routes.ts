import { NotFoundError, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { UnitTree } from '../questions/unit-tree.js';
import { previewBody, previewSchema, templateBody, templateListSchema, templateParams, templateSchema } from './mail-template.schema.js';
import { MailTemplateService, type TemplateEditor } from './mail-template.service.js';

/** The permission of the province's board to edit the e-mails the plugin sends. */
export const MANAGE_TEMPLATES = 'qa.templates.manage';

/** Templates are the province's: the request's unit must be the root of its tree; any other unit gets 404. */
async function provinceOf(ctx: PluginContext, req: RouteRequest): Promise<string> {
  const unit = req.tenantId === undefined ? undefined : await new UnitTree(ctx).get(req.tenantId);
  if (!unit || unit.parentId !== null) throw new NotFoundError('E-mail templates are kept by the province’s editorial board');
  return unit.id;
}

const editorOf = async (ctx: PluginContext, req: RouteRequest): Promise<TemplateEditor> => ({ id: req.principal!.id, provinceId: await provinceOf(ctx, req), request: req });

/**
 * The province's e-mail templates (`/api/qa/templates…`, `qa.templates.manage` in the province): read,
 * override, restore the default, preview with sample values.
 */
export function mailTemplateRoutes(route: RouteBuilder): void {
  route.get('/templates', {
    summary: { vi: 'Các mẫu thư điện tử của hỏi đáp', en: 'The Q&A e-mail templates' },
    permission: MANAGE_TEMPLATES,
    schema: { response: { 200: templateListSchema } },
    handler: async (req, ctx) => new MailTemplateService(ctx).list(await provinceOf(ctx, req)),
  });

  route.get('/templates/:name', {
    summary: { vi: 'Mẫu thư: nội dung đang dùng, nội dung mặc định và các trường được dùng', en: 'A template: its text, the default and its placeholders' },
    permission: MANAGE_TEMPLATES,
    schema: { params: templateParams, response: { 200: templateSchema } },
    handler: async (req, ctx) => new MailTemplateService(ctx).detail(await provinceOf(ctx, req), req.params.name),
  });

  route.put('/templates/:name', {
    summary: { vi: 'Sửa mẫu thư của tỉnh', en: 'Override a template for the province' },
    description: 'Placeholders are `{{key}}` with a key of the template (`keys`); any other `{{…}}` is refused (400 naming the field). Values are inserted as plain text; the subject is one line.',
    permission: MANAGE_TEMPLATES,
    schema: { params: templateParams, body: templateBody, response: { 200: templateSchema } },
    handler: async (req, ctx) => new MailTemplateService(ctx).save(await editorOf(ctx, req), req.params.name, req.body),
  });

  route.delete('/templates/:name', {
    summary: { vi: 'Khôi phục mẫu thư mặc định', en: 'Restore the default template' },
    permission: MANAGE_TEMPLATES,
    schema: { params: templateParams, response: { 200: templateSchema } },
    handler: async (req, ctx) => new MailTemplateService(ctx).reset(await editorOf(ctx, req), req.params.name),
  });

  route.post('/templates/:name/preview', {
    summary: { vi: 'Xem trước mẫu thư với dữ liệu mẫu', en: 'Preview a template with sample values' },
    description: 'Renders the saved text, or the draft in the body (a part left out is the saved one), with the sample values; nothing is saved or sent.',
    permission: MANAGE_TEMPLATES,
    schema: { params: templateParams, body: previewBody, response: { 200: previewSchema } },
    handler: async (req, ctx) => new MailTemplateService(ctx).preview(await provinceOf(ctx, req), req.params.name, req.body ?? {}),
  });
}
