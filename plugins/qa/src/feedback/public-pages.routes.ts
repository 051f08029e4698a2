import { antiAbuseProblem } from '../public-forms/anti-abuse-problem.js';
import { CongError, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { VERIFICATION_TOKEN } from '../questions/question-tokens.js';
import { siteOfRequest, type RequestSite } from '../questions/site-of-request.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { FeedbackSettings } from './feedback-config.js';
import type { FeedbackKind } from './feedback-database.js';
import { lookupFormBody, slugParams, submissionFormBody, supportFormBody, tokenParams } from './feedback.schema.js';
import { AREAS, confirmPage, formPage, ideaPage, ideasPage, invalidLinkPage, lookupPage, messagePage, resultsPage, statusPage, verifiedPage } from './feedback-pages.js';
import { checkSubmission, PublicFeedbackService, type SubmissionProblem, type SubmissionValues } from './public-feedback.service.js';

/** What a refusal of the anti-abuse checks tells the person, by error code. */
function problemOf(error: CongError, settings: FeedbackSettings): SubmissionProblem {
  const shared = antiAbuseProblem(error, settings.minFillSeconds, { vi: 'phản ánh, góp ý', en: 'submission', enPlural: 'submissions' });
  // The field the message sits beside: the token's, the hidden field's, or the address for a limit.
  if (shared) return { field: error.code === 'QA_ERR_HONEYPOT' ? 'website' : error.code === 'CONG_ERR_RATE_LIMITED' ? 'email' : 'formToken', ...shared };
  switch (error.code) {
    case 'QA_ERR_ALREADY_SUPPORTED':
      return { field: 'email', vi: 'Địa chỉ e-mail này đã ủng hộ góp ý, hoặc liên kết xác nhận đã được gửi và còn hiệu lực.', en: 'This address has already supported the idea, or its confirmation link is waiting.' };
    case 'QA_ERR_FEEDBACK_STATE':
      return { field: 'email', vi: 'Góp ý này không còn nhận ủng hộ.', en: 'This idea no longer takes support.' };
    default:
      return { field: error.errors[0]?.pointer?.slice(1) ?? 'form', vi: `Thông tin chưa hợp lệ (${error.errors[0]?.pointer ?? ''} ${error.errors[0]?.message ?? error.message}).`, en: error.message };
  }
}

/**
 * The public pages of feedback on regulations (`/phan-anh-kien-nghi…`) and ideas (`/gop-y-hien-ke…`)
 * on every unit's site, server-rendered and usable without JavaScript. Whatever site receives them,
 * feedback goes to the province's receiving unit and ideas to the province; the result and idea lists
 * show the province's.
 */
export function feedbackPublicRoutes(route: RouteBuilder, settings: FeedbackSettings): void {
  const service = (ctx: PluginContext) => new PublicFeedbackService(ctx, settings);

  async function form(req: RouteRequest, ctx: PluginContext, site: RequestSite, kind: FeedbackKind, values: SubmissionValues = {}, problems: readonly SubmissionProblem[] = [], status = 200) {
    const s = service(ctx);
    const scope = await s.scopeOf(req.tenantId);
    const receiving = await new UnitTree(ctx).refOrNull(scope.receivingUnitId);
    return formPage(site, kind, { formToken: await s.formToken(req.tenantId!), receivingUnitName: receiving?.name ?? scope.province.nameVi, nationalPortalUrl: settings.nationalPortalUrl, contentMaxLength: settings.contentMaxLength }, values, problems, status);
  }

  async function submit(req: RouteRequest<unknown, unknown, Record<string, string | undefined>>, ctx: PluginContext, kind: FeedbackKind) {
    const site = await siteOfRequest(req as RouteRequest, ctx);
    const values = req.body as SubmissionValues;
    const kept: SubmissionValues = { ...values, website: '', formToken: '' };
    const problems = checkSubmission(kind, values, settings);
    if (problems.length > 0) return form(req as RouteRequest, ctx, site, kind, kept, problems, 400);
    const s = service(ctx);
    try {
      const done = await s.submit(req as RouteRequest, await s.scopeOf(req.tenantId), kind, values, site.linkBase);
      return messagePage(
        site,
        kind,
        200,
        'Vui lòng kiểm tra e-mail',
        'Please check your e-mail',
        `Chúng tôi đã gửi liên kết xác nhận đến địa chỉ e-mail của bạn. Nội dung được tiếp nhận sau khi bạn mở liên kết và bấm "Xác nhận" (trong ${done.verificationHours} giờ); bạn sẽ nhận mã theo dõi.`,
        `We sent a confirmation link to your e-mail address. It is received once you open it and press "Confirm" (within ${done.verificationHours} hours); you then get a tracking code.`,
      );
    } catch (error) {
      if (!CongError.is(error) || error.status >= 500 || error.status === 404) throw error;
      return form(req as RouteRequest, ctx, site, kind, kept, [problemOf(error, settings)], error.status);
    }
  }

  // Fixed paths before `/gop-y-hien-ke/:slug`: the first route that matches answers.
  for (const kind of ['regulation', 'idea'] as const) {
    const base = `/${AREAS[kind].path}`;
    const formPath = kind === 'regulation' ? base : `${base}/gui`;
    route.get(formPath, {
      summary: kind === 'regulation' ? { vi: 'Biểu mẫu phản ánh, kiến nghị về quy định hành chính', en: 'The form of feedback on regulations' } : { vi: 'Biểu mẫu góp ý, hiến kế', en: 'The form of ideas for the province' },
      schema: {},
      handler: async (req, ctx) => form(req, ctx, await siteOfRequest(req, ctx), kind),
    });
    route.post(formPath, {
      summary: kind === 'regulation' ? { vi: 'Gửi phản ánh, kiến nghị (chờ xác nhận e-mail)', en: 'Send feedback (pending e-mail verification)' } : { vi: 'Gửi góp ý, hiến kế (chờ xác nhận e-mail)', en: 'Send an idea (pending e-mail verification)' },
      rateLimit: settings.submitPerAddress,
      form: true,
      bodyLimit: 64 * 1024,
      schema: { body: submissionFormBody },
      handler: (req, ctx) => submit(req, ctx, kind),
    });
    route.get(`${base}/xac-nhan/:token`, {
      summary: { vi: 'Trang xác nhận (liên kết trong e-mail)', en: 'The confirm page of the e-mailed link' },
      schema: { params: tokenParams },
      handler: async (req, ctx) => {
        const site = await siteOfRequest(req, ctx);
        const pending = VERIFICATION_TOKEN.test(req.params.token) ? await service(ctx).verificationPending(kind, req.params.token) : undefined;
        return pending ? confirmPage(site, kind, `${site.prefix}${base}/xac-nhan/${req.params.token}`, pending.title) : invalidLinkPage(site, kind);
      },
    });
    route.post(`${base}/xac-nhan/:token`, {
      summary: { vi: 'Xác nhận phản ánh, kiến nghị hoặc góp ý', en: 'Confirm feedback or an idea' },
      rateLimit: settings.verifyPerAddress,
      schema: { params: tokenParams },
      handler: async (req, ctx) => {
        const site = await siteOfRequest(req, ctx);
        if (!VERIFICATION_TOKEN.test(req.params.token)) return invalidLinkPage(site, kind);
        try {
          return verifiedPage(site, kind, (await service(ctx).verify(kind, req.params.token, site.linkBase)).trackingCode);
        } catch (error) {
          if (CongError.is(error) && error.code === 'QA_ERR_VERIFICATION_INVALID') return invalidLinkPage(site, kind);
          throw error;
        }
      },
    });
  }

  route.get('/phan-anh-kien-nghi/tra-cuu', {
    summary: { vi: 'Tra cứu phản ánh, kiến nghị, góp ý', en: 'Look up feedback or an idea' },
    schema: {},
    handler: async (req, ctx) => lookupPage(await siteOfRequest(req, ctx)),
  });
  route.post('/phan-anh-kien-nghi/tra-cuu', {
    summary: { vi: 'Kết quả tra cứu theo mã theo dõi và e-mail', en: 'The status by tracking code and e-mail' },
    rateLimit: settings.statusPerAddress,
    form: true,
    schema: { body: lookupFormBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      try {
        const found = await s.status(await s.scopeOf(req.tenantId), req.body.trackingCode ?? '', req.body.email ?? '');
        return statusPage(site, found.row);
      } catch (error) {
        if (CongError.is(error) && error.status === 404) return lookupPage(site, true, 404);
        throw error;
      }
    },
  });
  route.get('/phan-anh-kien-nghi/ket-qua', {
    summary: { vi: 'Kết quả xử lý phản ánh, kiến nghị đã công khai', en: 'Published results of feedback on regulations' },
    schema: {},
    handler: async (req, ctx) => {
      const s = service(ctx);
      return resultsPage(await siteOfRequest(req, ctx), await s.results(await s.scopeOf(req.tenantId)));
    },
  });

  route.get('/gop-y-hien-ke', {
    summary: { vi: 'Góp ý, hiến kế đã công khai', en: 'Published ideas' },
    schema: {},
    handler: async (req, ctx) => {
      const s = service(ctx);
      return ideasPage(await siteOfRequest(req, ctx), await s.ideas(await s.scopeOf(req.tenantId)));
    },
  });
  route.get('/gop-y-hien-ke/ung-ho/:token', {
    summary: { vi: 'Trang xác nhận ủng hộ góp ý (liên kết trong e-mail)', en: 'The confirm page of a support vote' },
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const idea = VERIFICATION_TOKEN.test(req.params.token) ? await service(ctx).votePending(req.params.token) : undefined;
      return idea ? confirmPage(site, 'idea', `${site.prefix}/gop-y-hien-ke/ung-ho/${req.params.token}`, idea.public_title ?? idea.title) : invalidLinkPage(site, 'idea');
    },
  });
  route.post('/gop-y-hien-ke/ung-ho/:token', {
    summary: { vi: 'Xác nhận ủng hộ góp ý', en: 'Confirm a support vote' },
    rateLimit: settings.verifyPerAddress,
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      if (!VERIFICATION_TOKEN.test(req.params.token)) return invalidLinkPage(site, 'idea');
      try {
        const idea = await service(ctx).confirmVote(req.params.token);
        return messagePage(site, 'idea', 200, 'Cảm ơn bạn đã ủng hộ', 'Thank you for your support', 'Lượt ủng hộ của bạn đã được tính.', 'Your support has been counted.', `${site.prefix}/gop-y-hien-ke/${idea.public_slug ?? ''}`);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_VERIFICATION_INVALID') return invalidLinkPage(site, 'idea');
        throw error;
      }
    },
  });
  route.get('/gop-y-hien-ke/:slug', {
    summary: { vi: 'Trang góp ý, hiến kế', en: 'An idea’s page' },
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      return ideaPage(site, await s.idea(await s.scopeOf(req.tenantId), req.params.slug), await s.formToken(req.tenantId!));
    },
  });
  route.post('/gop-y-hien-ke/:slug/ung-ho', {
    summary: { vi: 'Ủng hộ góp ý (chờ xác nhận e-mail)', en: 'Support an idea (pending e-mail verification)' },
    rateLimit: settings.votePerAddress,
    form: true,
    schema: { params: slugParams, body: supportFormBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const scope = await s.scopeOf(req.tenantId);
      const idea = await s.idea(scope, req.params.slug);
      const email = (req.body.email ?? '').trim();
      if (!/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(email) || email.length > 254) {
        return ideaPage(site, idea, await s.formToken(req.tenantId!), { vi: 'E-mail: địa chỉ không hợp lệ.', en: 'E-mail: not a valid address.' }, 400);
      }
      try {
        const done = await s.support(req, scope, req.params.slug, req.body, site.linkBase);
        return messagePage(site, 'idea', 200, 'Vui lòng kiểm tra e-mail', 'Please check your e-mail', `Lượt ủng hộ được tính sau khi bạn mở liên kết trong e-mail và bấm "Xác nhận" (trong ${done.verificationHours} giờ).`, `Your support is counted once you open the e-mailed link and press "Confirm" (within ${done.verificationHours} hours).`, `${site.prefix}/gop-y-hien-ke/${req.params.slug}`);
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500 || error.status === 404) throw error;
        const p = problemOf(error, settings);
        return ideaPage(site, idea, await s.formToken(req.tenantId!), p, error.status);
      }
    },
  });
}
