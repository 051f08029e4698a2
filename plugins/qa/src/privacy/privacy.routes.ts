import { CongError, NotFoundError, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { VERIFICATION_TOKEN } from '../questions/question-tokens.js';
import { siteOfRequest } from '../questions/site-of-request.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { PrivacySettings } from './privacy-config.js';
import { deletionConfirmPage, deletionDonePage, deletionFormPage, deletionInvalidLinkPage, deletionRequestedPage, NOT_FOUND_PROBLEM, OPEN_QUESTION_PROBLEM } from './privacy-pages.js';
import { confirmBody, deletionFormBody, deletionRequestBody, erasedSchema, requestedSchema, retentionSchema, tokenParams } from './privacy.schema.js';
import { PersonalDataService } from './personal-data.service.js';

/** The permission of the province's board to run the retention period by hand. */
export const MANAGE_PRIVACY = 'qa.privacy.manage';

async function boardProvince(ctx: PluginContext, req: RouteRequest): Promise<string> {
  const unit = req.tenantId === undefined ? undefined : await new UnitTree(ctx).get(req.tenantId);
  if (!unit || unit.parentId !== null) throw new NotFoundError('The retention period is applied by the province’s editorial board');
  return unit.id;
}

/** The widget's JSON endpoints for deletion on request, and the board's retention run. */
export function privacyRoutes(route: RouteBuilder, settings: PrivacySettings): void {
  const service = (ctx: PluginContext) => new PersonalDataService(ctx, settings);

  route.post('/public/privacy/deletion-requests', {
    summary: { vi: 'Yêu cầu xoá dữ liệu cá nhân của câu hỏi (xác nhận qua e-mail)', en: 'Ask to delete a question’s personal data (confirmed by e-mail)' },
    description: 'With the tracking code and the e-mail address of the question (404 when they do not match, as the status). A link is mailed to that address; it works once and expires after `privacy.deletionLinkHours`.',
    cors: true,
    rateLimit: settings.requestPerAddress,
    schema: { body: deletionRequestBody, response: { 202: requestedSchema } },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      return respond(202, await service(ctx).requestDeletion(req.body.trackingCode, req.body.email, site.linkBase));
    },
  });

  route.post('/public/privacy/confirm', {
    summary: { vi: 'Xác nhận xoá dữ liệu cá nhân bằng mã trong e-mail', en: 'Confirm the deletion with the mailed token' },
    cors: true,
    rateLimit: settings.requestPerAddress,
    schema: { body: confirmBody, response: { 200: erasedSchema } },
    handler: async (req, ctx) => ({ erased: true as const, ...(await service(ctx).confirmDeletion(req.body.token)) }),
  });

  route.post('/privacy/retention/run', {
    summary: { vi: 'Áp dụng thời hạn lưu trữ dữ liệu cá nhân ngay', en: 'Apply the retention period now' },
    description: 'What the daily job does, for the province: questions answered or closed more than `privacy.retentionYears` ago have their personal data erased. Running it again erases nothing more.',
    permission: MANAGE_PRIVACY,
    schema: { response: { 200: retentionSchema } },
    handler: async (req, ctx) => ({ ...(await service(ctx).applyRetention({ provinceId: await boardProvince(ctx, req) })), retentionYears: settings.retentionYears }),
  });
}

/** The public pages: the request form, and the confirm page of the mailed link (GET asks, POST erases). */
export function privacyPageRoutes(route: RouteBuilder, settings: PrivacySettings): void {
  const service = (ctx: PluginContext) => new PersonalDataService(ctx, settings);

  route.get('/hoi-dap/xoa-du-lieu', {
    summary: { vi: 'Trang yêu cầu xoá dữ liệu cá nhân', en: 'The page to ask for deletion of personal data' },
    schema: {},
    handler: async (req, ctx) => deletionFormPage(await siteOfRequest(req, ctx)),
  });

  route.post('/hoi-dap/xoa-du-lieu', {
    summary: { vi: 'Gửi yêu cầu xoá dữ liệu cá nhân', en: 'Send a deletion request' },
    rateLimit: settings.requestPerAddress,
    form: true,
    schema: { body: deletionFormBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const values = { trackingCode: req.body.trackingCode ?? '', email: req.body.email ?? '' };
      try {
        const done = await service(ctx).requestDeletion(values.trackingCode, values.email, site.linkBase);
        return deletionRequestedPage(site, done.linkHours);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_ERASURE_OPEN_QUESTION') return deletionFormPage(site, values, OPEN_QUESTION_PROBLEM);
        if (!(error instanceof NotFoundError) && !(CongError.is(error) && error.status === 404)) throw error;
        return deletionFormPage(site, values, NOT_FOUND_PROBLEM);
      }
    },
  });

  route.get('/hoi-dap/xoa-du-lieu/:token', {
    summary: { vi: 'Trang xác nhận xoá dữ liệu cá nhân (liên kết trong e-mail)', en: 'The confirm page of the deletion link' },
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const token = req.params.token;
      const pending = VERIFICATION_TOKEN.test(token) ? await service(ctx).pendingRequest(token) : undefined;
      return pending ? deletionConfirmPage(site, token, pending.trackingCode) : deletionInvalidLinkPage(site);
    },
  });

  route.post('/hoi-dap/xoa-du-lieu/:token', {
    summary: { vi: 'Xác nhận xoá dữ liệu cá nhân', en: 'Confirm the deletion of personal data' },
    rateLimit: settings.requestPerAddress,
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      if (!VERIFICATION_TOKEN.test(req.params.token)) return deletionInvalidLinkPage(site);
      try {
        await service(ctx).confirmDeletion(req.params.token);
        return deletionDonePage(site);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_ERASURE_LINK_INVALID') return deletionInvalidLinkPage(site);
        throw error;
      }
    },
  });
}
